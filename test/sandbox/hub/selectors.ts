import type { KubeObject } from './state.ts';

/** Equality-based label selectors (`a=b`, `a==b`, `a!=b`, `a`, `!a`), the forms kubectl `-l` sends most. */
export function matchesLabels(o: KubeObject, selector: string | null): boolean {
  if (!selector) return true;
  const labels = (o.metadata.labels ?? {}) as Record<string, string>;
  return selector.split(',').every((term) => {
    const t = term.trim();
    if (!t) return true;
    const ne = /^([^!=]+)!=(.*)$/.exec(t);
    if (ne) return labels[ne[1]?.trim() ?? ''] !== ne[2]?.trim();
    const eq = /^([^!=]+)==?(.*)$/.exec(t);
    if (eq) return labels[eq[1]?.trim() ?? ''] === eq[2]?.trim();
    if (t.startsWith('!')) return !(t.slice(1) in labels);
    return t in labels;
  });
}

/** The field selectors every resource supports: `metadata.name` and `metadata.namespace` (what `kubectl get NAME -w` sends). */
export function matchesFields(o: KubeObject, selector: string | null): boolean {
  if (!selector) return true;
  return selector.split(',').every((term) => {
    const m = /^\s*(metadata\.name|metadata\.namespace)\s*(==|=|!=)\s*(.*?)\s*$/.exec(term);
    if (!m) return true;
    const actual = m[1] === 'metadata.name' ? o.metadata.name : (o.metadata.namespace ?? '');
    return m[2] === '!=' ? actual !== m[3] : actual === m[3];
  });
}

export function matchesSelectors(o: KubeObject, params: URLSearchParams): boolean {
  return matchesLabels(o, params.get('labelSelector')) && matchesFields(o, params.get('fieldSelector'));
}
