/**
 * THE one place where reason codes become text: validator problems (`{field, code}`),
 * sign-in failures, server refusals (`forbidden` reasons from validate_doc_update) and
 * data-layer errors. Screens call `errorText`/`problemText`, never build messages themselves.
 */
import type { MessageKey, Params } from './translate.ts';
import type { ProblemCode } from '../../couch-design/validate/problems.ts';
import { parseReason } from '../../couch-design/validate/reason.ts';

export type Translate = (key: MessageKey, params?: Params) => string;

/** Error codes the app itself produces or receives; anything else is shown as 'unknown'. */
const ERROR_KEYS: Readonly<Record<string, MessageKey>> = {
  unauthorized: 'error.unauthorized',
  account_disabled: 'error.account_disabled',
  password_change_required: 'error.password_change_required',
  unreachable: 'error.unreachable',
  offline_unknown_user: 'error.offline_unknown_user',
  throttled: 'error.throttled',
  server: 'error.server',
  session_expired: 'error.session_expired',
  forbidden: 'error.forbidden',
  conflict: 'error.conflict',
  not_found: 'error.not_found',
  crypto_unavailable: 'error.crypto_unavailable',
};

/** Every contract problem code has its text (the type makes a new code fail to compile here). */
const PROBLEM_KEYS: Readonly<Record<ProblemCode | 'invalid', MessageKey>> = {
  required: 'problem.required',
  not_object: 'problem.not_object',
  not_string: 'problem.not_string',
  not_boolean: 'problem.not_boolean',
  not_array: 'problem.not_array',
  not_integer: 'problem.not_integer',
  not_positive: 'problem.not_positive',
  too_small: 'problem.too_small',
  too_large: 'problem.too_large',
  too_long: 'problem.too_long',
  bad_format: 'problem.bad_format',
  bad_value: 'problem.bad_value',
  bad_id: 'problem.bad_id',
  bad_ref: 'problem.bad_ref',
  unknown_type: 'problem.unknown_type',
  wrong_db: 'problem.wrong_db',
  immutable: 'problem.immutable',
  bad_transition: 'problem.bad_transition',
  forbidden_role: 'problem.forbidden_role',
  wrong_branch: 'problem.wrong_branch',
  not_author: 'problem.not_author',
  too_deep: 'problem.too_deep',
  bad_attachment: 'problem.bad_attachment',
  too_precise: 'problem.too_precise',
  session_not_open: 'problem.session_not_open',
  session_busy: 'problem.session_busy',
  wrong_number: 'problem.wrong_number',
  already_reversed: 'problem.already_reversed',
  reversal_of_reversal: 'problem.reversal_of_reversal',
  approval_required: 'problem.approval_required',
  order_not_payable: 'problem.order_not_payable',
  wrong_amount: 'problem.wrong_amount',
  series_taken: 'problem.series_taken',
  // The data layer's own code for a write its validator refused.
  invalid: 'problem.invalid',
};

export interface Problem {
  readonly field: string;
  readonly code: string;
}

export function errorText(t: Translate, code: string): string {
  const key = ERROR_KEYS[code];
  return key ? t(key) : t('error.unknown', { code });
}

export function problemText(t: Translate, problem: Problem): string {
  const key = (PROBLEM_KEYS as Readonly<Record<string, MessageKey>>)[problem.code];
  const params = { field: problem.field, code: problem.code };
  return key ? t(key, params) : t('problem.unknown', params);
}

/**
 * A server refusal: CouchDB's `forbidden` reason is free text from validate_doc_update. Ours
 * is the contract's `field: code` (see problemsReason): translate it; else an error code, or
 * show the text as it came.
 */
export function refusalText(t: Translate, reason: string): string {
  const problem = parseReason(reason);
  if (problem) return problemText(t, problem);
  return ERROR_KEYS[reason] ? errorText(t, reason) : reason;
}
