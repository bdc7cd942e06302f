// Names are checked here, before any call, so a bad name never leaves half an account behind.
// ServiceAccount names are RFC 1123 subdomains; the guide binds each account with a binding of the same name,
// and namespaces are RFC 1123 labels.

export type NameCheck = { ok: true; name: string } | { ok: false; reason: string };

const MAX_SUBDOMAIN = 253;
const MAX_LABEL = 63;

type NameKind = 'subdomain' | 'label';

/** The closest valid name to `value`, or null when nothing sensible is left (e.g. "___"). */
export function suggestName(value: string, kind: NameKind): string | null {
  const max = kind === 'label' ? MAX_LABEL : MAX_SUBDOMAIN;
  const allowed = kind === 'label' ? /[^a-z0-9-]+/g : /[^a-z0-9.-]+/g;
  const cleanPart = (part: string): string => part.slice(0, MAX_LABEL).replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
  const lowered = value.toLowerCase().replace(allowed, '-').replace(/-{2,}/g, '-');
  const parts = (kind === 'label' ? [lowered] : lowered.split('.')).map(cleanPart).filter((p) => p !== '');
  const candidate = parts.join('.').slice(0, max).replace(/[^a-z0-9]+$/, '');
  return candidate === '' || candidate === value ? null : candidate;
}

function checkLabelChars(value: string, what: string, kind: NameKind): string | null {
  const suggestion = suggestName(value, kind);
  const eg = suggestion ? ` (e.g. "${suggestion}")` : '';
  if (/[A-Z]/.test(value)) return `${what} "${value}" has upper-case letters; use lower-case${eg}`;
  const bad = value.match(kind === 'label' ? /[^a-z0-9-]/ : /[^a-z0-9.-]/);
  if (bad) return `${what} "${value}" contains "${bad[0]}"; only lower-case letters, digits, "-"${kind === 'label' ? '' : ' and "."'} are allowed${eg}`;
  if (!/^[a-z0-9]/.test(value)) return `${what} "${value}" must start with a letter or digit${eg}`;
  if (!/[a-z0-9]$/.test(value)) return `${what} "${value}" must end with a letter or digit${eg}`;
  return null;
}

/** An account (ServiceAccount) name: an RFC 1123 subdomain, at most 253 characters. */
export function checkAccountName(input: string): NameCheck {
  const name = input.trim();
  if (name === '') return { ok: false, reason: 'the account name is empty; use lower-case letters, digits and "-", e.g. "karpor-guest"' };
  if (name.length > MAX_SUBDOMAIN) return { ok: false, reason: `the account name is ${name.length} characters long; at most ${MAX_SUBDOMAIN} are allowed` };
  const charIssue = checkLabelChars(name, 'the account name', 'subdomain');
  if (charIssue) return { ok: false, reason: charIssue };
  for (const part of name.split('.')) {
    if (part === '') return { ok: false, reason: `the account name "${name}" has an empty part between dots` };
    if (part.length > MAX_LABEL) return { ok: false, reason: `the part "${part.slice(0, 20)}…" of the account name is longer than ${MAX_LABEL} characters` };
    if (!/^[a-z0-9](.*[a-z0-9])?$/.test(part)) {
      const suggestion = suggestName(name, 'subdomain');
      return { ok: false, reason: `the account name "${name}" has "-" next to "."; each dot-separated part must start and end with a letter or digit${suggestion ? ` (e.g. "${suggestion}")` : ''}` };
    }
  }
  return { ok: true, name };
}

/** A namespace name: an RFC 1123 label (no dots), at most 63 characters. */
export function checkNamespaceName(input: string): NameCheck {
  const name = input.trim();
  if (name === '') return { ok: false, reason: 'the namespace is empty; leave it out to use "default"' };
  if (name.length > MAX_LABEL) return { ok: false, reason: `the namespace is ${name.length} characters long; at most ${MAX_LABEL} are allowed` };
  if (name.includes('.')) {
    const suggestion = suggestName(name, 'label');
    return { ok: false, reason: `the namespace "${name}" contains "."; namespaces may only use lower-case letters, digits and "-"${suggestion ? ` (e.g. "${suggestion}")` : ''}` };
  }
  const issue = checkLabelChars(name, 'the namespace', 'label');
  return issue ? { ok: false, reason: issue } : { ok: true, name };
}
