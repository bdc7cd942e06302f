// Token durations: the presets the UI offers and kubectl-style free text ("90m", "720h30m", "7d").
// kubectl's --duration is Go's time.ParseDuration, which has no "d"; people write "7d" anyway, so we accept it.

export const MIN_TOKEN_SECONDS = 600; // Kubernetes refuses TokenRequests under 10 minutes
const MAX_TOKEN_SECONDS = 10 * 365 * 86_400; // far above any server maximum; guards against absurd input

const UNIT_SECONDS = { y: 365 * 86_400, d: 86_400, h: 3_600, m: 60, s: 1 } as const;
type Unit = keyof typeof UNIT_SECONDS;

export const durationPresets = ['1h', '8h', '24h', '7d', '30d', '1000h', '1y'] as const;
export type DurationPreset = (typeof durationPresets)[number];

export type DurationParse = { ok: true; seconds: number; text: string } | { ok: false; reason: string };

const EXAMPLES = 'e.g. "90m", "8h", "720h30m", "7d" or "1y"';

export function parseDuration(input: string): DurationParse {
  const text = input.trim().toLowerCase();
  if (text === '') return { ok: false, reason: `the duration is empty; write a number with a unit, ${EXAMPLES}` };
  const parts = [...text.matchAll(/(\d+)([ydhms])/g)];
  const consumed = parts.map((p) => p[0]).join('');
  if (parts.length === 0 || consumed !== text) {
    return { ok: false, reason: `"${input.trim()}" is not a duration; use whole numbers with the units y, d, h, m or s, ${EXAMPLES}` };
  }
  const seen = new Set<string>();
  let seconds = 0;
  for (const [, amount, unit] of parts) {
    if (seen.has(unit)) return { ok: false, reason: `"${input.trim()}" names the unit "${unit}" twice` };
    seen.add(unit);
    seconds += Number(amount) * UNIT_SECONDS[unit as Unit];
  }
  if (seconds < MIN_TOKEN_SECONDS) {
    return { ok: false, reason: `"${input.trim()}" is shorter than 10 minutes; Kubernetes refuses tokens that expire sooner (use "10m" or more)` };
  }
  if (!Number.isSafeInteger(seconds) || seconds > MAX_TOKEN_SECONDS) {
    return { ok: false, reason: `"${input.trim()}" is longer than 10 years; the hub would shorten it anyway (its default maximum is 8760h, one year)` };
  }
  return { ok: true, seconds, text };
}

/** Seconds as the shortest kubectl-like text ("1000h" stays hours when it is not whole days). */
export function formatDuration(totalSeconds: number): string {
  let rest = Math.max(0, Math.round(totalSeconds));
  if (rest === 0) return '0s';
  const out: string[] = [];
  for (const unit of ['d', 'h', 'm', 's'] as const) {
    const size = UNIT_SECONDS[unit];
    const n = Math.floor(rest / size);
    if (n > 0) out.push(`${n}${unit}`);
    rest -= n * size;
  }
  return out.join('');
}
