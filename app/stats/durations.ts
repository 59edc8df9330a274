/** Durations in the units people read them in. Pure. */

/** Minutes with `decimals` decimals (a number, for tables and exports alike). */
export function toMinutes(ms: number, decimals = 1): number {
  const f = 10 ** decimals;
  return Math.round((ms / 60_000) * f) / f;
}

export function toHours(ms: number, decimals = 1): number {
  const f = 10 ** decimals;
  return Math.round((ms / 3_600_000) * f) / f;
}
