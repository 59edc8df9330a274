/**
 * When the back office's reads of its branch replica are out of date: replication brought
 * documents (another agent's decisions, a counter's request, a revocation made on another
 * device) or this screen wrote. A resource keyed on `version()` reads again then.
 */
import { createSignal } from 'solid-js';
import { branchDb } from '../../../couch-design/databases.ts';
import { useData } from '../../data/DataProvider.tsx';

export function createBranchChanges(branch: string) {
  const { sync } = useData();
  const [written, setWritten] = createSignal(0);
  const pulled = () => sync.state().replicas[branchDb(branch)]?.pulled ?? 0;
  return {
    version: () => `${pulled()}:${written()}`,
    wrote: () => setWritten((n) => n + 1),
  };
}
