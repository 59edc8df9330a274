import type { BaseDoc, Locale } from './base.ts';
import { type AnyDoc, Checker, CURRENCY, type Problem, isObject } from '../validate/problems.ts';
import { SETTINGS_LIMITS, attachmentLength, checkTree } from '../validate/limits.ts';
import { SETTINGS_SCOPE, splitId } from '../ids/codes.ts';
import { type CashSettings, checkCashSettings } from './cash-config.ts';

export const INSTITUTION = 'institution';
export const INSTITUTION_ID = 'institution';

/** The one institution this deployment serves; money is counted in its currency. */
export interface Institution extends BaseDoc {
  type: typeof INSTITUTION;
  name: string;
  currency: string;
  /** Minor units per major unit as a power of ten: 0 for XAF/XOF, 2 for EUR. */
  currencyDecimals: number;
  defaultLocale: Locale;
  /** The languages the institution offers (kiosks, receipts); the default is one of them. Absent: both. */
  languages?: Locale[];
  /** Cash desks: denominations, ceiling, thresholds (types/cash-config.ts); defaults per currency when absent. */
  cash?: CashSettings;
  /** Who made the last edit and when (validate/authors.ts: always the writer); each edit is also a `ref_change`. */
  updatedBy?: string;
  updatedAt?: string;
}

/** The institution's logo (issue 14): its only attachment, `logo`, a PNG or JPEG of at most 100 KB (downscaled in the browser). */
export const LOGO_ATTACHMENT = 'logo';
export const LOGO_TYPES: readonly string[] = ['image/png', 'image/jpeg'];
export const MAX_LOGO_BYTES = 100 * 1024;

function checkLogo(c: Checker): void {
  const atts = c.doc._attachments;
  if (atts == null) return;
  if (!isObject(atts)) return c.add('_attachments', 'not_object');
  const names = Object.keys(atts);
  for (let i = 0; i < names.length; i++) if (names[i] !== LOGO_ATTACHMENT) return c.add('_attachments', 'bad_attachment');
  const logo = atts[LOGO_ATTACHMENT];
  if (logo === undefined) return;
  const field = '_attachments.' + LOGO_ATTACHMENT;
  if (!isObject(logo)) return c.add(field, 'bad_attachment');
  const type = typeof logo.content_type === 'string' ? logo.content_type.toLowerCase() : '';
  if (LOGO_TYPES.indexOf(type) < 0) return c.add(field, 'bad_type');
  const length = attachmentLength(logo);
  if (length === null) c.add(field, 'bad_attachment');
  else if (length > MAX_LOGO_BYTES) c.add(field, 'too_large');
  else if (length < 1) c.add(field, 'required');
}

export function institutionId(): string {
  return INSTITUTION_ID;
}

export function validateInstitution(doc: AnyDoc): Problem[] {
  const c = new Checker(doc);
  c.str('name', { max: 200 });
  c.str('currency', { pattern: CURRENCY });
  c.int('currencyDecimals', { min: 0, max: 3 });
  const locale = c.oneOf('defaultLocale', ['fr', 'en']);
  const languages = c.strList('languages', /^(fr|en)$/, true, true, 2);
  if (languages) {
    if (languages.length === 2 && languages[0] === languages[1]) c.add('languages', 'duplicate');
    else if (locale && languages.indexOf(locale) < 0) c.add('defaultLocale', 'not_offered');
  }
  checkCashSettings(c, 'cash', true);
  checkLogo(c);
  c.author('updatedBy', true);
  c.instant('updatedAt', doc.updatedBy == null);
  c.id(INSTITUTION_ID);
  return c.problems;
}

export const SETTINGS = 'settings';

/** Tunables by scope (`global`, `branch.dla`, `kiosk`); `values` is free-form by design, within SETTINGS_LIMITS. */
export interface Settings extends BaseDoc {
  type: typeof SETTINGS;
  scope: string;
  values: Record<string, unknown>;
}

export function settingsId(scope: string): string {
  return 'settings:' + scope;
}

export function parseSettingsId(id: string): { scope: string } | null {
  const p = splitId(id, 'settings', 1);
  return p && SETTINGS_SCOPE.test(p[0]!) ? { scope: p[0]! } : null;
}

export function validateSettings(doc: AnyDoc): Problem[] {
  const c = new Checker(doc);
  const scope = c.str('scope', { pattern: SETTINGS_SCOPE });
  checkTree(c, 'values', SETTINGS_LIMITS, false);
  c.id(scope && settingsId(scope));
  return c.problems;
}
