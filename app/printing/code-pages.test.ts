import { describe, expect, it } from 'vitest';
import CodepageEncoder from '@point-of-sale/codepage-encoder';
import { canEncode, decodeByte, printableText } from './code-pages.ts';

const bytes = Array.from({ length: 128 }, (_, i) => i + 0x80);

describe('code-page tables', () => {
  // The encoder library's tables are what the printer bytes are made from (Node's own
  // TextDecoder reads windows-1252 as Latin-1, so it cannot serve as the reference).
  it.each(['windows1252', 'cp858'] as const)('%s agrees with the encoder library', (page) => {
    const codepoints = CodepageEncoder.getEncoding(page).codepoints;
    for (const b of bytes) {
      const ours = decodeByte(b, page);
      if (ours !== '\uFFFD') expect(ours.codePointAt(0), b.toString(16)).toBe(codepoints[b]);
    }
    expect(decodeByte(0x80, 'windows1252')).toBe('€');
    expect(decodeByte(0x8c, 'windows1252')).toBe('Œ');
    expect(decodeByte(0xd5, 'cp858')).toBe('€');
  });
});

describe('printableText', () => {
  it('keeps French letters, Œ and € in windows-1252', () => {
    expect(printableText('À Ê Œ œ € é ç ù', 'windows1252')).toBe('À Ê Œ œ € é ç ù');
  });

  it('keeps € and accents in cp858 but writes the ligature out', () => {
    expect(printableText('Œuvres cœur 12 € Ébodé', 'cp858')).toBe('OEuvres coeur 12 € Ébodé');
  });

  it("turns Intl's narrow no-break spaces and typographic quotes into what prints", () => {
    expect(printableText('1\u202F250\u202F000 FCFA', 'windows1252')).toBe('1 250 000 FCFA');
    expect(printableText('D\u2019accord \u2026', 'cp858')).toBe("D'accord ...");
  });

  it('falls back to the bare letter, then to ?', () => {
    expect(printableText('Ğ', 'windows1252')).toBe('G');
    expect(printableText('漢', 'cp858')).toBe('?');
    expect(canEncode('Œ', 'cp858')).toBe(false);
  });
});
