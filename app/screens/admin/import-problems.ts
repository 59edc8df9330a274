/** The imports' problem codes as translated text: the one place for them. */
import type { MessageKey } from '../../i18n/translate.ts';
import type { Translate } from '../../i18n/reasons.ts';
import type { LineProblem } from '../../imports/read-file.ts';

const KNOWN = new Set([
  'unknown_column',
  'repeated_column',
  'missing_column',
  'unclosed_quote',
  'empty_file',
  'field_count',
  'required',
  'bad_format',
  'bad_value',
  'too_long',
  'bad_ref',
  'bad_id',
  'bad_date',
  'bad_amount',
  'unknown_branch',
  'duplicate_key',
  'other_kind',
  'server_refused',
  'conflict',
]);

export function importProblemText(t: Translate, p: LineProblem): string {
  if (!KNOWN.has(p.code)) return t('imports.problem.other', { detail: p.code });
  return t(`imports.problem.${p.code}` as MessageKey, { detail: p.detail ?? '' });
}
