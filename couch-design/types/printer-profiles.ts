/**
 * What the contract knows of printers: the profile ids (the one list: app/printing/profiles.ts
 * keys its table of models by them, so a profile missing there, or one the contract does not
 * know, is a compile error), the paper widths and the Western code pages. The default cp437
 * has no À, Ê, Œ or €: windows-1252 where the firmware has it, cp858 (cp850 with €) on
 * cheap clones whose windows-1252 table is missing or wrong.
 */
export const PROFILE_IDS = ['epson-80', 'epson-80-42', 'star-80', 'bixolon-80', 'citizen-80', 'generic-80', 'generic-58'] as const;
export type ProfileId = (typeof PROFILE_IDS)[number];
export const DEFAULT_PROFILE_ID: ProfileId = 'epson-80';
export type PaperWidth = 58 | 80;
export const CODE_PAGES = ['windows1252', 'cp858'] as const;
export type CodePage = (typeof CODE_PAGES)[number];
