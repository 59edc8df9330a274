/**
 * Printer profiles: the command language, the code-page numbering and the line width of the
 * printers counters actually have. The ids, paper widths and code pages are the contract's
 * (couch-design/types/printer-profiles.ts): the institution's per-role defaults name them.
 */
import { CODE_PAGES, DEFAULT_PROFILE_ID, PROFILE_IDS, type CodePage, type PaperWidth, type ProfileId } from '../../couch-design/types/printer-profiles.ts';

export { CODE_PAGES, DEFAULT_PROFILE_ID, PROFILE_IDS, type CodePage, type PaperWidth, type ProfileId };
export type Language = 'esc-pos' | 'star-prnt';
type CodepageMapping = 'epson' | 'star' | 'bixolon' | 'citizen' | 'pos-5890' | 'xprinter';

export interface PrinterProfile {
  id: ProfileId;
  name: string;
  language: Language;
  /** The encoder's table of which code page a printer family calls by which number. */
  mapping: CodepageMapping;
  paper: PaperWidth;
  /** Characters per line in font A. */
  columns: number;
  codepage: CodePage;
  /** The number `ESC t n` selects each page by on this family (what the encoder sends). */
  pageNumbers: Readonly<Record<CodePage, number>>;
}

const EPSON_PAGES = { windows1252: 16, cp858: 19 } as const;

/** Keyed by the contract's ids: every id has its model, and no model has an id the contract does not know. */
const MODELS: Readonly<Record<ProfileId, Omit<PrinterProfile, 'id'>>> = {
  'epson-80': { name: 'Epson TM-T20 / TM-T88 (80 mm)', language: 'esc-pos', mapping: 'epson', paper: 80, columns: 48, codepage: 'windows1252', pageNumbers: EPSON_PAGES },
  'epson-80-42': { name: 'Epson TM-T88 (80 mm, 42 col.)', language: 'esc-pos', mapping: 'epson', paper: 80, columns: 42, codepage: 'windows1252', pageNumbers: EPSON_PAGES },
  'star-80': { name: 'Star TSP100IV / TSP650II (StarPRNT, 80 mm)', language: 'star-prnt', mapping: 'star', paper: 80, columns: 48, codepage: 'windows1252', pageNumbers: { windows1252: 32, cp858: 4 } },
  'bixolon-80': { name: 'Bixolon SRP-350 (80 mm)', language: 'esc-pos', mapping: 'bixolon', paper: 80, columns: 42, codepage: 'windows1252', pageNumbers: EPSON_PAGES },
  'citizen-80': { name: 'Citizen CT-S310 (80 mm)', language: 'esc-pos', mapping: 'citizen', paper: 80, columns: 48, codepage: 'windows1252', pageNumbers: { windows1252: 16, cp858: 2 } },
  'generic-80': { name: 'ESC/POS 80 mm (generic)', language: 'esc-pos', mapping: 'xprinter', paper: 80, columns: 48, codepage: 'windows1252', pageNumbers: EPSON_PAGES },
  'generic-58': { name: 'ESC/POS 58 mm (generic)', language: 'esc-pos', mapping: 'pos-5890', paper: 58, columns: 32, codepage: 'cp858', pageNumbers: EPSON_PAGES },
};

export const PROFILES: readonly PrinterProfile[] = PROFILE_IDS.map((id) => ({ id, ...MODELS[id] }));

export function findProfile(id: string): PrinterProfile {
  return PROFILES.find((p) => p.id === id) ?? PROFILES.find((p) => p.id === DEFAULT_PROFILE_ID)!;
}

/** A profile with the device's own paper width and code page applied (58 mm paper = 32 columns). */
export function effectiveProfile(id: string, paper?: PaperWidth, codepage?: CodePage): PrinterProfile {
  const base = findProfile(id);
  const width = paper ?? base.paper;
  const columns = width === base.paper ? base.columns : width === 58 ? 32 : 48;
  return { ...base, paper: width, columns, codepage: codepage ?? base.codepage };
}
