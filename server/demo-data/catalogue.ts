/** Reference data of the demo institution: services, branches, counters and the catalogue. */
import type { Institution, Settings } from '../../couch-design/types/institution.ts';
import { type PrinterRoleDefaults, printerRoleId } from '../../couch-design/types/printer-role.ts';
import { type Branch, branchDocId } from '../../couch-design/types/branch.ts';
import { type Service, serviceId } from '../../couch-design/types/service.ts';
import { type Counter, counterId } from '../../couch-design/types/counter.ts';
import {
  type CertificateRule,
  type CertificateType,
  type DocumentType,
  type EventType,
  type PersonKind,
  certificateTypeId,
  documentTypeId,
  eventId,
} from '../../couch-design/types/catalogue.ts';

export const DEMO_BRANCHES = [
  { code: 'dla', name: 'Douala Centre', city: 'Douala' },
  { code: 'yde', name: 'Yaoundé Bastos', city: 'Yaoundé' },
] as const;

export const institution: Institution = {
  _id: 'institution',
  type: 'institution',
  name: 'Caisse Nationale de Prévoyance Sociale',
  currency: 'XAF',
  currencyDecimals: 0,
  defaultLocale: 'fr',
};

const SERVICES: [code: string, series: string, fr: string, en: string, wait: number, cash: boolean][] = [
  ['employers', 'E', 'Employeurs', 'Employers', 20, false],
  ['family', 'F', 'Prestations familiales', 'Family benefits', 15, false],
  ['pension', 'P', 'Pensions vieillesse', 'Pensions', 20, false],
  ['work_injury', 'W', 'Accidents du travail et indemnités journalières', 'Work injury & daily allowances', 20, false],
  ['cash', 'C', 'Caisse', 'Cash desk', 10, true],
];

export const services: Service[] = SERVICES.map(([code, series, fr, en, wait, cash]) => ({
  _id: serviceId(code),
  type: 'service',
  code,
  name: { fr, en },
  series,
  targetWaitMinutes: wait,
  cashDesk: cash,
  active: true,
}));

export const SERVICE_CODES = services.map((s) => s.code);

export const branches: Branch[] = DEMO_BRANCHES.map((b) => ({
  _id: branchDocId(b.code),
  type: 'branch',
  code: b.code,
  name: b.name,
  city: b.city,
  services: SERVICE_CODES,
  timeZone: 'Africa/Douala',
}));

/** The service matrix: which counter takes which queues. C07 and C08 are the cash desks. */
const MATRIX: Record<string, string[]> = {
  C01: ['family', 'pension'],
  C02: ['family', 'pension'],
  C03: ['pension', 'work_injury'],
  C04: ['work_injury', 'family'],
  C05: ['employers'],
  C06: ['employers', 'family'],
  C07: ['cash'],
  C08: ['cash'],
};

export const counters: Counter[] = DEMO_BRANCHES.flatMap((b) =>
  Object.entries(MATRIX).map(([code, svc]) => ({
    _id: counterId(b.code, code),
    type: 'counter' as const,
    branch: b.code,
    code,
    label: (svc[0] === 'cash' ? 'Caisse ' : 'Guichet ') + Number(code.slice(1)),
    cashDesk: svc[0] === 'cash',
    services: svc,
    active: true,
  })),
);

const DOCS: [code: string, fr: string, en: string, months?: number][] = [
  ['0101', "Copie de la carte nationale d'identité", 'Copy of national identity card'],
  ['0104', 'Acte de naissance', 'Birth certificate', 3],
  ['0120', 'Acte de mariage', 'Marriage certificate'],
  ['0215', 'Autorisation de perception (légalisée)', 'Perception authorization (legalized)', 12],
  ['0228', 'Actes de naissance des enfants', "Children's birth certificates"],
  ['0309', "Certificat de prolongation d'incapacité", 'Extension of incapacity certificate', 1],
  ['0310', 'Certificat de guérison', 'Recovery certificate'],
  ['0314', 'Certificat de première constatation', 'First issue certificate'],
  ['0401', 'Déclaration des salaires (DIPE)', 'Salary statement (DIPE)'],
  ['0402', "Déclaration d'accident du travail", 'Work accident declaration'],
  ['0501', 'Certificat de vie', 'Life certificate', 6],
];

