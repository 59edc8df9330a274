import { describe, expect, it } from 'vitest';
import type { Couch } from './couch-client.ts';
import { awaitIndexes } from './staged-deploy.ts';

const doc = { _id: '_design/fo', version: 'v2', views: { a: { map: 'm' }, b: { map: 'm', reduce: '_count' } } };
const wait = { requestMs: 1_000, pauseMs: 1 };
const couchError = (statusCode: number, error: string) => Object.assign(new Error(error), { statusCode, error });

/** A Couch whose `request` answers with the given outcomes in turn, recording each request. */
function scripted(outcomes: (Error | 'ok')[]) {
  const requests: { path: string; qs: unknown }[] = [];
  const couch = {
    request: async (opts: { path: string; qs: unknown }) => {
      requests.push({ path: opts.path, qs: opts.qs });
      const next = outcomes.shift() ?? 'ok';
      if (next !== 'ok') throw next;
      return { rows: [] };
    },
  } as unknown as Couch;
  return { couch, requests };
}

describe('awaitIndexes', () => {
  it('asks each staged view again while CouchDB answers 500 timeout, unreduced and with limit=0', async () => {
    const { couch, requests } = scripted([couchError(500, 'timeout'), couchError(500, 'timeout'), 'ok', 'ok']);
    await awaitIndexes(couch, 'fo_central', doc, wait);
    expect(requests.map((r) => r.path)).toEqual([
      ...Array(3).fill('_design/fo-staged/_view/a'),
      '_design/fo-staged/_view/b',
    ]);
    expect(requests.at(-1)!.qs).toEqual({ limit: 0, reduce: false });
    expect(requests[0]!.qs).toEqual({ limit: 0 });
  });

  it('gives up on a real error', async () => {
    const { couch } = scripted([couchError(404, 'not_found')]);
    await expect(awaitIndexes(couch, 'fo_central', doc, wait)).rejects.toThrow('not_found');
  });
});
