// Typing into a React-controlled input from outside React. React remembers the value it last rendered
// (on the element itself) and ignores an `input` event when the element still shows that value, so
// assigning `.value` through the element can be swallowed; the prototype's native setter changes the
// DOM value without touching React's bookkeeping, and the bubbling `input` event then reaches
// React's root listener as a real change.

export function setControlledValue(input: HTMLInputElement, value: string): void {
  const view = input.ownerDocument.defaultView;
  const proto = view ? view.HTMLInputElement.prototype : HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(input, value);
  else input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}