export const documentTypes: DocumentType[] = DOCS.map(([code, fr, en, months]) => ({
  _id: documentTypeId(code),
  type: 'document_type',
  code,
  name: { fr, en },
  ...(months !== undefined ? { validityMonths: months } : {}),
}));

const EVENTS: [code: string, fr: string, en: string, docs: string[], service: string][] = [
  ['family_benefits_male', 'Prestations familiales (assuré homme)', 'Family benefits (male insurant)', ['0104', '0215', '0228'], 'family'],
  ['family_benefits_female', 'Prestations familiales (assurée femme)', 'Family benefits (female insurant)', ['0101', '0104', '0228'], 'family'],
  ['daily_allowance', 'Indemnités journalières', 'Daily allowance', ['0309', '0310', '0314'], 'work_injury'],
  ['work_accident', 'Accident du travail', 'Work accident', ['0101', '0402', '0314'], 'work_injury'],
  ['old_age_pension', 'Pension vieillesse', 'Old-age pension', ['0101', '0104', '0120', '0501'], 'pension'],
  ['employer_registration', 'Immatriculation employeur', 'Employer registration', ['0101', '0401'], 'employers'],
];

export const events: EventType[] = EVENTS.map(([code, fr, en, docs, service]) => ({
  _id: eventId(code),
  type: 'event',
  code,
  name: { fr, en },
  requiredDocuments: docs,
  service,
}));

const CERTS: [code: string, fr: string, en: string, forKinds: PersonKind[], rule: CertificateRule, months?: number][] = [
  ['affiliation', "Attestation d'immatriculation", 'Registration certificate', ['insurant', 'employer'], 'registered'],
  ['non_debt', 'Attestation de non-redevance', 'Certificate of no arrears', ['employer'], 'good_standing', 3],
  ['non_affiliation', 'Attestation de non-immatriculation', 'Certificate of non-registration', ['insurant'], 'not_registered', 3],
  ['contribution_statement', 'Relevé des cotisations', 'Contribution statement', ['employer', 'insurant'], 'registered'],
  ['benefits_received', 'Attestation de prestations perçues', 'Certificate of benefits received', ['insurant', 'beneficiary'], 'benefits_received'],
  ['pension_payment', 'Attestation de paiement de pension', 'Pension payment certificate', ['insurant', 'beneficiary'], 'benefit_in_payment', 12],
];

export const certificateTypes: CertificateType[] = CERTS.map(([code, fr, en, forKinds, rule, months]) => ({
  _id: certificateTypeId(code),
  type: 'certificate_type',
  code,
  name: { fr, en },
  for: forKinds,
  rule,
  ...(months !== undefined ? { validityMonths: months } : {}),
}));

export const settings: Settings[] = [
  { _id: 'settings:global', type: 'settings', scope: 'global', values: { ticketResetHour: 0, noShowAfterCalls: 3 } },
  { _id: 'settings:kiosk', type: 'settings', scope: 'kiosk', values: { printCopies: 1, idleResetSeconds: 30 } },
];

/**
 * The institution's printer per device role (issue 14): 80 mm Epson-compatible everywhere, the
 * print dialog when no USB printer answers, the drawer kick at cash desks. A device's own choice (its printer screen) overrides these.
 */
export const printerRoles: PrinterRoleDefaults[] = (
  [
    ['kiosk', 'dialog', false],
    ['reception', 'dialog', false],
    ['counter', 'dialog', false],
    ['cashier', 'dialog', true],
  ] as const
).map(([role, fallback, drawerKick]) => ({
  _id: printerRoleId(role),
  type: 'printer_role',
  role,
  profile: 'epson-80',
  paper: 80,
  codepage: 'windows1252',
  fallback,
  drawerKick,
}));
