import type { BaseDoc, I18n } from './base.ts';
import { type AnyDoc, Checker, type Problem } from '../validate/problems.ts';
import { SERIES, SERVICE_CODE, splitId } from '../ids/codes.ts';

export const SERVICE = 'service';

/** A queue. Its series letter prefixes ticket labels (A012); `cashDesk` routes to cashiers. */
export interface Service extends BaseDoc {
  type: typeof SERVICE;
  code: string;
  name: I18n;
  series: string;
  targetWaitMinutes: number;
  cashDesk: boolean;
  active: boolean;
  /** Who made the last edit and when (validate/authors.ts: always the writer); each edit is also a `ref_change`. */
  updatedBy?: string;
  updatedAt?: string;
}

export function serviceId(code: string): string {
  return 'service:' + code;
}

export function parseServiceId(id: string): { code: string } | null {
  const p = splitId(id, 'service', 1);
  return p && SERVICE_CODE.test(p[0]!) ? { code: p[0]! } : null;
}

export function validateService(doc: AnyDoc): Problem[] {
  const c = new Checker(doc);
  const code = c.str('code', { pattern: SERVICE_CODE });
  c.i18n('name');
  c.str('series', { pattern: SERIES });
  c.int('targetWaitMinutes', { min: 0, max: 24 * 60 });
  c.bool('cashDesk');
  c.bool('active');
  c.author('updatedBy', true);
  c.instant('updatedAt', doc.updatedBy == null);
  c.id(code && serviceId(code));
  return c.problems;
}
