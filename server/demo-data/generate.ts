/**
 * Deterministic demo data for a fresh installation: one institution (XAF), two branches,
 * the catalogue of the customer brief, a few hundred persons with cases and accounts, and
 * one sign-in per job role per branch. Same seed, same data; no Math.random.
 */
import type { BaseDoc } from '../../couch-design/types/base.ts';
import type { Institution } from '../../couch-design/types/institution.ts';
import type { JobRole } from '../../couch-design/roles.ts';
import { HQ_ROLE, branchRole } from '../../couch-design/roles.ts';
import { mulberry32 } from './prng.ts';
import {
  DEMO_BRANCHES,
  branches,
  certificateTypes,
  counters,
  documentTypes,
  events,
  institution,
  services,
  printerRoles,
  settings,
} from './catalogue.ts';
import { generatePeople, type PeopleCounts } from './people.ts';
import { demoPaymentOrders } from './payment-orders.ts';

export { generateBranchOperationalDocs, type OperationalDoc } from './operational.ts';

export interface DemoUser {
  name: string;
  password: string;
  roles: string[];
}

export interface DemoData {
  institution: Institution;
  /** Everything for fo_ref, the institution document included. */
  ref: BaseDoc[];
  /** Everything for fo_people: persons, cases, account lines. */
  people: BaseDoc[];
  /** Per branch code, what its fo_branch database starts with (authorised payment orders). */
  branchDocs: Record<string, BaseDoc[]>;
  branches: { code: string; name: string }[];
  users: DemoUser[];
}

/** Job roles that get one demo sign-in in each branch; admin works from head office. */
const BRANCH_JOB_ROLES: readonly JobRole[] = ['reception', 'kiosk', 'display', 'counter', 'cashier', 'backoffice', 'supervisor'];

export const DEFAULT_PEOPLE: PeopleCounts = { insurants: 240, employers: 40, beneficiaries: 80 };

/** Printable demo password of a role: `demo-counter`. Demo only, never on a real installation. */
export function demoPassword(role: string): string {
  return `demo-${role}`;
}

export function demoUsers(): DemoUser[] {
  const users: DemoUser[] = [];
  for (const b of DEMO_BRANCHES)
    for (const role of BRANCH_JOB_ROLES) users.push({ name: `${role}.${b.code}`, password: demoPassword(role), roles: [role, branchRole(b.code)] });
  users.push({ name: 'supervisor.hq', password: demoPassword('supervisor'), roles: ['supervisor', HQ_ROLE] });
  users.push({ name: 'admin.hq', password: demoPassword('admin'), roles: ['admin', HQ_ROLE] });
  return users;
}

export function generateDemoData(seed = 1, counts: PeopleCounts = DEFAULT_PEOPLE): DemoData {
  const rng = mulberry32(seed);
  const { persons, cases, accountLines } = generatePeople(rng, counts);
  return {
    institution: { ...institution },
    ref: [institution, ...settings, ...printerRoles, ...services, ...branches, ...counters, ...documentTypes, ...events, ...certificateTypes].map((d) => ({ ...d })),
    people: [...persons, ...cases, ...accountLines],
    branchDocs: demoPaymentOrders(DEMO_BRANCHES.map((b) => b.code), persons),
    branches: DEMO_BRANCHES.map((b) => ({ code: b.code, name: b.name })),
    users: demoUsers(),
  };
}
