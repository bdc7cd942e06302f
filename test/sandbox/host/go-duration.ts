// Go duration strings (`8760h`, `1h30m`, `90s`), the format of Kubernetes' --service-account-max-token-expiration.

const UNIT_SECONDS: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 0.001 };

/** Whole seconds in a Go duration; throws with the accepted format when the text is not one. */
export function parseGoDurationSeconds(text: string): number {
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text) {
    throw new Error(`invalid duration "${text}": use Go duration syntax such as 8760h, 1h30m or 600s`);
  }
  return Math.floor(parts.reduce((sum, p) => sum + Number(p[1]) * (UNIT_SECONDS[p[2] ?? 's'] ?? 0), 0));
}
