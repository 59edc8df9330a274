/**
 * Every template on 58 mm and 80 mm profiles, read back by the virtual printer: the text
 * (accents and the currency included), QR payloads, barcodes, cuts; plus byte-exact
 * snapshots per profile, so any change in what reaches a printer shows in review.
 */
import { describe, expect, it } from 'vitest';
import { encodeReceipt } from './escpos.ts';
import { PROFILES, effectiveProfile, findProfile } from './profiles.ts';
import { decodeEscPos, printedText, type Printed } from './virtual-printer.ts';
import { SAMPLE_KINDS, sampleReceipt, type SampleKind } from './samples.ts';
import { markDuplicate, type Receipt } from './receipt-model.ts';
import type { Locale } from '../i18n/translate.ts';

const ESC_POS = PROFILES.filter((p) => p.language === 'esc-pos');

/** Expected text, as phrases (wrapping differs between widths, so lines are joined first). */
const EXPECTED: Record<SampleKind, Record<Locale, string[]>> = {
  ticket: {
    fr: ['Caisse Nationale de Prévoyance Sociale', 'Douala Centre', 'Prestations familiales', 'Votre numéro', 'F012', '14/03/2024 09:05', 'Personnes avant vous 7', 'Attente estimée 25 min'],
    en: ['Family benefits', 'Your number', 'F012', '14/03/2024, 09:05', 'People ahead of you 7', 'Estimated wait 25 min'],
  },
  submission: {
    fr: ['ACCUSÉ DE RÉCEPTION', 'AR-DLA-2024-001532', 'Ékotto Hélène', 'Ticket F012', 'Prestations familiales (assuré homme)', '0104 Acte de naissance 1', '0215 Autorisation de perception (légalisée)', '0228 Actes de naissance des enfants', 'Nombre de pièces 3', 'Guichet C01'],
    en: ['RECEIPT FOR DOCUMENTS', 'Ékotto Hélène', '0104 Birth certificate 1', '0215 Perception authorization (legalized)', "0228 Children's birth certificates", 'Counter C01'],
  },
  cashReceipt: {
    fr: ['REÇU DE CAISSE', 'CR-DLA-2024-000731', 'Versé par 415120', 'Compte 415120', 'Libellé COT 2TR 2013', 'Montant 1 250 000 FCFA', 'Un million deux cent cinquante mille francs CFA.', 'Caissier cashier.dla', 'Guichet C07'],
    en: ['CASH RECEIPT', 'Paid by 415120', 'Account 415120', 'Designation COT 2TR 2013', 'Amount FCFA 1,250,000', 'One million two hundred and fifty thousand CFA francs.', 'Cashier cashier.dla'],
  },
  cashSlip: {
    fr: ['BORDEREAU DE PAIEMENT', 'Bénéficiaire 7788990011', 'Ngo Bassa Noëlle', 'Montant 87 580 FCFA', 'Quatre-vingt-sept mille cinq cent quatre-vingts francs CFA.', 'Signature du bénéficiaire :'],
    en: ['CASH PAYMENT SLIP', 'Beneficiary 7788990011', 'Ngo Bassa Noëlle', 'Amount FCFA 87,580', 'Eighty-seven thousand five hundred and eighty CFA francs.'],
  },
  certificate: {
    fr: ['Attestation de non-redevance', 'ANR-DLA-2024-0093', 'Valable jusqu', '14 juin 2024', 'Vérifiez-la sur verify.example/verify'],
    en: ['CERTIFICATE STUB', 'Certificate of no arrears', 'Valid until 14 Jun 2024', 'Check it at verify.example/verify'],
  },
};

const QR: Partial<Record<SampleKind, string>> = {
  ticket: 'ticket:dla:2024-03-14:F:0012',
  submission: 'submission:2024-03-14:lts6k2x9a-dev1-0001',
  certificate: 'https://verify.example/verify#FOC1%7CANR-DLA-2024-0093',
};

const BARCODE: Partial<Record<SampleKind, string>> = {
  cashReceipt: 'CR-DLA-2024-000731',
  cashSlip: 'CP-DLA-2024-000214',
  certificate: 'ANR-DLA-2024-0093',
};

/** The lines as one text; a word the printer broke at its hyphen ("quatre-" / "vingts") is whole again. */
const joined = (items: Printed[]) => printedText(items).join(' ').replace(/\s+/g, ' ').replace(/- /g, '-');

/** The phrase's words in order; a table row's copies figure may sit between them where the cell wrapped. */
function containsPhrase(text: string, phrase: string): boolean {
  const words = phrase.split(' ').map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(words.join('(?: \\d+)? ')).test(text);
}

