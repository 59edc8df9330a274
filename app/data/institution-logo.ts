/**
 * The institution's logo (issue 14) from this device's fo_ref replica: read once for a
 * letterhead, or followed live as an object URL for the screens (first read, then every change
 * of the institution document, replication included). The data layer starts the follower
 * (open-browser-data.ts) after the first screen: this module is not in the first load.
 */
import { INSTITUTION_ID, LOGO_ATTACHMENT } from '../../couch-design/types/institution.ts';
import type { DataLayer } from './data-layer.ts';
import { followRefDoc } from './follow-ref-doc.ts';

export interface InstitutionLogo {
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly contentType: string;
  /** The attachment's digest: an edit of the name alone keeps it, and the header keeps its image. */
  readonly digest: string;
}

type Replicas = Pick<DataLayer, 'local'>;

/** The logo stored on this device, or null (none, no replica yet, the database closed under it). */
export async function readInstitutionLogo(layer: Replicas): Promise<InstitutionLogo | null> {
  const db = layer.local('ref');
  if (!db) return null;
  try {
    const doc = (await db.get(INSTITUTION_ID)) as { _attachments?: Record<string, { content_type?: string; digest?: string }> };
    const stub = doc._attachments?.[LOGO_ATTACHMENT];
    if (!stub?.content_type) return null;
    // A Blob in the browser, a Buffer in Node.
    const data = (await db.getAttachment(INSTITUTION_ID, LOGO_ATTACHMENT)) as Blob | Uint8Array;
    const bytes = data instanceof Uint8Array ? new Uint8Array(data) : new Uint8Array(await data.arrayBuffer());
    return { bytes, contentType: stub.content_type, digest: stub.digest ?? '' };
  } catch {
    return null;
  }
}

/** Calls `onLogo` with the logo now and at each change of it; returns the stop. */
export function followInstitutionLogo(layer: Replicas, onLogo: (logo: InstitutionLogo | null) => void): () => void {
  let stopped = false;
  let shown: string | null = null;
  let reads = 0;
  const read = async () => {
    const mine = ++reads;
    const logo = await readInstitutionLogo(layer);
    // Only the latest read speaks, and only when the logo changed.
    if (stopped || mine !== reads || (logo?.digest ?? null) === shown) return;
    shown = logo?.digest ?? null;
    onLogo(logo);
  };
  const stop = followRefDoc(layer, INSTITUTION_ID, () => void read());
  return () => {
    stopped = true;
    stop();
  };
}

/** The logo as an object URL for `<img>`, live: a new URL at each change, the previous one revoked once replaced; null without a logo. */
export function followInstitutionLogoUrl(layer: Replicas, onUrl: (url: string | null) => void): () => void {
  let url: string | null = null;
  const show = (next: string | null) => {
    const previous = url;
    url = next;
    onUrl(next);
    if (previous) URL.revokeObjectURL(previous);
  };
  const stop = followInstitutionLogo(layer, (logo) => show(logo ? URL.createObjectURL(new Blob([logo.bytes], { type: logo.contentType })) : null));
  return () => {
    stop();
    show(null);
  };
}
