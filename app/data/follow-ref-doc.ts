/**
 * Follows one document of this device's fo_ref replica: `read` now, then at each change of it
 * (an edit here or one replicated in), until the returned stop. The printer role's defaults
 * and the institution's logo follow their documents so.
 */
import type { DataLayer } from './data-layer.ts';

export function followRefDoc(layer: Pick<DataLayer, 'local'>, id: string, read: () => void): () => void {
  const feed = layer.local('ref')?.changes({ since: 'now', live: true, doc_ids: [id] });
  feed?.on('change', () => read());
  feed?.on('error', () => undefined); // the database closed under it (sign-out)
  read();
  return () => feed?.cancel();
}
