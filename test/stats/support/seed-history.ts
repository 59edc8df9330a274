/**
 * Past activity for report tests: `count` generated tickets (and their visit events) written to
 * a branch database by the server admin, as a branch's history would have reached it.
 */
import { generateBranchOperationalDocs } from '../../../server/demo-data/operational.ts';
import { ADMIN, basicAuth, couch } from '../../support/couch-http.ts';

/** Writes the history once per server (same seed: the same documents); returns the ticket days. */
export async function seedHistory(url: string, count: number, branch = 'dla'): Promise<string[]> {
  const docs = generateBranchOperationalDocs(branch, count);
  const res = await couch(url, basicAuth(ADMIN.name, ADMIN.password), 'POST', `/fo_branch_${branch}/_bulk_docs`, { docs });
  const refused = (res.body as { error?: string; reason?: string; id: string }[]).filter((r) => r.error && r.error !== 'conflict');
  if (res.status !== 201 || refused.length > 0) throw new Error(`seeding history: ${res.status} ${JSON.stringify(refused.slice(0, 3))}`);
  return [...new Set(docs.filter((d) => d.type === 'ticket').map((d) => (d as { day: string }).day))].sort();
}
