/** Reference data problems and save failures as translated text: the one place for both. */
import type { MessageKey } from '../../i18n/translate.ts';
import type { Translate } from '../../i18n/reasons.ts';
import type { RefProblem } from '../../admin/ref-rules.ts';
import type { SaveFailure } from '../../admin/ref-store.ts';

export type RefKind = 'service' | 'counter' | 'institution' | 'cash' | 'branch' | 'doctype' | 'event' | 'certtype' | 'printer';

export function refProblemText(t: Translate, kind: RefKind, p: RefProblem, params: Record<string, string | number> = {}): string {
  return t(`ref.error.${kind}.${p.field}.${p.code}` as MessageKey, params);
}

/** The field a failure belongs to when the server found what the form could not (another device was quicker). */
export function failureProblem(failure: SaveFailure): RefProblem | null {
  if (failure === 'series_taken') return { field: 'series', code: 'series_taken' };
  if (failure === 'code_taken') return { field: 'code', code: 'code_taken' };
  return null;
}

export function failureText(t: Translate, failure: Exclude<SaveFailure, 'series_taken' | 'code_taken'>): string {
  return t(`ref.save.${failure}` as MessageKey);
}
