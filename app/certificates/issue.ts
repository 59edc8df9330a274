/**
 * A certificate document and its paper from what the counter decided (issue 13). Pure: the
 * signing (device-signer.ts) and the write happen around it.
 */
import type { CertificateType } from '../../couch-design/types/catalogue.ts';
import { CERTIFICATE, type Certificate } from '../../couch-design/types/certificate.ts';
import type { PersonKind } from '../../couch-design/types/catalogue.ts';
import { personName, type Person } from '../../couch-design/types/person.ts';
import { nextReceiptSeq, receiptNumber } from '../desk/receipt-number.ts';
import type { Locale } from '../i18n/translate.ts';
import type { Certified } from './eligibility.ts';
import type { SealedFields } from './seal.ts';

const PREFIX = 'ATT-';

/** `ATT-<BRANCH>-<YYMMDD>-<DEVICE>-<SEQ>`: the receipt numbering (docs/DESK.md), its own sequence. */
export function certificateNumber(branch: string, day: string, device: string, seq: number): string {
  return PREFIX + receiptNumber(branch, day, device, seq);
}

/** The next sequence after this device's certificate numbers of the day (the receipts' rule, on the part after ATT-). */
export function nextCertificateSeq(used: readonly string[], branch: string, day: string, device: string): number {
  return nextReceiptSeq(used.filter((n) => n.startsWith(PREFIX)).map((n) => n.slice(PREFIX.length)), branch, day, device);
}

/**
 * Who the paper is for: a person on file (`personId`), or for "not registered" the visitor as
 * the counter saw them, whose identity document's number stands where a person number would.
 */
export interface Holder {
  personId?: string;
  number: string;
  name: string;
  kind: PersonKind;
}

export function personHolder(person: Person): Holder {
  return { personId: person._id, number: person.number, name: personName(person), kind: person.kind };
}

/** Someone not on file: only "not registered" is issued to them, and "not registered" is for insurants. */
export function visitorHolder(identity: { name: string; idNumber: string }): Holder {
  return { number: identity.idNumber, name: identity.name, kind: 'insurant' };
}

export function sealedFields(type: CertificateType, holder: Holder, number: string, day: string, branch: string, validUntil: string | undefined): SealedFields {
  return { number, certType: type.code, personNumber: holder.number, personName: holder.name, issued: day, ...(validUntil ? { validUntil } : {}), branch };
}

export interface IssueInput {
  id: string;
  branch: string;
  day: string;
  type: CertificateType;
  holder: Holder;
  number: string;
  seal: string;
  keyId: string;
  certified: Certified;
  locale: Locale;
  issuedAt: string;
  validUntil?: string;
  agent: string;
  counter: string;
}

export function buildCertificate(i: IssueInput): Certificate {
  return {
    _id: i.id,
    type: CERTIFICATE,
    branch: i.branch,
    day: i.day,
    certType: i.type.code,
    ...(i.holder.personId ? { person: i.holder.personId } : {}),
    number: i.number,
    seal: i.seal,
    keyId: i.keyId,
    certified: { ...i.certified },
    locale: i.locale,
    issuedAt: i.issuedAt,
    ...(i.validUntil ? { validUntil: i.validUntil } : {}),
    agent: i.agent,
    counter: i.counter,
  };
}

/** What the QR holds: the verification page of this server, with the seal after `#`. */
export function verificationUrl(origin: string, seal: string): string {
  return `${origin}/verify#${encodeURIComponent(seal)}`;
}
