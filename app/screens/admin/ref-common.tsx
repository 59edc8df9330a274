/** Pieces the reference data sections share: the store for this screen, the "changed by" line. */
import { untrack } from 'solid-js';
import { useAuth } from '../../auth/AuthProvider.tsx';
import { useData } from '../../data/DataProvider.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import type { Locale } from '../../../couch-design/types/base.ts';
import type { Translate } from '../../i18n/reasons.ts';
import { createRefStore, type RefStore } from '../../admin/ref-store.ts';

/** The signed-in user's reference data, live; closed with the calling component. */
export function useRefStore(): RefStore {
  const user = untrack(useAuth().user);
  if (!user) throw new Error('reference data needs a signed-in user');
  return createRefStore(user, useData().layer.fetch);
}

/** "Changed by X on T", or that the item comes from the initial data (written by the server). */
export function lastChange(t: Translate, locale: Locale, doc: { updatedBy?: string; updatedAt?: string }): string {
  return doc.updatedBy && doc.updatedAt ? t('ref.changedBy', { by: doc.updatedBy, at: formatDateTime(doc.updatedAt, locale) }) : t('ref.notRecorded');
}
