import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fitWithin } from './fit.ts';

describe('fitWithin', () => {
  it('fits a scan within 1600 px and a logo within 400×160, proportions kept, never enlarged', () => {
    expect(fitWithin(4000, 3000, 1600, 1600)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(3000, 4000, 1600, 1600)).toEqual({ width: 1200, height: 1600 });
    expect(fitWithin(800, 600, 1600, 1600)).toEqual({ width: 800, height: 600 });
    // A wide logo is held by its width, a square one by the height.
    expect(fitWithin(2000, 500, 400, 160)).toEqual({ width: 400, height: 100 });
    expect(fitWithin(1000, 1000, 400, 160)).toEqual({ width: 160, height: 160 });
    expect(fitWithin(5000, 1, 400, 160)).toEqual({ width: 400, height: 1 });
  });

  it('always fits the box, never grows, keeps the proportions', () => {
    const side = fc.integer({ min: 1, max: 20000 });
    fc.assert(
      fc.property(side, side, fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 1, max: 2000 }), (w, h, mw, mh) => {
        const out = fitWithin(w, h, mw, mh);
        expect(out.width).toBeLessThanOrEqual(Math.max(1, Math.min(w, mw)));
        expect(out.height).toBeLessThanOrEqual(Math.max(1, Math.min(h, mh)));
        if (Math.min(out.width, out.height) > 20) expect(Math.abs(out.width / out.height - w / h) / (w / h)).toBeLessThan(0.05);
      }),
    );
  });
});
