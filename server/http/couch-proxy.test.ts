import { describe, expect, it } from 'vitest';
import { refusalForEmbedded } from './couch-proxy.ts';

describe('refusalForEmbedded', () => {
  it('refuses a _changes feed filtered by _selector, which crashes PouchDB Server', () => {
    expect(refusalForEmbedded('/fo_branch_dla/_changes?filter=_selector&feed=longpoll')).toMatch(/_selector/);
  });
  it('lets ordinary replication requests through', () => {
    expect(refusalForEmbedded('/fo_branch_dla/_changes?style=all_docs&since=0&limit=100')).toBeNull();
    expect(refusalForEmbedded('/fo_branch_dla/_changes?filter=_doc_ids')).toBeNull();
    expect(refusalForEmbedded('/fo_branch_dla/_selector_doc?filter=_selector')).toBeNull();
  });
});