/** Hex dump with the printable characters beside it: reviewable in a diff. */
function hexDump(bytes: Uint8Array): string {
  const rows: string[] = [];
  for (let i = 0; i < bytes.length; i += 16) {
    const row = bytes.subarray(i, i + 16);
    const hex = Array.from(row, (b) => b.toString(16).padStart(2, '0')).join(' ');
    const ascii = Array.from(row, (b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
    rows.push(`${i.toString(16).padStart(6, '0')}  ${hex.padEnd(47)}  ${ascii}`);
  }
  return rows.join('\n') + '\n';
}

describe.each(ESC_POS.map((p) => [p.id, p] as const))('templates on %s', (_id, profile) => {
  describe.each(SAMPLE_KINDS)('%s', (kind) => {
    it.each(['fr', 'en'] as const)('prints the expected text in %s, nothing lost to the code page', (locale) => {
      const items = decodeEscPos(encodeReceipt(sampleReceipt(kind, locale), profile), profile);
      const text = joined(items);
      for (const phrase of EXPECTED[kind][locale]) {
        // cp858 has no Œ: the ligature is written out, never printed as '?'.
        const expected = profile.codepage === 'cp858' ? phrase.replace(/Œ/g, 'OE') : phrase;
        expect(containsPhrase(text, expected), `${expected}\n in: ${text}`).toBe(true);
      }
      expect(text).not.toMatch(/[?\uFFFD]/);
      for (const line of items) if (line.kind === 'line') expect(line.columns, line.text).toBeLessThanOrEqual(profile.columns);
      expect(items.filter((p) => p.kind === 'qr').map((p) => (p as { data: string }).data)).toEqual(QR[kind] ? [QR[kind]] : []);
      expect(items.filter((p) => p.kind === 'barcode').map((p) => (p as { data: string }).data)).toEqual(BARCODE[kind] ? [BARCODE[kind]] : []);
      expect(items.filter((p) => p.kind !== 'line').at(-1)).toEqual({ kind: 'cut', partial: true });
    });
  });
});

describe('accents and the currency', () => {
  it('prints Œ and € as such in windows-1252 and writes Œ out in cp858', () => {
    const receipt: Receipt = { summary: 't', blocks: [{ kind: 'text', text: 'À Ê Œ € Noëlle' }] };
    const w1252 = findProfile('epson-80');
    const cp858 = findProfile('generic-58');
    expect(printedText(decodeEscPos(encodeReceipt(receipt, w1252), w1252))).toEqual(['À Ê Œ € Noëlle']);
    expect(printedText(decodeEscPos(encodeReceipt(receipt, cp858), cp858))).toEqual(['À Ê OE € Noëlle']);
  });

  it('selects the profile’s code page once, before any text', () => {
    const profile = effectiveProfile('epson-80', 80, 'cp858');
    const bytes = encodeReceipt(sampleReceipt('cashReceipt', 'fr'), profile);
    const selections = [...Buffer.from(bytes).toString('latin1').matchAll(/\x1bt(.)/gs)].map((m) => m[1]!.charCodeAt(0));
    expect(selections).toEqual([19]);
  });
});

describe('submission receipt on 80 mm', () => {
  it('lists each document with its copies on one line, as on the counter screen', () => {
    const profile = findProfile('epson-80');
    const lines = printedText(decodeEscPos(encodeReceipt(sampleReceipt('submission', 'fr'), profile), profile));
    expect(lines).toContain('0104 Acte de naissance                         1');
    expect(lines).toContain('0215 Autorisation de perception (légalisée)    1');
    expect(lines).toContain('0228 Actes de naissance des enfants            3');
  });
});

describe('ticket number', () => {
  it('is printed in the largest type that fits one line', () => {
    for (const profile of [findProfile('epson-80'), findProfile('generic-58')]) {
      const big = decodeEscPos(encodeReceipt(sampleReceipt('ticket', 'fr'), profile), profile).find((p) => p.kind === 'line' && p.text.trim() === 'F012');
      expect(big).toMatchObject({ width: 4, height: 4, bold: true });
    }
  });
});

describe('extras', () => {
  it('marks a reprint DUPLICATA at the top and the bottom', () => {
    const profile = findProfile('epson-80');
    const lines = printedText(decodeEscPos(encodeReceipt(markDuplicate(sampleReceipt('ticket', 'fr'), 'DUPLICATA'), profile), profile)).filter((l) => l.trim());
    expect(lines[0]!.trim()).toBe('*** DUPLICATA ***');
    expect(lines.at(-1)!.trim()).toBe('*** DUPLICATA ***');
  });

  it('kicks the cash drawer only when asked', () => {
    const profile = findProfile('epson-80');
    const kicks = (drawerKick: boolean) => decodeEscPos(encodeReceipt(sampleReceipt('cashReceipt', 'fr'), profile, { drawerKick }), profile).filter((p) => p.kind === 'drawer');
    expect(kicks(true)).toEqual([{ kind: 'drawer', pin: 2 }]);
    expect(kicks(false)).toEqual([]);
  });

  it('prints a logo as the same dots', () => {
    const profile = findProfile('epson-80');
    const dots = Array.from({ length: 16 * 8 }, (_, i) => ((i >> 4) + (i & 15)) % 2);
    const items = decodeEscPos(encodeReceipt({ summary: 'logo', blocks: [{ kind: 'logo', bitmap: { width: 16, height: 8, dots } }] }, profile), profile);
    expect(items.find((p) => p.kind === 'image')).toEqual({ kind: 'image', width: 16, height: 8, dots });
  });
});

describe('byte-exact output per profile', () => {
  for (const profile of PROFILES) {
    it.each(SAMPLE_KINDS)(`${profile.id}: %s`, async (kind) => {
      for (const locale of ['fr', 'en'] as const) {
        const bytes = encodeReceipt(sampleReceipt(kind, locale), profile);
        await expect(hexDump(bytes)).toMatchFileSnapshot(`__snapshots__/escpos/${profile.id}/${kind}.${locale}.hex`);
      }
    });
  }
});
