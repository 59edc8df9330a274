import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { validateForWrite } from '../../couch-design/validate/entry.ts';
import { submissionId } from '../../couch-design/types/submission.ts';
import { goodDocs } from '../../couch-design/testing/fixtures.ts';
import { sha256HexOfBytes } from '../cash/sha256.ts';
import { formatBytes, planScan } from './scan-checks.ts';
import { withScans, type ScanContext } from './scan-docs.ts';

const MB = 1024 * 1024;

describe('planScan', () => {
  it('redraws photos, keeps PDFs within the limit, refuses anything else at once', () => {
    expect(planScan({ type: 'image/jpeg', size: 5 * MB })).toEqual({ kind: 'photo' });
    expect(planScan({ type: 'image/png', size: 100 })).toEqual({ kind: 'photo' });
    expect(planScan({ type: 'application/pdf', size: 2 * MB })).toEqual({ kind: 'pdf' });
    expect(planScan({ type: 'application/pdf', size: 2 * MB + 1 })).toEqual({ kind: 'refused', error: 'scan_too_big' });
    expect(planScan({ type: 'text/plain', size: 10 })).toEqual({ kind: 'refused', error: 'scan_type' });
    expect(planScan({ type: '', size: 10 })).toEqual({ kind: 'refused', error: 'scan_type' });
    expect(planScan({ type: 'image/heic', size: 10 })).toEqual({ kind: 'refused', error: 'scan_type' });
    expect(planScan({ type: 'image/jpeg', size: 31 * MB })).toEqual({ kind: 'refused', error: 'scan_too_big' });
    expect(planScan({ type: 'image/jpeg', size: 0 })).toEqual({ kind: 'refused', error: 'scan_unreadable' });
  });

  it('writes sizes as file managers do, in the agent\'s language', () => {
    expect(formatBytes(2 * MB, 'fr')).toBe('2 Mo');
    expect(formatBytes(1.25 * MB, 'en')).toBe('1.3 MB');
    expect(formatBytes(350 * 1024, 'fr')).toBe('350 ko');
    expect(formatBytes(10, 'en')).toBe('1 kB');
  });
});

describe('withScans', () => {
  it('writes scans and references the contract accepts, with the bytes\' digest', () => {
    const sub = goodDocs().submission!;
    const uid = String(sub._id).split(':')[2]!;
    const ctx: ScanContext = { branch: 'dla', day: '2024-03-05', uid, submission: submissionId('2024-03-05', uid), agent: 'counter.dla', at: '2024-03-05T08:16:00.000Z' };
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3]);
    const file = { contentType: 'image/jpeg' as const, length: bytes.length, sha256: sha256HexOfBytes(bytes), data: Buffer.from(bytes).toString('base64') };
    expect(file.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    const papers = [
      { code: '0104', designation: 'Acte', copies: 1 },
      { code: '0215', designation: 'Autorisation', copies: 1 },
    ];
    const { documents, scans } = withScans(ctx, papers, new Map([['0215', file]]));
    expect(documents[0]).toEqual(papers[0]);
    expect(documents[1]!.scan).toEqual({ id: `scan:2024-03-05:${uid}:0215`, name: '0215.jpg', contentType: 'image/jpeg', length: 6, sha256: file.sha256 });
    expect(scans).toHaveLength(1);
    const counter = { name: 'counter.dla', roles: ['counter', 'branch:dla'] };
    expect(validateForWrite(scans[0], null, counter, 'scans')).toEqual([]);
    expect(validateForWrite({ ...sub, documents }, null, counter, 'branch')).toEqual([]);
  });
});
