// Order in which ClusterRoles are offered: least privilege first, so the preselected choice is the safe one.

export const GUEST_ROLE = 'karpor-guest';
export const ADMIN_ROLE = 'karpor-admin';

export function orderRoles(names: readonly string[]): string[] {
  const rank = (n: string): number => (n === GUEST_ROLE ? 0 : n === ADMIN_ROLE ? 1 : 2);
  return [...new Set(names)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** The role preselected in forms: the guest role when the hub has it, else the first offered. */
export function defaultRole(ordered: readonly string[]): string | null {
  return ordered.includes(GUEST_ROLE) ? GUEST_ROLE : (ordered[0] ?? null);
}
