import type { BaseDoc } from './base.ts';
import { type AnyDoc, Checker, type Problem } from '../validate/problems.ts';
import { COUNTER_CODE } from '../ids/codes.ts';
import { type BranchFields, checkBranchDay, checkDayUidId, checkRef, dayUidId, parseDayUidId } from './branch-common.ts';
import { parsePersonId } from './person.ts';
import { parseTicketId } from './ticket.ts';
import { parseCaseId } from './case.ts';

export const BACKOFFICE_REQUEST = 'backoffice_request';

export const REQUEST_STATUSES = ['open', 'in_progress', 'answered', 'closed', 'cancelled'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** A counter asks the back office about a person's case; the back office answers on the same doc. */
export interface BackofficeRequest extends BaseDoc, BranchFields {
  type: typeof BACKOFFICE_REQUEST;
  person: string;
  ticket?: string;
  case?: string;
  subject: string;
  message: string;
  status: RequestStatus;
  requestedBy: string;
  requestedAt: string;
  counter?: string;
  answer?: string;
  answeredBy?: string;
  answeredAt?: string;
  updatedAt: string;
}

export function backofficeRequestId(day: string, uid: string): string {
  return dayUidId('borequest', day, uid);
}

export function parseBackofficeRequestId(id: string): { day: string; uid: string } | null {
  return parseDayUidId(id, 'borequest');
}

export function validateBackofficeRequest(doc: AnyDoc): Problem[] {
  const c = new Checker(doc);
  const { day } = checkBranchDay(c);
  checkRef(c, 'person', parsePersonId);
  checkRef(c, 'ticket', parseTicketId, true);
  checkRef(c, 'case', parseCaseId, true);
  c.str('subject', { max: 200 });
  c.str('message', { max: 4000 });
  const status = c.oneOf('status', REQUEST_STATUSES);
  c.author('requestedBy');
  c.instant('requestedAt');
  c.str('counter', { optional: true, pattern: COUNTER_CODE });
  const answered = status === 'answered';
  c.str('answer', { optional: !answered, max: 4000 });
  c.author('answeredBy', !answered);
  c.instant('answeredAt', !answered);
  c.instant('updatedAt');
  checkDayUidId(c, 'borequest', day);
  return c.problems;
}
