/**
 * Why a save of reference data failed, as the screen says it: from the data layer's error or
 * the server's refusal (its reason, and what else it answered: the events requiring a
 * document type the gateway refused to remove). Pure, tested beside it.
 */
import { parseReason } from '../../couch-design/validate/reason.ts';
import { DOCTYPE_IN_USE } from '../../couch-design/types/catalogue.ts';
import { isUnreachable } from '../data/remote-write.ts';
import { ConflictError, ValidationError, statusOf } from '../data/errors.ts';

/** Why a save failed, as the screen says it. */
export type SaveFailure = 'offline' | 'conflict' | 'series_taken' | 'code_taken' | 'in_use' | 'forbidden' | 'invalid';

export class RefSaveError extends Error {
  /** With `in_use`: the codes of the events the server says still require the document type. */
  readonly events: string[];
  constructor(readonly failure: SaveFailure, cause?: unknown) {
    super(failure, { cause });
    this.name = 'RefSaveError';
    const events = (cause as { answer?: { events?: unknown } } | undefined)?.answer?.events;
    this.events = Array.isArray(events) ? events.filter((e): e is string => typeof e === 'string') : [];
  }
}

export function failureOf(error: unknown, creating: boolean): SaveFailure {
  if (isUnreachable(error)) return 'offline';
  if (error instanceof ConflictError) return creating ? 'code_taken' : 'conflict';
  if (error instanceof ValidationError) return 'invalid';
  const reason = parseReason(error instanceof Error ? error.message : '');
  if (reason?.code === 'series_taken') return 'series_taken';
  if (reason?.code === DOCTYPE_IN_USE) return 'in_use';
  if (statusOf(error) === 403 || statusOf(error) === 401) return 'forbidden';
  return 'invalid';
}
