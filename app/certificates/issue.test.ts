import { describe, expect, it } from 'vitest';
import { receiptNumber } from '../desk/receipt-number.ts';
import { certificateNumber, nextCertificateSeq } from './issue.ts';

describe('certificate numbers', () => {
  it('follow the receipts scheme behind ATT-, with their own daily sequence per device', () => {
    expect(certificateNumber('dla', '2026-12-02', 'k3x9qz', 7)).toBe('ATT-DLA-261202-K3X9QZ-007');
    const used = [certificateNumber('dla', '2026-12-02', 'k3x9qz', 1), certificateNumber('dla', '2026-12-02', 'k3x9qz', 4), certificateNumber('dla', '2026-12-02', 'other', 9), certificateNumber('dla', '2026-12-01', 'k3x9qz', 12)];
    expect(nextCertificateSeq(used, 'dla', '2026-12-02', 'k3x9qz')).toBe(5);
    // A submission receipt of the same device and day does not count.
    expect(nextCertificateSeq([receiptNumber('dla', '2026-12-02', 'k3x9qz', 30)], 'dla', '2026-12-02', 'k3x9qz')).toBe(1);
  });
});
