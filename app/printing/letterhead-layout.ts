/**
 * Where the A4 letterhead's parts go (a4-letterhead.ts), in millimetres, pure. Without a logo,
 * the institution's name and the branch's over a rule, as always. With one, the logo top-left
 * in a 40×16 mm box, proportions kept, and the two names beside it; the rule and what follows
 * stay where they were, so a logo moves nothing below the letterhead.
 */
export const LETTERHEAD_MARGIN = 20;
export const LOGO_BOX = { width: 40, height: 16 } as const;
/** Between the logo and the names. */
const LOGO_GAP = 5;

/** The institution's logo as stored (a PNG or JPEG, app/data/institution-logo.ts). */
export interface LetterheadLogo {
  readonly bytes: Uint8Array;
  readonly contentType: string;
}

export interface LetterheadLayout {
  readonly logo: { readonly x: number; readonly y: number; readonly width: number; readonly height: number } | null;
  /** Left edge of the names; `nameY` and `branchY` are their baselines. */
  readonly textX: number;
  readonly nameY: number;
  readonly branchY: number;
  readonly ruleY: number;
}

/** The layout for a logo of `image` pixels (any size: scaled to fill the box), or none. */
export function letterheadLayout(image: { readonly width: number; readonly height: number } | null): LetterheadLayout {
  const nameY = LETTERHEAD_MARGIN + 4;
  const ruleY = nameY + 10;
  if (!image || !(image.width > 0) || !(image.height > 0)) return { logo: null, textX: LETTERHEAD_MARGIN, nameY, branchY: nameY + 6, ruleY };
  const scale = Math.min(LOGO_BOX.width / image.width, LOGO_BOX.height / image.height);
  const width = image.width * scale;
  const height = image.height * scale;
  // The box ends 2 mm above the rule; a short logo sits centred in it, beside the names.
  const top = ruleY - 2 - LOGO_BOX.height;
  return {
    logo: { x: LETTERHEAD_MARGIN, y: top + (LOGO_BOX.height - height) / 2, width, height },
    textX: LETTERHEAD_MARGIN + width + LOGO_GAP,
    nameY,
    branchY: nameY + 6,
    ruleY,
  };
}
