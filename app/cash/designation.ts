/**
 * The designation of a contribution receipt, built from the periods paid, as the legacy day
 * journal books them: "COT 2TR 2013" (2nd quarter), "COT 1,2TR 2013" (two quarters),
 * "COT MAI 2013" (a month), "COT 4TR 2012 1TR 2013" (across years). Booking codes are the
 * institution's, in French whatever the screen's language.
 */
import { PERIOD } from '../../couch-design/ids/codes.ts';

const MONTHS = ['JAN', 'FEV', 'MAR', 'AVR', 'MAI', 'JUN', 'JUL', 'AOU', 'SEP', 'OCT', 'NOV', 'DEC'];

/** Periods `2013-Q2` / `2013-05`, in any order, duplicates ignored. Throws on a malformed period or none. */
export function contributionDesignation(periods: readonly string[]): string {
  if (periods.length === 0) throw new RangeError('no period');
  for (const p of periods) if (!PERIOD.test(p)) throw new RangeError(`bad period: ${p}`);
  const sorted = [...new Set(periods)].sort();
  const years = [...new Set(sorted.map((p) => p.slice(0, 4)))];
  const parts: string[] = [];
  for (const year of years) {
    const mine = sorted.filter((p) => p.startsWith(year + '-')).map((p) => p.slice(5));
    const quarters = mine.filter((p) => p.startsWith('Q')).map((p) => p.slice(1));
    const months = mine.filter((p) => !p.startsWith('Q')).map((p) => MONTHS[Number(p) - 1]!);
    if (quarters.length) parts.push(`${quarters.join(',')}TR ${year}`);
    if (months.length) parts.push(`${months.join(',')} ${year}`);
  }
  return 'COT ' + parts.join(' ');
}

/** The periods a designation was built from are shown again when the receipt is reprinted: '2013-Q2' → '2TR 2013'. */
export function periodLabel(period: string): string {
  if (!PERIOD.test(period)) throw new RangeError(`bad period: ${period}`);
  const [year, p] = period.split('-') as [string, string];
  return p.startsWith('Q') ? `${p.slice(1)}TR ${year}` : `${MONTHS[Number(p) - 1]} ${year}`;
}
