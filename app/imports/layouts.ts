/**
 * The column layout of each kind of import (docs/IMPORTS.md): the document field each column
 * fills, its French and English header, and how its cells read. The export writes the same
 * columns, so an exported file imports back unchanged.
 */
import type { AnyDoc, Problem } from '../../couch-design/validate/problems.ts';
import { personId, validatePerson } from '../../couch-design/types/person.ts';
import { personSearchField } from '../../couch-design/search/person-keys.ts';
import { caseId, validateCase } from '../../couch-design/types/case.ts';
import { accountLineId, validateAccountLine } from '../../couch-design/types/account-line.ts';
import { type CellType, amount, codeList, day, instant, lower, text, upper } from './cells.ts';

export const IMPORT_KINDS = ['insurants', 'employers', 'cases', 'account_lines'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface Column {
  /** The document field it fills. */
  field: string;
  fr: string;
  en: string;
  required: boolean;
  cell: CellType;
  /** The value of an empty cell when the document needs one (an empty list). */
  empty?: unknown;
}

export interface Layout {
  kind: ImportKind;
  columns: Column[];
  /** The id prefix the export lists by (`_all_docs` range). */
  idPrefix: string;
  /**
   * Fields the import sets whatever columns the file has; with them, the fields of the file's
   * columns. The document's other fields (a column the file lacks, anything the app added)
   * are kept on update.
   */
  derived: string[];
  /** The full document from the columns' values: derived fields and the id. */
  build(values: AnyDoc): AnyDoc;
  /** Whether a document of the listed id range belongs to this layout (persons share one prefix). */
  holds(doc: AnyDoc): boolean;
  validate(doc: AnyDoc): Problem[];
}

const col = (field: string, fr: string, en: string, cell: CellType, required = false, empty?: unknown): Column => ({ field, fr, en, required, cell, empty });
const branch = col('branch', 'agence', 'branch', lower);

function personLayout(kind: 'insurants' | 'employers', columns: Column[]): Layout {
  const personKind = kind === 'insurants' ? 'insurant' : 'employer';
  return {
    kind,
    columns,
    idPrefix: 'person:',
    derived: ['type', 'kind', 'search'],
    build(v) {
      const doc: AnyDoc = { _id: personId(String(v.number ?? '')), type: 'person', kind: personKind, ...v };
      doc.search = personSearchField(doc);
      return doc;
    },
    holds: (doc) => doc.type === 'person' && doc.kind === personKind,
    validate: validatePerson,
  };
}

const LAYOUTS: Record<ImportKind, Layout> = {
  insurants: personLayout('insurants', [
    col('number', 'numero', 'number', upper, true),
    col('familyName', 'nom', 'family_name', text, true),
    col('givenName', 'prenom', 'given_name', text, true),
    col('sex', 'sexe', 'sex', upper),
    col('birthDate', 'date_naissance', 'birth_date', day),
    col('phone', 'telephone', 'phone', text),
    col('address', 'adresse', 'address', text),
    branch,
  ]),
  employers: personLayout('employers', [
    col('number', 'numero', 'number', upper, true),
    col('companyName', 'raison_sociale', 'company_name', text, true),
    col('accountNumber', 'numero_compte', 'account_number', text, true),
    col('phone', 'telephone', 'phone', text),
    col('address', 'adresse', 'address', text),
    branch,
  ]),
  cases: {
    kind: 'cases',
    columns: [
      col('personNumber', 'numero_personne', 'person_number', upper, true),
      col('caseNo', 'numero_dossier', 'case_number', text, true),
      col('kind', 'nature', 'kind', lower, true),
      col('status', 'statut', 'status', lower, true),
      col('openedAt', 'ouvert_le', 'opened_at', instant, true),
      col('updatedAt', 'mis_a_jour_le', 'updated_at', instant, true),
      col('summary', 'resume', 'summary', text, true),
      col('missingDocuments', 'pieces_manquantes', 'missing_documents', codeList, false, []),
      branch,
    ],
    idPrefix: 'case:',
    derived: ['type', 'person'],
    build({ personNumber, ...v }) {
      const number = String(personNumber ?? '');
      return { _id: caseId(number, String(v.caseNo ?? '')), type: 'case', person: personId(number), ...v };
    },
    holds: (doc) => doc.type === 'case',
    validate: validateCase,
  },
  account_lines: {
    kind: 'account_lines',
    columns: [
      col('employerNumber', 'numero_employeur', 'employer_number', upper, true),
      col('period', 'periode', 'period', upper, true),
      col('amountDue', 'montant_du', 'amount_due', amount, true),
      col('amountPaid', 'montant_paye', 'amount_paid', amount, true),
      col('currency', 'devise', 'currency', upper, true),
      branch,
    ],
    idPrefix: 'accline:',
    derived: ['type', 'employer'],
    build({ employerNumber, ...v }) {
      const number = String(employerNumber ?? '');
      return { _id: accountLineId(number, String(v.period ?? '')), type: 'account_line', employer: personId(number), ...v };
    },
    holds: (doc) => doc.type === 'account_line',
    validate: validateAccountLine,
  },
};

export function layoutOf(kind: ImportKind): Layout {
  return LAYOUTS[kind];
}

/** A header as people type it: case, accents, spaces and hyphens do not matter (`Date de naissance` is not `date_naissance`, though). */
export function normaliseHeader(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}
