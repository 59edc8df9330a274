/**
 * What the EDM receives beside a submission's scans (docs/EDM.md), pure: who handed what in,
 * for which event and case, where, when and to whom. JSON is the reference; the XML carries
 * the same fields for systems that map XML (an ingestion profile per field).
 */
import type { Case } from '../../couch-design/types/case.ts';
import type { EventType } from '../../couch-design/types/catalogue.ts';
import { type Person, personName } from '../../couch-design/types/person.ts';
import type { Submission } from '../../couch-design/types/submission.ts';
import { OPEN_CASE_STATUSES } from '../../app/screens/counter/cases.ts';

export const EDM_FORMAT = 'front-office-edm/1';

export interface EdmDocument {
  code: string;
  designation: string;
  edition: string | null;
  validity: string | null;
  copies: number;
  /** The scan's file in the folder, with what its bytes were checked against; null without a scan. */
  file: { name: string; contentType: string; length: number; sha256: string } | null;
}

export interface EdmMetadata {
  format: typeof EDM_FORMAT;
  receiptNumber: string;
  submission: string;
  /** When it was handed in (UTC instant) and the branch's day. */
  at: string;
  day: string;
  person: { number: string; kind: Person['kind']; name: string };
  /** The person's open cases this submission's papers were missing for. */
  cases: { caseNo: string; kind: Case['kind']; status: Case['status'] }[];
  event: { code: string; label: { fr: string; en: string } };
  documents: EdmDocument[];
  branch: { code: string; name: string | null };
  counter: string;
  agent: string;
  ticket: string | null;
  exportedAt: string;
}

export interface EdmFacts {
  person: Person;
  cases: readonly Case[];
  event: EventType;
  branchName: string | null;
}

/** The person's open cases that still lacked one of the submitted codes. */
export function relatedCases(cases: readonly Case[], codes: readonly string[]): Case[] {
  return cases.filter((c) => OPEN_CASE_STATUSES.includes(c.status) && c.missingDocuments.some((m) => codes.includes(m)));
}

export function edmMetadata(sub: Submission, facts: EdmFacts, exportedAt: Date): EdmMetadata {
  const codes = sub.documents.map((d) => d.code);
  return {
    format: EDM_FORMAT,
    receiptNumber: sub.receiptNumber,
    submission: sub._id,
    at: sub.at,
    day: sub.day,
    person: { number: facts.person.number, kind: facts.person.kind, name: personName(facts.person) },
    cases: relatedCases(facts.cases, codes).map((c) => ({ caseNo: c.caseNo, kind: c.kind, status: c.status })),
    event: { code: facts.event.code, label: { fr: facts.event.name.fr, en: facts.event.name.en } },
    documents: sub.documents.map((d) => ({
      code: d.code,
      designation: d.designation,
      edition: d.edition ?? null,
      validity: d.validity ?? null,
      copies: d.copies,
      file: d.scan ? { name: d.scan.name, contentType: d.scan.contentType, length: d.scan.length, sha256: d.scan.sha256 } : null,
    })),
    branch: { code: sub.branch, name: facts.branchName },
    counter: sub.counter,
    agent: sub.agent,
    ticket: sub.ticket ?? null,
    exportedAt: exportedAt.toISOString(),
  };
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** One element; null values are left out, as absent fields are in the JSON's readers. */
function el(name: string, value: string | number | null, attrs = ''): string {
  return value === null ? '' : `<${name}${attrs}>${esc(String(value))}</${name}>`;
}

export function metadataXml(m: EdmMetadata): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<submission format="${esc(m.format)}" id="${esc(m.submission)}">`,
    `  ${el('receiptNumber', m.receiptNumber)}`,
    `  ${el('at', m.at)}${el('day', m.day)}`,
    `  <person kind="${esc(m.person.kind)}">${el('number', m.person.number)}${el('name', m.person.name)}</person>`,
    ...m.cases.map((c) => `  <case kind="${esc(c.kind)}" status="${esc(c.status)}">${el('caseNo', c.caseNo)}</case>`),
    `  <event>${el('code', m.event.code)}${el('label', m.event.label.fr, ' xml:lang="fr"')}${el('label', m.event.label.en, ' xml:lang="en"')}</event>`,
    '  <documents>',
    ...m.documents.map(
      (d) =>
        `    <document>${el('code', d.code)}${el('designation', d.designation)}${el('edition', d.edition)}${el('validity', d.validity)}${el('copies', d.copies)}` +
        (d.file ? `<file contentType="${esc(d.file.contentType)}" length="${d.file.length}" sha256="${esc(d.file.sha256)}">${esc(d.file.name)}</file>` : '') +
        '</document>',
    ),
    '  </documents>',
    `  <branch>${el('code', m.branch.code)}${el('name', m.branch.name)}</branch>`,
    `  ${el('counter', m.counter)}${el('agent', m.agent)}${el('ticket', m.ticket)}`,
    `  ${el('exportedAt', m.exportedAt)}`,
    '</submission>',
    '',
  ];
  return lines.join('\n');
}
