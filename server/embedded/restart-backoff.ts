/**
 * How long the supervisor waits before starting the engine again after it died: 0.5 s, then
 * twice as long after each death that follows a short life (1, 2, 4 … capped at 30 s), back to
 * 0.5 s once the engine had stayed up a minute. A full disk or a request that crashes the
 * engine at every try then costs one start every 30 s, not one every 2 s.
 */
export const BACKOFF = { firstMs: 500, maxMs: 30_000, stableAfterMs: 60_000 } as const;

/** The delay before the next start; `previousMs` is the delay used before the run that just ended (null: none yet). */
export function nextRestartDelay(previousMs: number | null, uptimeMs: number, policy = BACKOFF): number {
  if (previousMs === null || uptimeMs >= policy.stableAfterMs) return policy.firstMs;
  return Math.min(previousMs * 2, policy.maxMs);
}
