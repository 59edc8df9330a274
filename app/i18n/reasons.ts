/**
 * THE one place where reason codes become text: validator problems (`{field, code}`),
 * sign-in failures, server refusals (`forbidden` reasons from validate_doc_update) and
 * data-layer errors. Screens call `errorText`/`problemText`, never build messages themselves.
 */
import type { MessageKey, Params } from './translate.ts';

export type Translate = (key: MessageKey, params?: Params) => string;

/** Error codes the app itself produces or receives; anything else is shown as 'unknown'. */
const ERROR_KEYS: Readonly<Record<string, MessageKey>> = {
  unauthorized: 'error.unauthorized',
  unreachable: 'error.unreachable',
  offline_unknown_user: 'error.offline_unknown_user',
  server: 'error.server',
  session_expired: 'error.session_expired',
  forbidden: 'error.forbidden',
  conflict: 'error.conflict',
  not_found: 'error.not_found',
  crypto_unavailable: 'error.crypto_unavailable',
};

const PROBLEM_KEYS: Readonly<Record<string, MessageKey>> = {
  required: 'problem.required',
  invalid: 'problem.invalid',
  too_long: 'problem.too_long',
  too_short: 'problem.too_short',
  not_allowed: 'problem.not_allowed',
  immutable: 'problem.immutable',
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
  const key = PROBLEM_KEYS[problem.code];
  const params = { field: problem.field, code: problem.code };
  return key ? t(key, params) : t('problem.unknown', params);
}

/**
 * A server refusal: CouchDB's `forbidden` reason is free text from validate_doc_update.
 * When it is one of our problem codes (`field:code`) or error codes, translate it; else show it.
 */
export function refusalText(t: Translate, reason: string): string {
  const match = /^([\w.[\]]+):(\w+)$/.exec(reason);
  if (match?.[1] && match[2]) return problemText(t, { field: match[1], code: match[2] });
  return ERROR_KEYS[reason] ? errorText(t, reason) : reason;
}
