/**
 * Starts a background refresh of a live screen (reference data, the day's documents). Its
 * failure is not the user's concern: the next round retries it, and after sign-out, when the
 * screen's replica is already closed, a round still in flight fails by design. Without this
 * such a failure would surface as an unhandled rejection.
 */
export function inBackground(work: () => Promise<unknown>): void {
  work().catch(() => undefined);
}
