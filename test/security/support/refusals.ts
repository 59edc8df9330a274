/** How a refusal must look: CouchDB's status and `{error, reason}`, with the hardened headers. */
import { expect } from 'vitest';
import type { RawAnswer } from './raw-http.ts';

/** `r` is refused with `status` and a CouchDB-shaped JSON reason (the message shows what came instead). */
export function expectRefused(r: RawAnswer, status: number, what = ''): void {
  const seen = { status: r.status, error: typeof r.json?.error, reason: typeof r.json?.reason, json: /^application\/json/.test(String(r.headers['content-type'])) };
  expect(seen, `${what} → ${r.text.slice(0, 300)}`).toEqual({ status, error: 'string', reason: 'string', json: true });
  expect(r.headers['x-content-type-options'], what).toBe('nosniff');
  expect(r.headers['content-security-policy'], what).toMatch(/\bsandbox\b/);
  expectNothingLeaked(r, what);
}

/** A `_bulk_docs` answer in which each of the `n` documents was refused (none written). */
export function expectEveryDocRefused(r: RawAnswer, n: number, what = ''): void {
  expect(r.status, `${what} → ${r.text.slice(0, 300)}`).toBe(201);
  expect(Array.isArray(r.json) && r.json.length, `${what} → ${r.text.slice(0, 300)}`).toBe(n);
  for (const item of r.json as { error?: unknown; reason?: unknown }[]) {
    expect({ error: typeof item.error, reason: typeof item.reason }, `${what} → ${JSON.stringify(item)}`).toEqual({ error: 'string', reason: 'string' });
  }
}

/** Nothing of a database's content in the answer. */
export function expectNothingLeaked(r: RawAnswer, what = ''): void {
  expect(r.text, what).not.toMatch(/derived_key|"salt"|"rows"|"results"|"docs"|"source"|"target"|"_rev"|"userCtx"/);
}
