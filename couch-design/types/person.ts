import type { BaseDoc } from './base.ts';
import type { PersonKind } from './catalogue.ts';
import { type AnyDoc, Checker, type Problem } from '../validate/problems.ts';
import { ACCOUNT_NUMBER, BRANCH_CODE_PATTERN, PERSON_NUMBER, splitId } from '../ids/codes.ts';
import { personSearchField, type PersonSearchField } from '../search/person-keys.ts';

export const PERSON = 'person';

/**
 * An insurant, an employer or a beneficiary. Employers have a company name and an account
 * number; the others a family and given name; beneficiaries point at their insurant.
 */
export interface Person extends BaseDoc {
  type: typeof PERSON;
  kind: PersonKind;
  number: string;
  familyName?: string;
  givenName?: string;
  companyName?: string;
  accountNumber?: string;
  /** Id of the insurant (`person:<number>`) a beneficiary depends on. */
  insurant?: string;
  sex?: 'M' | 'F';
  birthDate?: string;
  phone?: string;
  address?: string;
  /**
   * Home branch code: the branch whose devices hold this person (filtered replication,
   * docs/PEOPLE.md). Without it the person is held by no device and found through the server.
   */
  branch?: string;
  /** Normalised name fields for the device's Mango indexes: exactly personSearchField(this). */
  search?: PersonSearchField;
}

export function personId(number: string): string {
  return 'person:' + number;
}

export function parsePersonId(id: unknown): { number: string } | null {
  const p = splitId(id, 'person', 1);
  return p && PERSON_NUMBER.test(p[0]!) ? { number: p[0]! } : null;
}

/** Display name for lists and receipts. */
export function personName(p: Pick<Person, 'kind' | 'familyName' | 'givenName' | 'companyName'>): string {
  if (p.kind === 'employer') return p.companyName ?? '';
  return [p.familyName, p.givenName].filter(Boolean).join(' ');
}

export function validatePerson(doc: AnyDoc): Problem[] {
  const c = new Checker(doc);
  const kind = c.oneOf('kind', ['insurant', 'employer', 'beneficiary']);
  const number = c.str('number', { pattern: PERSON_NUMBER });
  const employer = kind === 'employer';
  c.str('companyName', { optional: !employer, max: 200 });
  c.str('accountNumber', { optional: !employer, pattern: ACCOUNT_NUMBER });
  c.str('familyName', { optional: employer, max: 100 });
  c.str('givenName', { optional: employer, max: 100 });
  const insurant = c.str('insurant', { optional: kind !== 'beneficiary' });
  if (insurant !== undefined && (kind !== 'beneficiary' || !parsePersonId(insurant))) c.add('insurant', 'bad_ref');
  c.oneOf('sex', ['M', 'F'], true);
  c.day('birthDate', true);
  c.str('phone', { optional: true, pattern: /^\+?[0-9 ]{6,20}$/ });
  c.str('address', { optional: true, max: 300 });
  c.str('branch', { optional: true, pattern: BRANCH_CODE_PATTERN });
  if (doc.search !== undefined && !sameSearchField(doc.search, personSearchField(doc))) c.add('search', 'bad_search');
  c.id(number && personId(number));
  return c.problems;
}

/** A stale or forged `search` would hide the person from the device's search: it must be the derived one. */
function sameSearchField(stored: unknown, derived: PersonSearchField): boolean {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return false;
  const s = stored as Record<string, unknown>;
  return Object.keys(s).length === 3 && s.family === derived.family && s.given === derived.given && s.sound === derived.sound;
}
