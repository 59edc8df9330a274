/**
 * Measured service time per service, for the waiting-time estimates on tickets and on the
 * waiting-room screen: today's average of the `done` events' service times in this branch,
 * from the statistics view visit_durations (key [day, branch, service, counter, agent, hour,
 * kind], `_stats`). A service with too few visits today keeps the default length.
 */
import { DEFAULT_SERVICE_MINUTES } from './ranking.ts';

/** Below this many measured visits today, one long visit would swing the estimate: use the default. */
export const MIN_MEASURED_VISITS = 3;

export interface ViewRow {
  readonly key: unknown;
  readonly value: unknown;
}

/** Query parameters for today's rows of one branch (group_level 7 keeps the kind apart). */
export function serviceTimeQuery(day: string, branch: string): { startkey: unknown; endkey: unknown; group_level: number } {
  return { startkey: [day, branch], endkey: [day, branch, {}], group_level: 7 };
}

export function averageServiceMinutes(rows: readonly ViewRow[]): Map<string, number> {
  const totals = new Map<string, { sum: number; count: number }>();
  for (const row of rows) {
    const key = row.key as unknown[];
    const value = row.value as { sum?: unknown; count?: unknown } | null;
    if (!Array.isArray(key) || key[6] !== 'service' || typeof value?.sum !== 'number' || typeof value.count !== 'number') continue;
    const service = String(key[2]);
    const total = totals.get(service) ?? { sum: 0, count: 0 };
    totals.set(service, { sum: total.sum + value.sum, count: total.count + value.count });
  }
  const minutes = new Map<string, number>();
  for (const [service, { sum, count }] of totals) if (count >= MIN_MEASURED_VISITS) minutes.set(service, sum / count / 60_000);
  return minutes;
}

export function serviceMinutesOf(measured: ReadonlyMap<string, number>, service: string): number {
  return measured.get(service) ?? DEFAULT_SERVICE_MINUTES;
}
