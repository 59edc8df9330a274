/**
 * The back office's requests register (issue 11): building a request and each move an agent
 * makes on it — take, change status, add a note, answer, close, move the due date — as pure
 * functions returning the next revision or the reason it is refused, in the form's words. The
 * contract (couch-design/types/backoffice-request.ts) refuses the same on every write.
 */
import {
  BACKOFFICE_REQUEST,
  REQUEST_TRANSITIONS,
  backofficeRequestId,
  requestStatusOf,
  type BackofficeRequest,
  type RequestChannel,
  type RequestStatus,
  type RequesterKind,
} from '../../couch-design/types/backoffice-request.ts';
import { dueDateFor, isDay } from './due-dates.ts';

/** Who acts, when, and the branch day it is for them. */
export interface RequestActor {
  agent: string;
  at: string;
  today: string;
}

export type RequestError =
  | 'subject_required'
  | 'message_required'
  | 'person_required'
  | 'authority_required'
  | 'due_invalid'
  | 'due_in_past'
  | 'note_required'
  | 'answer_required'
  | 'closed'
  | 'bad_transition';

export type RequestResult = { ok: true; doc: BackofficeRequest } | { ok: false; field: string; error: RequestError };

const refuse = (field: string, error: RequestError): RequestResult => ({ ok: false, field, error });

/**
 * A stored request as the register reads it: one written before the register (status `open`,
 * no channel nor due date) came from a counter, is `new` and due 5 working days after it
 * arrived. The next write stores it so (the contract lets the missing fields be added once).
 */
export function normalizeRequest<T extends BackofficeRequest>(doc: T): T {
  const legacy = doc as Partial<BackofficeRequest> & T;
  const channel = legacy.channel ?? 'counter';
  return {
    ...doc,
    status: requestStatusOf(doc.status) ?? 'new',
    channel,
    requester: legacy.requester ?? 'person',
    dueDate: legacy.dueDate ?? dueDateFor(channel, doc.day),
    dueSetOn: legacy.dueSetOn ?? doc.day,
  };
}

export interface NewRequestInput {
  channel: RequestChannel;
  requester: RequesterKind;
  authority: string;
  person: string | null;
  subject: string;
  message: string;
  dueDate: string;
  assignee: string;
}

export function newRequest(input: NewRequestInput, ctx: RequestActor & { branch: string; uid: string; ticket?: string; counter?: string }): RequestResult {
  const subject = input.subject.trim();
  const message = input.message.trim();
  const authority = input.authority.trim();
  if (input.requester === 'person' && !input.person) return refuse('person', 'person_required');
  if (input.requester === 'authority' && !authority) return refuse('authority', 'authority_required');
  if (!subject) return refuse('subject', 'subject_required');
  if (!message) return refuse('message', 'message_required');
  const due = checkDue(input.dueDate, ctx.today);
  if (due) return due;
  const doc: BackofficeRequest = {
    _id: backofficeRequestId(ctx.today, ctx.uid),
    type: BACKOFFICE_REQUEST,
    branch: ctx.branch,
    day: ctx.today,
    channel: input.channel,
    requester: input.requester,
    ...(input.requester === 'authority' ? { authority } : {}),
    ...(input.person ? { person: input.person } : {}),
    ...(ctx.ticket ? { ticket: ctx.ticket } : {}),
    subject,
    message,
    status: 'new',
    dueDate: input.dueDate,
    dueSetOn: ctx.today,
    ...(input.assignee.trim() ? { assignee: input.assignee.trim() } : {}),
    requestedBy: ctx.agent,
    requestedAt: ctx.at,
    ...(ctx.counter ? { counter: ctx.counter } : {}),
    updatedAt: ctx.at,
  };
  return { ok: true, doc };
}

function checkDue(day: string, today: string): RequestResult | null {
  if (!isDay(day)) return refuse('dueDate', 'due_invalid');
  return day < today ? refuse('dueDate', 'due_in_past') : null;
}

/** The statuses an agent may move the request to by hand (answering and closing have their own actions). */
export function nextStatuses(status: RequestStatus): RequestStatus[] {
  return REQUEST_TRANSITIONS[status].filter((s) => s !== 'answered' && s !== 'closed');
}

export type RequestMove =
  | { kind: 'take' }
  | { kind: 'status'; status: RequestStatus }
  | { kind: 'note'; text: string }
  | { kind: 'answer'; text: string }
  | { kind: 'due'; day: string }
  | { kind: 'close' };

/** The next revision of `doc` after `move`, or why not. */
export function applyMove(stored: BackofficeRequest, move: RequestMove, ctx: RequestActor): RequestResult {
  const doc = normalizeRequest(stored);
  if (doc.status === 'closed') return refuse(move.kind === 'answer' ? 'answer' : 'status', 'closed');
  const next = (fields: Partial<BackofficeRequest>): RequestResult => ({ ok: true, doc: { ...doc, ...fields, updatedAt: ctx.at } });
  const to = (status: RequestStatus) => (REQUEST_TRANSITIONS[doc.status].includes(status) ? null : refuse('status', 'bad_transition'));
  switch (move.kind) {
    case 'take':
      // Taking a new request starts work on it; taking one in progress only changes hands.
      return next({ assignee: ctx.agent, ...(doc.status === 'new' ? { status: 'in_progress' as const } : {}) });
    case 'status':
      return to(move.status) ?? next({ status: move.status });
    case 'note': {
      const text = move.text.trim();
      if (!text) return refuse('note', 'note_required');
      return next({ notes: [...(doc.notes ?? []), { by: ctx.agent, at: ctx.at, text }] });
    }
    case 'answer': {
      const text = move.text.trim();
      if (!text) return refuse('answer', 'answer_required');
      return to('answered') ?? next({ status: 'answered', answer: text, answeredBy: ctx.agent, answeredAt: ctx.at });
    }
    case 'due':
      return checkDue(move.day, ctx.today) ?? next({ dueDate: move.day, dueSetOn: ctx.today });
    case 'close':
      return to('closed') ?? next({ status: 'closed', closedBy: ctx.agent, closedAt: ctx.at });
  }
}
