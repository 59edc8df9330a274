import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LETTERHEAD_MARGIN, LOGO_BOX, letterheadLayout } from './letterhead-layout.ts';

describe('the A4 letterhead layout', () => {
  it('without a logo: the names at the margin over the rule, as before the logo', () => {
    expect(letterheadLayout(null)).toEqual({ logo: null, textX: 20, nameY: 24, branchY: 30, ruleY: 34 });
    // An image jsPDF could not size is no logo.
    expect(letterheadLayout({ width: 0, height: 10 }).logo).toBeNull();
  });

  it('a wide logo fills the box width, a tall one its height; the names move right of it, the rule stays', () => {
    const wide = letterheadLayout({ width: 400, height: 100 });
    expect(wide.logo).toEqual({ x: 20, y: 19, width: 40, height: 10 });
    expect(wide.textX).toBe(65);
    expect(wide.ruleY).toBe(34);
    const tall = letterheadLayout({ width: 160, height: 160 });
    expect(tall.logo).toEqual({ x: 20, y: 16, width: 16, height: 16 });
    expect(tall.textX).toBe(41);
  });

  it('whatever the image, the logo keeps its proportions inside the box, above the rule and left of the names', () => {
    const side = fc.integer({ min: 1, max: 5000 });
    fc.assert(
      fc.property(side, side, (width, height) => {
        const at = letterheadLayout({ width, height });
        const logo = at.logo!;
        expect(logo.x).toBe(LETTERHEAD_MARGIN);
        expect(logo.width).toBeLessThanOrEqual(LOGO_BOX.width + 1e-9);
        expect(logo.height).toBeLessThanOrEqual(LOGO_BOX.height + 1e-9);
        expect(Math.abs(logo.width / logo.height - width / height) / (width / height)).toBeLessThan(1e-9);
        // One side touches the box: it is as large as it can be.
        expect(Math.max(logo.width / LOGO_BOX.width, logo.height / LOGO_BOX.height)).toBeCloseTo(1, 9);
        expect(logo.y).toBeGreaterThanOrEqual(LETTERHEAD_MARGIN - 4);
        expect(logo.y + logo.height).toBeLessThan(at.ruleY);
        expect(logo.x + logo.width).toBeLessThan(at.textX);
      }),
    );
  });
});
