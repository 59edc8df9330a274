/**
 * Validation primitives shared by every document type.
 *
 * Everything under couch-design/validate and couch-design/types is bundled into CouchDB's
 * `validate_doc_update` and lowered to ES5 (SpiderMonkey 1.8.5 / QuickJS), so only ES5
 * library calls are allowed here: no includes/startsWith/find/Object.assign/Number.isInteger.
 * The build test runs the bundle in a context where those are deleted.
 */

/** One thing wrong with a write. `code` is stable and mapped to translated text by the UI. */
export interface Problem {
  field: string;
  code: string;
}

/** A document as it arrives: anything at all, since validators must never throw. */
export type AnyDoc = Record<string, unknown>;

/** What CouchDB passes as `userCtx` (the app builds the same shape from its session). */
export interface UserCtx {
  name: string | null;
  roles: readonly string[];
  db?: string;
}

/** Every problem code a validator returns; the UI maps each to translated text. */
export const PROBLEM_CODES = [
  'required',
  'not_object',
  'not_string',
  'not_boolean',
  'not_array',
  'not_integer',
  'not_positive',
  'too_small',
  'too_large',
  'too_long',
  'bad_format',
  'bad_value',
  'bad_id',
  'bad_ref',
  'unknown_type',
  'wrong_db',
  'immutable',
  'bad_transition',
  'forbidden_role',
  'wrong_branch',
  'not_author',
  'too_deep',
  'bad_attachment',
  // Cash desk (app/cash/rules.ts, money.ts): rules that need more than the one document.
  'too_precise',
  'session_not_open',
  'session_busy',
  'wrong_number',
  'already_reversed',
  'reversal_of_reversal',
  'approval_required',
  'order_not_payable',
  'wrong_amount',
  // Reference data (server/gateway/series-check.ts): a series letter another service holds.
  'series_taken',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export type DbKind = 'ref' | 'people' | 'branch' | 'central' | 'scans';

export function isObject(v: unknown): v is AnyDoc {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function contains(list: readonly unknown[], v: unknown): boolean {
  for (let i = 0; i < list.length; i++) if (list[i] === v) return true;
  return false;
}

export function hasPrefix(s: string, prefix: string): boolean {
  return s.length >= prefix.length && s.substring(0, prefix.length) === prefix;
}

/** Integer test that works where Number.isInteger does not exist; refuses unsafe integers too. */
export function isInt(v: unknown): v is number {
  return typeof v === 'number' && isFinite(v) && Math.floor(v) === v && Math.abs(v) <= 9007199254740991;
}

export const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
/** ISO 8601 instant with an explicit zone, as produced by Date.prototype.toISOString. */
export const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/;
export const CURRENCY = /^[A-Z]{3}$/;

/** Any string field without a lower bound of its own. */
export const MAX_STRING = 500;
/** Any list field without a lower bound of its own (service codes of a counter, required papers). */
export const MAX_ITEMS = 50;
/** Author fields hold a CouchDB user name (`counter.dla`); see validate/authors.ts. */
export const MAX_USER_NAME = 100;
/** Each language of a bilingual label. */
export const MAX_LABEL = 200;

interface StrOpts {
  optional?: boolean;
  pattern?: RegExp;
  max?: number;
}
interface IntOpts {
  optional?: boolean;
  min?: number;
  max?: number;
}

/**
 * Collects problems for one document. Each check returns the value when it is valid
 * (so callers can rebuild the expected id from it) and undefined otherwise.
 */
export class Checker {
  readonly problems: Problem[] = [];
  constructor(readonly doc: AnyDoc) {}

  add(field: string, code: string): void {
    this.problems.push({ field, code });
  }

  private present(field: string, optional: boolean | undefined): boolean {
    const v = this.doc[field];
    if (v === undefined || v === null) {
      if (!optional) this.add(field, 'required');
      return false;
    }
    return true;
  }

  str(field: string, opts: StrOpts = {}): string | undefined {
    if (!this.present(field, opts.optional)) return undefined;
    const v = this.doc[field];
    if (typeof v !== 'string') return this.fail(field, 'not_string');
    if (v.length === 0) return this.fail(field, 'required');
    if (v.length > (opts.max ?? MAX_STRING)) return this.fail(field, 'too_long');
    if (opts.pattern && !opts.pattern.test(v)) return this.fail(field, 'bad_format');
    return v;
  }

  int(field: string, opts: IntOpts = {}): number | undefined {
    if (!this.present(field, opts.optional)) return undefined;
    const v = this.doc[field];
    if (!isInt(v)) return this.fail(field, 'not_integer');
    if (opts.min !== undefined && v < opts.min) return this.fail(field, opts.min === 1 ? 'not_positive' : 'too_small');
    if (opts.max !== undefined && v > opts.max) return this.fail(field, 'too_large');
    return v;
  }

  bool(field: string, optional = false): boolean | undefined {
    if (!this.present(field, optional)) return undefined;
    const v = this.doc[field];
    return typeof v === 'boolean' ? v : this.fail(field, 'not_boolean');
  }

  oneOf<T extends string>(field: string, values: readonly T[], optional = false): T | undefined {
    if (!this.present(field, optional)) return undefined;
    const v = this.doc[field];
    return contains(values, v) ? (v as T) : this.fail(field, 'bad_value');
  }

  day(field: string, optional = false): string | undefined {
    return this.str(field, { optional, pattern: DAY });
  }

  instant(field: string, optional = false): string | undefined {
    return this.str(field, { optional, pattern: INSTANT });
  }

  /** A user name that validate/authors.ts ties to the writer. */
  author(field: string, optional = false): string | undefined {
    return this.str(field, { optional, max: MAX_USER_NAME });
  }

  /** A list of strings, each matching `pattern`; `nonEmpty` refuses [], more than `max` items are too long. */
  strList(field: string, pattern: RegExp, nonEmpty = false, optional = false, max = MAX_ITEMS): string[] | undefined {
    if (!this.present(field, optional)) return undefined;
    const v = this.doc[field];
    if (!Array.isArray(v)) return this.fail(field, 'not_array');
    if (nonEmpty && v.length === 0) return this.fail(field, 'required');
    if (v.length > max) return this.fail(field, 'too_long');
    for (let i = 0; i < v.length; i++) {
      const item: unknown = v[i];
      if (typeof item !== 'string' || !pattern.test(item)) return this.fail(field + '.' + i, 'bad_format');
    }
    return v as string[];
  }

  /** Bilingual label `{ fr, en }`: both required, the institution works in both languages. */
  i18n(field: string): void {
    if (!this.present(field, false)) return;
    const v = this.doc[field];
    if (!isObject(v)) return void this.add(field, 'not_object');
    for (const lang of ['fr', 'en']) {
      const s = v[lang];
      if (typeof s !== 'string' || s.length === 0) this.add(field + '.' + lang, 'required');
      else if (s.length > MAX_LABEL) this.add(field + '.' + lang, 'too_long');
    }
    // Nothing but the two languages: an extra key would be unbounded free text.
    if (Object.keys(v).length > 2) this.add(field, 'too_large');
  }

  obj(field: string, optional = false): AnyDoc | undefined {
    if (!this.present(field, optional)) return undefined;
    const v = this.doc[field];
    return isObject(v) ? v : this.fail(field, 'not_object');
  }

  /** The id must be exactly what the builder makes from the content (ids are the index). */
  id(expected: string | undefined): void {
    if (expected === undefined) return; // the field problem already says why
    if (this.doc._id !== expected) this.add('_id', 'bad_id');
  }

  private fail(field: string, code: string): undefined {
    this.add(field, code);
    return undefined;
  }
}
