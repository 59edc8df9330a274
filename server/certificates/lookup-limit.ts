/**
 * A per-address budget for the public revocation look-up: anyone may ask, with no account, so
 * one address walking through certificate numbers is slowed down (429 with Retry-After) instead
 * of reading the branch databases as fast as it can. A verifier asks once per paper; a bank
 * checking a pile of papers stays far below the budget. In memory: a restart forgets it.
 */
export interface LookupBudget {
  perWindow: number;
  windowMs: number;
}

export const DEFAULT_LOOKUP_BUDGET: LookupBudget = { perWindow: 60, windowMs: 60_000 };
const MAX_TRACKED = 50_000;

/** `take(address)`: null when allowed, else the seconds to wait. */
export function lookupLimit(budget: LookupBudget = DEFAULT_LOOKUP_BUDGET, now: () => number = Date.now) {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    take(address: string): number | null {
      const t = now();
      let w = windows.get(address);
      if (!w || t - w.start >= budget.windowMs) {
        // Forget finished windows before the map grows without bound under many addresses.
        if (windows.size >= MAX_TRACKED) for (const [a, old] of windows) if (t - old.start >= budget.windowMs) windows.delete(a);
        w = { start: t, count: 0 };
        windows.set(address, w);
      }
      if (w.count >= budget.perWindow) return Math.ceil((w.start + budget.windowMs - t) / 1000);
      w.count++;
      return null;
    },
  };
}

export type LookupLimit = ReturnType<typeof lookupLimit>;
