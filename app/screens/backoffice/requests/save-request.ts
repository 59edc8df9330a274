/**
 * Writes one revision of a request to the branch replica (offline too; replication carries it),
 * and says why not in the agent's words: the contract's refusal, or a change made elsewhere.
 */
import type { BackofficeRequest } from '../../../../couch-design/types/backoffice-request.ts';
import type { DataLayer } from '../../../data/data-layer.ts';
import { ConflictError, ValidationError } from '../../../data/errors.ts';
import { errorText, problemText, type Translate } from '../../../i18n/reasons.ts';

export async function saveRequest(layer: Pick<DataLayer, 'put'>, doc: BackofficeRequest, t: Translate): Promise<string | null> {
  try {
    await layer.put('branch', doc);
    return null;
  } catch (e) {
    if (e instanceof ValidationError) return t('req.error.save', { reason: problemText(t, e.problems[0]!) });
    if (e instanceof ConflictError) return t('req.error.conflict');
    return t('req.error.save', { reason: errorText(t, String((e as { code?: unknown }).code ?? 'unknown')) });
  }
}
