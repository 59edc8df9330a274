import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scanCases } from '../testing/scan-cases.ts';
import { validateDocUpdate, validateForWrite } from '../validate/entry.ts';
import { goodDocs } from '../testing/fixtures.ts';
import { dla } from '../testing/write-cases.ts';
import { parseScanId, scanAttachmentName, scanId } from './scan.ts';
import { base64Length } from '../validate/limits.ts';

describe('scan writes', () => {
  it.each(scanCases().map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const problems = validateDocUpdate(c.doc, c.old, c.user, c.db);
    expect(problems[0] ?? null).toEqual(c.expect);
  });

  it('reads the size of a Blob the app writes locally', () => {
    const scan = goodDocs().scan!;
    const blob = (size: number) => ({ ...scan, _attachments: { '0104.jpg': { content_type: 'image/jpeg', data: new Blob([new Uint8Array(size)]) } } });
    expect(validateForWrite(blob(2 * 1024 * 1024), null, dla('counter'), 'scans')).toEqual([]);
    expect(validateForWrite(blob(2 * 1024 * 1024 + 1), null, dla('counter'), 'scans')).toEqual([{ field: '_attachments.0104.jpg', code: 'too_large' }]);
  });
});

describe('scan ids and names', () => {
  it('round-trip', () => {
    const id = scanId('2024-03-05', 'lt9x1z000-c1-0002', '0104');
    expect(parseScanId(id)).toEqual({ day: '2024-03-05', uid: 'lt9x1z000-c1-0002', code: '0104' });
    expect(parseScanId('scan:2024-03-05:lt9x1z000-c1-0002:104')).toBeNull();
    expect(parseScanId('scan:2024-03-05:0104')).toBeNull();
    expect(scanAttachmentName('0104', 'image/jpeg')).toBe('0104.jpg');
    expect(scanAttachmentName('0104', 'application/pdf')).toBe('0104.pdf');
  });

  it('counts the bytes behind base64 text exactly', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(base64Length(Buffer.from(bytes).toString('base64'))).toBe(bytes.length);
      }),
    );
  });
});
