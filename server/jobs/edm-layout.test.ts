import { describe, expect, it } from 'vitest';
import { folderName, retryDelayMs, scanFileName } from './edm-layout.ts';

describe('EDM folder layout', () => {
  it('names a folder by a receipt number, and refuses any that could be a path', () => {
    expect(folderName('DLA-261202-K3X9QZ-007')).toBe('DLA-261202-K3X9QZ-007');
    expect(folderName('DLA-2024-000001')).toBe('DLA-2024-000001');
    for (const bad of ['', '..', '../etc', 'DLA/261202', '.hidden', 'dla-261202-k-001', 'A'.repeat(41), 'DLA 1']) expect(folderName(bad), bad).toBeNull();
  });

  it('names a scan file by its attachment name, a document code and jpg or pdf only', () => {
    expect(scanFileName({ name: '0104.jpg' })).toBe('0104.jpg');
    expect(scanFileName({ name: '0215.pdf' })).toBe('0215.pdf');
    for (const bad of ['0104.png', '../0104.jpg', '0104', 'metadata.json', '104.jpg']) expect(scanFileName({ name: bad }), bad).toBeNull();
  });

  it('backs off 2 s, 4 s, 8 s … up to 5 minutes', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([2_000, 4_000, 8_000, 16_000]);
    expect(retryDelayMs(30)).toBe(300_000);
  });
});
