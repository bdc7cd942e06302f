// While the script logs in, the login box is hidden behind a short "Signing in" note, so the user
// never sees a form they are not meant to fill. The cover lives on <html>, which React does not own,
// and always comes off: on success, on failure (the user then sees the real form), and after a
// deadline in case something unforeseen happens.

const ATTR = 'data-karpor-autologin';
const STYLE_ID = 'karpor-autologin-cover';
const MAX_COVER_MS = 15_000;

export interface Cover {
  show(): void;
  hide(): void;
}

export function createCover(doc: Document, label: string): Cover {
  let deadline: ReturnType<typeof setTimeout> | null = null;
  const css = (text: string): string => JSON.stringify(text);
  const ensureStyle = (): void => {
    if (doc.getElementById(STYLE_ID)) return;
    const style = doc.createElement('style');
    style.id = STYLE_ID;
    style.textContent = `html[${ATTR}="signing-in"] body{visibility:hidden!important}
html[${ATTR}="signing-in"]::after{content:${css(label)};position:fixed;inset:0;display:flex;align-items:center;justify-content:center;font:14px/1.5 system-ui,sans-serif;color:#646566;background:#f5f5f5;visibility:visible;z-index:2147483647}`;
    (doc.head ?? doc.documentElement)?.appendChild(style);
  };
  const hide = (): void => {
    if (deadline !== null) clearTimeout(deadline);
    deadline = null;
    doc.documentElement?.removeAttribute(ATTR);
  };
  return {
    show() {
      if (!doc.documentElement) return;
      ensureStyle();
      doc.documentElement.setAttribute(ATTR, 'signing-in');
      if (deadline !== null) clearTimeout(deadline);
      deadline = setTimeout(hide, MAX_COVER_MS);
    },
    hide,
  };
}
