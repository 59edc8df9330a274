/**
 * Revisions this device wrote to the server itself before copying them into its replica
 * (remote-write.ts). The replica's change feed shows the copy like any local write, but there
 * is nothing to push: the pending count (data-layer.ts, watchLocalWrites) skips them, or the
 * indicator would say "1 pending" until some later push happened to clear it.
 */
const written = new Set<string>();
const key = (db: string, id: string, rev: string) => `${db}\u0000${id}\u0000${rev}`;

export function markOnServer(db: string, id: string, rev: string): void {
  written.add(key(db, id, rev));
}

/** True once for a revision marked by `markOnServer` (then forgotten). */
export function takeOnServer(db: string, id: string, rev: string): boolean {
  return written.delete(key(db, id, rev));
}
