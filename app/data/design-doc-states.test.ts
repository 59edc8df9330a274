import { describe, expect, it } from 'vitest';
import { designDocStates, fetchDesignDocStates, statsNotice } from './design-doc-states.ts';

describe('designDocStates', () => {
  it('reads the states from /health and ignores what it does not know', () => {
    const health = { ok: true, designDocs: { fo_branch_dla: 'building', fo_central: 'current', fo_ref: 'odd' } };
    expect(designDocStates(health)).toEqual({ fo_branch_dla: 'building', fo_central: 'current' });
    expect(designDocStates({ ok: true })).toEqual({});
    expect(designDocStates(null)).toEqual({});
  });
});

describe('statsNotice', () => {
  it('asks for the rebuilding notice only while that database builds', () => {
    const states = designDocStates({ designDocs: { fo_branch_dla: 'building', fo_central: 'current' } });
    expect(statsNotice(states, 'fo_branch_dla')).toBe('rep.rebuilding');
    expect(statsNotice(states, 'fo_central')).toBeNull();
    expect(statsNotice(states, 'fo_branch_yde')).toBeNull();
  });
});

describe('fetchDesignDocStates', () => {
  it('answers none when the server cannot be reached', async () => {
    const offline = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    expect(await fetchDesignDocStates(offline)).toEqual({});
  });
  it('reads the body of a 503 as well', async () => {
    const down = (() => Promise.resolve(new Response(JSON.stringify({ ok: false, designDocs: { fo_central: 'building' } }), { status: 503 }))) as typeof fetch;
    expect(await fetchDesignDocStates(down)).toEqual({ fo_central: 'building' });
  });
});
