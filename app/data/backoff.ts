/**
 * Replication retry delay (PouchDB's `back_off_function`, given the previous delay, 0 at
 * first): 1 s, then doubling, capped at 30 s, with ±20 % jitter so a branch's devices do
 * not all knock at once when the link returns.
 */
export const MIN_BACKOFF_MS = 1_000;
export const MAX_BACKOFF_MS = 30_000;

export function nextBackoff(previousMs: number, random: () => number = Math.random): number {
  const base = previousMs > 0 ? Math.min(previousMs * 2, MAX_BACKOFF_MS) : MIN_BACKOFF_MS;
  const jittered = base * (0.8 + 0.4 * random());
  return Math.round(Math.min(MAX_BACKOFF_MS, Math.max(MIN_BACKOFF_MS, jittered)));
}
