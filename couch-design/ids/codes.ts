/**
 * Formats of the codes that appear inside ids. Ids are split on ':' so no code may hold one.
 * ES5-safe: bundled into validate_doc_update.
 */
export { BRANCH_CODE_PATTERN } from '../databases.ts';

/** Service codes: `employers`, `family`, `pension`, `work_injury`, `cash`. */
export const SERVICE_CODE = /^[a-z][a-z0-9_]{0,23}$/;
/** Counter codes as painted above the counter: C01, C02 … */
export const COUNTER_CODE = /^[A-Z][A-Z0-9]{1,7}$/;
/** Ticket series: one capital letter per service. */
export const SERIES = /^[A-Z]$/;
/** Document-type codes of the institution's catalogue: four digits (0104, 0215 …). */
export const DOC_CODE = /^\d{4}$/;
/** Event and certificate-type codes: snake_case. */
export const CATALOGUE_CODE = /^[a-z][a-z0-9_]{0,47}$/;
/** Insurant, employer and beneficiary numbers. */
export const PERSON_NUMBER = /^[0-9A-Z]{4,20}$/;
/** Employer account numbers (415120). */
export const ACCOUNT_NUMBER = /^\d{4,12}$/;
/** Case numbers within a person. */
export const CASE_NO = /^[0-9A-Za-z-]{1,24}$/;
/** Accounting periods: quarter (2013-Q2) or month (2013-05). */
export const PERIOD = /^\d{4}-(Q[1-4]|0[1-9]|1[0-2])$/;
/** Settings scopes: `global`, `branch.dla`, `kiosk` … */
export const SETTINGS_SCOPE = /^[a-z][a-z0-9_.-]{0,63}$/;

/** Splits an id into exactly `n` parts after `prefix:`; null when it does not fit. */
export function splitId(id: unknown, prefix: string, n: number): string[] | null {
  if (typeof id !== 'string') return null;
  const parts = id.split(':');
  if (parts.length !== n + 1 || parts[0] !== prefix) return null;
  parts.shift();
  for (let i = 0; i < parts.length; i++) if (parts[i] === '') return null;
  return parts;
}
