/**
 * The `forbidden` reason of a refused write, both ways. A module of its own so that the app's
 * first load can read a server's refusal without the whole validator (entry.ts re-exports it).
 */
import type { Problem } from './problems.ts';

/** The `forbidden` reason CouchDB returns with its 403: 'field: code', plus how many more. */
export function problemsReason(problems: readonly Problem[]): string {
  if (problems.length === 0) return '';
  const first = problems[0]!;
  const more = problems.length > 1 ? ' (+' + (problems.length - 1) + ' more)' : '';
  return first.field + ': ' + first.code + more;
}

/** Reads a reason back into its first problem (for the app's sync indicator); null if foreign. */
export function parseReason(reason: string): Problem | null {
  const m = /^([^:]*): ([a-z_]+)( \(\+\d+ more\))?$/.exec(reason);
  return m ? { field: m[1]!, code: m[2]! } : null;
}
