// Label and field selectors as the API server parses them from `labelSelector` / `fieldSelector` query parameters.

export type Matcher = (labels: Record<string, string>) => boolean;

export class SelectorError extends Error {}

function splitTopLevel(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth += 1;
    if (ch === ')') depth -= 1;
    if (ch === ',' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

function requirement(expr: string): Matcher {
  const set = /^(\S+)\s+(in|notin)\s+\((.*)\)$/.exec(expr);
  if (set) {
    const [, key = '', op = '', list = ''] = set;
    const values = list.split(',').map((v) => v.trim());
    return op === 'in'
      ? (l) => key in l && values.includes(l[key] ?? '')
      : (l) => !(key in l) || !values.includes(l[key] ?? '');
  }
  const cmp = /^([^=!\s]+)\s*(==|=|!=)\s*(\S*)$/.exec(expr);
  if (cmp) {
    const [, key = '', op = '', value = ''] = cmp;
    return op === '!=' ? (l) => l[key] !== value : (l) => l[key] === value;
  }
  if (/^![^=!\s]+$/.test(expr)) return (l) => !(expr.slice(1) in l);
  if (/^[^=!\s(),]+$/.test(expr)) return (l) => expr in l;
  throw new SelectorError(`unable to parse requirement: "${expr}"`);
}

/** Parses a label selector; an empty or absent one matches everything. */
export function parseLabelSelector(selector: string | null): Matcher {
  const reqs = splitTopLevel(selector ?? '').map(requirement);
  return (labels) => reqs.every((m) => m(labels));
}

/** Field selectors support `=`, `==` and `!=` on the flattened fields the caller offers (e.g. metadata.name). */
export function parseFieldSelector(selector: string | null): Matcher {
  const reqs = splitTopLevel(selector ?? '').map((expr) => {
    const m = /^([^=!\s]+)\s*(==|=|!=)\s*(\S*)$/.exec(expr);
    if (!m) throw new SelectorError(`invalid field selector: "${expr}"`);
    const [, key = '', op = '', value = ''] = m;
    return op === '!=' ? (f: Record<string, string>) => f[key] !== value : (f: Record<string, string>) => f[key] === value;
  });
  return (fields) => reqs.every((m) => m(fields));
}
