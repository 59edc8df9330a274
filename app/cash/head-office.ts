/**
 * Head office's cash day, from fo_central's views (every branch replicates there): the day's
 * totals per branch and cash desk (`cash_totals` grouped to [day, branch, counter]), and the
 * sessions whose blind count showed a variance (`cash_sessions`: counted and waiting for a
 * sign-off, or closed with a variance ≠ 0). Pure: rows in, model out.
 */
export interface DeskDay {
  counter: string;
  /** Signed sum of the day's effects (receipts − payments ± reversals). */
  net: number;
  /** Document numbers used that day (voids included). */
  documents: number;
}

export interface BranchDay {
  branch: string;
  net: number;
  documents: number;
  desks: DeskDay[];
}

export interface VarianceSession {
  id: string;
  branch: string;
  counter: string;
  seq: number;
  cashier: string;
  day: string;
  variance: number;
  /** `counted`: still waiting for a supervisor's sign-off. */
  state: 'counted' | 'closed';
}

type Row = { key: unknown; value: unknown };

/** `cash_totals` rows at group_level 3: key [day, branch, counter], value [net, count]. */
export function branchTotals(rows: readonly Row[]): BranchDay[] {
  const byBranch = new Map<string, BranchDay>();
  for (const r of rows) {
    const [, branch, counter] = r.key as [string, string, string];
    const [net, documents] = r.value as [number, number];
    const b = byBranch.get(branch) ?? { branch, net: 0, documents: 0, desks: [] };
    b.net += net;
    b.documents += documents;
    b.desks.push({ counter, net, documents });
    byBranch.set(branch, b);
  }
  return [...byBranch.values()].sort((a, b) => a.branch.localeCompare(b.branch));
}

/** `cash_sessions` rows (key [state, branch, counter, seq], value [cashier, day, variance]) of `day` with a variance. */
export function varianceSessions(rows: readonly Row[], day: string): VarianceSession[] {
  const out: VarianceSession[] = [];
  for (const r of rows) {
    const [state, branch, counter, seq] = r.key as [string, string, string, number];
    const [cashier, sessionDay, variance] = r.value as [string, string, number | null];
    if ((state !== 'counted' && state !== 'closed') || sessionDay !== day || !variance) continue;
    out.push({ id: `cashsession:${branch}:${counter}:${String(seq).padStart(6, '0')}`, branch, counter, seq, cashier, day: sessionDay, variance, state });
  }
  return out.sort((a, b) => a.branch.localeCompare(b.branch) || a.counter.localeCompare(b.counter) || a.seq - b.seq);
}
