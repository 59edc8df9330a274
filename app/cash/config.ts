/**
 * The cash desk's settings: the institution's `cash` block (couch-design/types/cash-config.ts)
 * when it has one, else defaults for its currency. Amounts in minor units.
 */
import type { CashSettings } from '../../couch-design/types/cash-config.ts';

interface Currency {
  currency: string;
  currencyDecimals: number;
  cash?: CashSettings;
}

/** Notes and coins in circulation (BEAC/BCEAO francs CFA, euro), in minor units. */
const DENOMINATIONS: Readonly<Record<string, readonly number[]>> = {
  XAF: [10000, 5000, 2000, 1000, 500, 100, 50, 25, 10, 5, 2, 1],
  XOF: [10000, 5000, 2000, 1000, 500, 200, 100, 50, 25, 10, 5, 1],
  EUR: [50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1],
};

export function cashSettings(institution: Currency): CashSettings {
  if (institution.cash) return institution.cash;
  const unit = 10 ** institution.currencyDecimals;
  const denominations = [...(DENOMINATIONS[institution.currency] ?? [100, 50, 20, 10, 5, 2, 1].map((d) => d * unit))];
  // Defaults in major units: an entry up to 100 million, a variance up to 1,000, a reversal up to 100,000
  // (XAF); a hundredth of that for currencies with decimals, whose units are worth more.
  const scale = institution.currencyDecimals === 0 ? 1 : unit / 100;
  return { denominations, maxAmount: 100_000_000 * scale, varianceThreshold: 1_000 * scale, reversalThreshold: 100_000 * scale };
}
