/**
 * Deterministic conflict resolution on one document: `choose` picks the revision that stands
 * among all leaves and every other leaf gets a tombstone naming it (`supersededBy`), so the
 * chosen leaf is left as the only one. Its content is not copied on top of another leaf: that
 * would be this user writing another agent's name, which validate_doc_update refuses. Any
 * device may run it: the same leaves give the same choice and the same tombstones, so devices
 * converge.
 */
import { getDoc, putDoc, type Db, type DocBase, type Stored, type WriteOptions } from './docs.ts';

export interface Resolution<T extends DocBase> {
  readonly winner: Stored<T>;
  /** The leaves that lost (empty when there was no conflict). */
  readonly losers: readonly Stored<T>[];
}

export async function resolveConflicts<T extends DocBase>(
  db: Db,
  id: string,
  choose: (leaves: readonly Stored<T>[]) => Stored<T>,
  options: WriteOptions,
): Promise<Resolution<T> | null> {
  const current = (await db.get(id, { conflicts: true }).catch(() => null)) as (Stored<T> & { _conflicts?: string[] }) | null;
  if (!current) return null;
  const { _conflicts: conflicts = [], ...winnerNow } = current;
  if (conflicts.length === 0) return { winner: winnerNow as Stored<T>, losers: [] };
  const others = await Promise.all(conflicts.map((rev) => db.get(id, { rev }) as unknown as Promise<Stored<T>>));
  const leaves = [winnerNow as Stored<T>, ...others];
  const chosen = choose(leaves);
  const losers = leaves.filter((leaf) => leaf._rev !== chosen._rev);
  for (const leaf of losers) {
    const tombstone = { _id: id, _rev: leaf._rev, _deleted: true, ...(leaf.type ? { type: leaf.type } : {}), supersededBy: chosen._rev };
    await putDoc(db, tombstone as unknown as T, options);
  }
  const settled = await getDoc<T>(db, id);
  return { winner: settled ?? chosen, losers };
}
