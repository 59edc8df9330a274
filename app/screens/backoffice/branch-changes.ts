/**
 * The signed-in back-office agent's branch, and when a section's reads of the branch replica are
 * out of date: replication brought documents (another agent's decisions, a counter's request, a
 * revocation made on another device) or the section wrote. A resource keyed on `version()`
 * reads again then.
 */
import { createSignal } from 'solid-js';
import { branchDb } from '../../../couch-design/databases.ts';
import { branchOfRoles } from '../../../couch-design/roles.ts';
import { useAuth } from '../../auth/AuthProvider.tsx';
import { useData } from '../../data/DataProvider.tsx';

export function createBranchChanges() {
  const user = useAuth().user()!;
  const branch = branchOfRoles(user.roles) ?? '';
  const { sync } = useData();
  const [written, setWritten] = createSignal(0);
  const pulled = () => sync.state().replicas[branchDb(branch)]?.pulled ?? 0;
  return {
    user,
    branch,
    version: () => `${pulled()}:${written()}`,
    wrote: () => setWritten((n) => n + 1),
  };
}
