/** Demo persons with their cases and employer account lines. */
import { type Person, personId } from '../../couch-design/types/person.ts';
import { personSearchField } from '../../couch-design/search/person-keys.ts';
import { type Case, CASE_STATUSES, type CaseKind, caseId } from '../../couch-design/types/case.ts';
import { type AccountLine, accountLineId } from '../../couch-design/types/account-line.ts';
import type { Rng } from './prng.ts';
import { COMPANY_HEADS, COMPANY_TAILS, FAMILY_NAMES, GIVEN_NAMES_F, GIVEN_NAMES_M, STREETS } from './names.ts';
import { DEMO_BRANCHES, events } from './catalogue.ts';

export interface PeopleCounts {
  insurants: number;
  employers: number;
  beneficiaries: number;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const requiredDocs = (eventCode: string) => events.find((e) => e.code === eventCode)?.requiredDocuments ?? [];

/** Which event's papers a case of this kind waits for. */
const EVENT_OF_KIND: Record<CaseKind, string> = {
  family_benefits: 'family_benefits_male',
  pension: 'old_age_pension',
  work_injury: 'work_accident',
  daily_allowance: 'daily_allowance',
  contributions: 'employer_registration',
  registration: 'employer_registration',
};

function instant(rng: Rng, fromYear: number, toYear: number): string {
  const y = rng.int(fromYear, toYear);
  return `${y}-${pad(rng.int(1, 12), 2)}-${pad(rng.int(1, 28), 2)}T${pad(rng.int(7, 16), 2)}:${pad(rng.int(0, 59), 2)}:00.000Z`;
}

function phone(rng: Rng): string {
  return `+237 6${rng.int(50, 99)} ${pad(rng.int(0, 999), 3)} ${pad(rng.int(0, 999), 3)}`;
}

function makeCases(rng: Rng, person: Person, kinds: readonly CaseKind[], count: number): Case[] {
  const out: Case[] = [];
  for (let i = 1; i <= count; i++) {
    const kind = rng.pick(kinds);
    const status = rng.pick(CASE_STATUSES);
    const openedAt = instant(rng, 2012, 2023);
    const updatedAt = openedAt.slice(0, 4) < '2023' && rng.chance(0.5) ? instant(rng, 2023, 2024) : openedAt;
    const docs = requiredDocs(EVENT_OF_KIND[kind]);
    const missing = status === 'pending_documents' ? docs.filter(() => rng.chance(0.5)).slice(0, 2) : [];
    const caseNo = `${openedAt.slice(0, 4)}-${pad(i, 4)}`;
    out.push({
      _id: caseId(person.number, caseNo),
      type: 'case',
      person: person._id,
      caseNo,
      kind,
      status,
      openedAt,
      updatedAt,
      summary: `${kind.replace(/_/g, ' ')} — ${status.replace(/_/g, ' ')}`,
      missingDocuments: missing.length || status !== 'pending_documents' ? missing : [docs[0] ?? '0101'],
    });
  }
  return out;
}

/** Quarterly contribution lines 2012-Q1 … 2014-Q4; most paid, some partly, a few not at all. */
function accountLines(rng: Rng, employer: Person): AccountLine[] {
  const out: AccountLine[] = [];
  const monthly = rng.int(20, 800) * 5000;
  for (let y = 2012; y <= 2014; y++)
    for (let q = 1; q <= 4; q++) {
      const due = monthly * 3;
      const r = rng.next();
      const paid = r < 0.75 ? due : r < 0.9 ? Math.round((due * rng.int(1, 9)) / 10 / 5) * 5 : 0;
      const period = `${y}-Q${q}`;
      out.push({
        _id: accountLineId(employer.number, period),
        type: 'account_line',
        employer: employer._id,
        period,
        amountDue: due,
        amountPaid: paid,
        currency: 'XAF',
      });
    }
  return out;
}

/**
 * A person's home branch, from its number rather than the generator's random sequence, so the
 * rest of the demo data stays what it was before persons had one (docs/PEOPLE.md).
 */
function homeBranch(number: string): string {
  let sum = 0;
  for (const ch of number) sum += ch.charCodeAt(0);
  return DEMO_BRANCHES[sum % DEMO_BRANCHES.length]!.code;
}

/** Searchable and held by its branch's devices: the home branch, the derived search field. */
function placed(p: Person, branch: string): Person {
  p.branch = branch;
  p.search = personSearchField(p);
  return p;
}

const withBranch = <T extends Case | AccountLine>(docs: T[], branch: string): T[] => docs.map((d) => ({ ...d, branch }));

/**
 * The people documents one by one, each person followed by its cases (and an employer by its
 * account lines), so a bench can load a million of them in batches without holding them all
 * (bench/people-bench.ts). Same rng sequence as before persons had a branch.
 */
export function* streamPeople(rng: Rng, counts: PeopleCounts): Generator<Person | Case | AccountLine> {
  const used = new Set<string>();
  const unique = (make: () => string) => {
    let n = make();
    while (used.has(n)) n = make();
    used.add(n);
    return n;
  };

  // Employers: the first has the account number of the customer brief, 415120. Their branch is
  // the one of the city of their address.
  for (let i = 0; i < counts.employers; i++) {
    const number = i === 0 ? unique(() => '415120') : unique(() => String(rng.int(100000, 999999)));
    const companyName = `${rng.pick(COMPANY_HEADS)} ${rng.pick(COMPANY_TAILS)}`;
    const p: Person = { _id: personId(number), type: 'person', kind: 'employer', number, companyName, accountNumber: number, phone: phone(rng) };
    const place = rng.pick(DEMO_BRANCHES);
    p.address = `${rng.pick(STREETS)}, ${place.city}`;
    yield placed(p, place.code);
    yield* withBranch(makeCases(rng, p, ['contributions', 'registration'], rng.int(0, 1)), place.code);
    yield* withBranch(accountLines(rng, p), place.code);
  }

  // Insurants are remembered by number and family name only: beneficiaries pick one of them.
  const insurants: { _id: string; number: string; familyName: string; branch: string }[] = [];
  for (let i = 0; i < counts.insurants; i++) {
    const sex = rng.chance(0.55) ? 'M' : 'F';
    const year = rng.int(1950, 2000);
    const number = unique(() => `${String(year).slice(2)}${pad(rng.int(0, 99_999_999), 8)}`);
    const p: Person = {
      _id: personId(number),
      type: 'person',
      kind: 'insurant',
      number,
      familyName: rng.pick(FAMILY_NAMES),
      givenName: rng.pick(sex === 'M' ? GIVEN_NAMES_M : GIVEN_NAMES_F),
      sex,
      birthDate: `${year}-${pad(rng.int(1, 12), 2)}-${pad(rng.int(1, 28), 2)}`,
    };
    if (rng.chance(0.7)) p.phone = phone(rng);
    const branch = homeBranch(number);
    insurants.push({ _id: p._id, number, familyName: p.familyName!, branch });
    yield placed(p, branch);
    const kinds: CaseKind[] = year < 1965 ? ['pension', 'family_benefits'] : ['family_benefits', 'work_injury', 'daily_allowance'];
    yield* withBranch(makeCases(rng, p, kinds, rng.int(0, 2)), branch);
  }

  // Beneficiaries: children and spouses of insurants, numbered after them, held where they are.
  const seen = new Map<string, number>();
  for (let i = 0; i < counts.beneficiaries && insurants.length; i++) {
    const parent = rng.pick(insurants);
    const n = (seen.get(parent.number) ?? 0) + 1;
    seen.set(parent.number, n);
    const number = unique(() => `${parent.number}B${n}`);
    const sex = rng.chance(0.5) ? 'M' : 'F';
    const p: Person = {
      _id: personId(number),
      type: 'person',
      kind: 'beneficiary',
      number,
      familyName: parent.familyName,
      givenName: rng.pick(sex === 'M' ? GIVEN_NAMES_M : GIVEN_NAMES_F),
      sex,
      insurant: parent._id,
      birthDate: `${rng.int(2000, 2020)}-${pad(rng.int(1, 12), 2)}-${pad(rng.int(1, 28), 2)}`,
    };
    yield placed(p, parent.branch);
  }
}

export function generatePeople(rng: Rng, counts: PeopleCounts): { persons: Person[]; cases: Case[]; accountLines: AccountLine[] } {
  const persons: Person[] = [];
  const cases: Case[] = [];
  const lines: AccountLine[] = [];
  for (const doc of streamPeople(rng, counts)) {
    if (doc.type === 'person') persons.push(doc);
    else if (doc.type === 'case') cases.push(doc);
    else lines.push(doc);
  }
  return { persons, cases, accountLines: lines };
}
