// Names are checked here, before any call, so a bad name never leaves half an account behind.
// ServiceAccount names are RFC 1123 subdomains; the guide binds each account with a binding of the same name,
// and namespaces are RFC 1123 labels.

export type NameCheck = { ok: true; name: string } | { ok: false; reason: string };

const MAX_SUBDOMAIN = 253;
const MAX_LABEL = 63;

function checkLabelChars(value: string, what: string): string | null {
  if (/[A-Z]/.test(value)) return `${what} "${value}" has upper-case letters; use lower-case (e.g. "${value.toLowerCase()}")`;
  const bad = value.match(/[^a-z0-9.-]/);
  if (bad) return `${what} "${value}" contains "${bad[0]}"; only lower-case letters, digits, "-" and "." are allowed`;
  if (!/^[a-z0-9]/.test(value)) return `${what} "${value}" must start with a letter or digit`;
  if (!/[a-z0-9]$/.test(value)) return `${what} "${value}" must end with a letter or digit`;
  return null;
}

/** An account (ServiceAccount) name: an RFC 1123 subdomain, at most 253 characters. */
export function checkAccountName(input: string): NameCheck {
  const name = input.trim();
  if (name === '') return { ok: false, reason: 'the account name is empty; use lower-case letters, digits and "-", e.g. "karpor-guest"' };
  if (name.length > MAX_SUBDOMAIN) return { ok: false, reason: `the account name is ${name.length} characters long; at most ${MAX_SUBDOMAIN} are allowed` };
  const charIssue = checkLabelChars(name, 'the account name');
  if (charIssue) return { ok: false, reason: charIssue };
  for (const part of name.split('.')) {
    if (part === '') return { ok: false, reason: `the account name "${name}" has an empty part between dots` };
    if (part.length > MAX_LABEL) return { ok: false, reason: `the part "${part.slice(0, 20)}…" of the account name is longer than ${MAX_LABEL} characters` };
    if (!/^[a-z0-9](.*[a-z0-9])?$/.test(part)) {
      return { ok: false, reason: `the account name "${name}" has "-" next to "."; each dot-separated part must start and end with a letter or digit` };
    }
  }
  return { ok: true, name };
}

/** A namespace name: an RFC 1123 label (no dots), at most 63 characters. */
export function checkNamespaceName(input: string): NameCheck {
  const name = input.trim();
  if (name === '') return { ok: false, reason: 'the namespace is empty; leave it out to use "default"' };
  if (name.length > MAX_LABEL) return { ok: false, reason: `the namespace is ${name.length} characters long; at most ${MAX_LABEL} are allowed` };
  if (name.includes('.')) return { ok: false, reason: `the namespace "${name}" contains "."; namespaces may only use lower-case letters, digits and "-"` };
  const issue = checkLabelChars(name, 'the namespace');
  return issue ? { ok: false, reason: issue } : { ok: true, name };
}
