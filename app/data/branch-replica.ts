/**
 * This device's replica of the user's branch database, opened for the screens that follow it
 * live (queues, supervisor board): arbitrated writes go to the server first, reads and the
 * change feed come from the local copy the data layer keeps in sync.
 */
import { branchDb } from '../../couch-design/databases.ts';
import { BROWSER_ADAPTER, BrowserPouch } from './pouch.ts';
import { localName } from './replicas.ts';
import { validateWrite } from './validate.ts';
import { openRemoteWriter, type RemoteWriter } from './remote-write.ts';

/** `fetcher`: the data layer's (DataLayer.fetch), so writes in flight end at sign-out. */
export function openBranchReplica(user: { readonly name: string; readonly roles: readonly string[] }, branch: string, fetcher: typeof fetch): RemoteWriter {
  const remote = branchDb(branch);
  return openRemoteWriter({
    Pouch: BrowserPouch,
    adapter: BROWSER_ADAPTER,
    local: localName(user.name, remote),
    remote,
    remoteBase: `${location.origin}/db`,
    user,
    validate: validateWrite,
    fetch: fetcher,
  });
}
