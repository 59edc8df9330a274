/**
 * The two Western code pages our profiles use, as tables of their upper half (0x80–0xFF;
 * the lower half is ASCII), for the virtual printer's decoding and for deciding what to
 * transliterate before encoding. '\uFFFD' marks a byte with no character.
 */
import type { CodePage } from './profiles.ts';

const WINDOWS_1252_HIGH =
  '€\uFFFD‚ƒ„…†‡ˆ‰Š‹Œ\uFFFDŽ\uFFFD' +
  '\uFFFD‘’“”•–—˜™š›œ\uFFFDžŸ' +
  '\u00A0¡¢£¤¥¦§¨©ª«¬\u00AD®¯°±²³´µ¶·¸¹º»¼½¾¿' +
  'ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ';

/** cp850 with the euro sign in place of the dotless i (0xD5). */
const CP858_HIGH =
  'ÇüéâäàåçêëèïîìÄÅ' +
  'ÉæÆôöòûùÿÖÜø£Ø×ƒ' +
  'áíóúñÑªº¿®¬½¼¡«»' +
  '░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐' +
  '└┴┬├─┼ãÃ╚╔╩╦╠═╬¤' +
  'ðÐÊËÈ€ÍÎÏ┘┌█▄¦Ì▀' +
  'ÓßÔÒõÕµþÞÚÛÙýÝ¯´' +
  '\u00AD±‗¾¶§÷¸°¨·¹³²■\u00A0';

const HIGH: Readonly<Record<CodePage, string>> = { windows1252: WINDOWS_1252_HIGH, cp858: CP858_HIGH };

/** The character a byte stands for in `codepage`. */
export function decodeByte(byte: number, codepage: CodePage): string {
  if (byte < 0x80) return String.fromCharCode(byte);
  return HIGH[codepage][byte - 0x80] ?? '\uFFFD';
}

export function canEncode(char: string, codepage: CodePage): boolean {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x80 || (char !== '\uFFFD' && HIGH[codepage].includes(char));
}

/** Typography the printers lack in both pages, and ligatures cp858 lacks; Intl's spaces first. */
const REPLACEMENTS: Readonly<Record<string, string>> = {
  '\u202F': ' ',
  '\u2009': ' ',
  '\u00A0': ' ',
  '\u2018': "'",
  '\u2019': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u2026': '...',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
  Œ: 'OE',
  œ: 'oe',
};

/**
 * Text the printer will print as written: characters of the page stay (É, €, and Œ in
 * windows-1252), the rest becomes the nearest ASCII (Œ → OE in cp858, ’ → ') or, last, '?'.
 */
export function printableText(text: string, codepage: CodePage): string {
  let out = '';
  for (const char of text) {
    if (canEncode(char, codepage) && char !== '\u00A0') out += char;
    else if (REPLACEMENTS[char] !== undefined) out += REPLACEMENTS[char];
    else {
      const bare = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      out += bare.length > 0 && [...bare].every((c) => canEncode(c, codepage)) ? bare : '?';
    }
  }
  return out;
}
