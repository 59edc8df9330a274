/**
 * Issuing and printing a certificate at the counter (issue 13), for a person on file or for a
 * visitor who is not: seal with this tablet's certified key (offline too), write the immutable
 * certificate, download the A4 PDF and print the stub. A validity the type does not allow is
 * refused before anything is signed or written.
 */
import type { CertificateType } from '../../../couch-design/types/catalogue.ts';
import { type Certificate, certificateId } from '../../../couch-design/types/certificate.ts';
import type { Institution } from '../../../couch-design/types/institution.ts';
import type { DataLayer } from '../../data/data-layer.ts';
import { loadLocale, type Locale } from '../../i18n/translate.ts';
import { deviceId } from '../../queue/device.ts';
import { printReceipt } from '../../printing/print-receipt.ts';
import { type Certified, validUntil } from '../../certificates/eligibility.ts';
import { type Holder, buildCertificate, certificateNumber, nextCertificateSeq, sealedFields, verificationUrl } from '../../certificates/issue.ts';
import { deviceSigner, ensureCertified } from '../../certificates/device-signer.ts';
import { VERIFY_PATH } from '../../certificates/verify-path.ts';
import type { CounterController } from './counter-controller.ts';

export type IssueRefusal = 'not_certified' | 'too_long' | 'not_positive';

export interface IssueRequest {
  type: CertificateType;
  holder: Holder;
  certified: Certified;
  locale: Locale;
  /** The validity the agent asked for, in months; none: the type's maximum. */
  months?: number;
}

export function certificateIssuing(ctl: CounterController, layer: Pick<DataLayer, 'allDocsByPrefix' | 'local'>) {
  const queue = ctl.queue;

  /** The A4 PDF downloaded and the stub printed, from the stored certificate: a reprint is the same paper marked DUPLICATA. */
  async function printPaper(doc: Certificate, type: CertificateType, holder: Holder, institution: Institution | null, duplicate: boolean) {
    const branch = queue.branchDoc();
    const qr = verificationUrl(location.origin, doc.seal);
    const verifyAt = `${location.host}${VERIFY_PATH}`;
    // jsPDF, the QR encoder and the logo's reader are fetched on the first certificate, not with
    // the counter screen; the paper is in the certificate's language, which may not be the one
    // on screen; the letterhead's logo is the one on this tablet's replica.
    const [{ certificatePdf }, { readInstitutionLogo }] = await Promise.all([import('../../certificates/certificate-pdf.ts'), import('../../data/institution-logo.ts'), loadLocale(doc.locale)]);
    const logo = await readInstitutionLogo(layer);
    certificatePdf(
      {
        institution: institution?.name ?? '',
        branchName: branch?.name ?? queue.branch,
        city: branch?.city ?? '',
        timeZone: branch?.timeZone ?? 'UTC',
        typeName: type.name[doc.locale],
        number: doc.number,
        person: { number: holder.number, name: holder.name, kind: holder.kind },
        certified: doc.certified as unknown as Certified,
        issuedAt: doc.issuedAt,
        ...(doc.validUntil ? { validUntil: doc.validUntil } : {}),
        agent: doc.agent,
        qr,
        verifyAt,
        duplicate,
        currencyDecimals: institution?.currencyDecimals ?? 0,
        logo,
      },
      doc.locale,
    ).save(`${doc.number}${duplicate ? '-duplicata' : ''}.pdf`);
    await printReceipt(
      {
        template: 'certificate_stub',
        data: {
          institution: institution?.name ?? '',
          branchName: branch?.name ?? queue.branch,
          ...(branch?.timeZone ? { timeZone: branch.timeZone } : {}),
          certificateName: type.name[doc.locale],
          number: doc.number,
          issuedAt: doc.issuedAt,
          ...(doc.validUntil ? { validUntil: doc.validUntil } : {}),
          person: { number: holder.number, name: holder.name },
          verifyAt,
          qr,
          agent: doc.agent,
          ...(doc.counter ? { counter: doc.counter } : {}),
        },
      },
      doc.locale,
    );
  }

  async function issue(r: IssueRequest, institution: Institution | null): Promise<{ number: string } | { refused: IssueRefusal }> {
    const day = queue.day();
    const validity = validUntil(r.type, day, r.months);
    if ('problem' in validity) return { refused: validity.problem };
    // The key is certified when the panel opens; a first issue right after can find it not yet
    // done, so certify now when online rather than refuse.
    let signer = await deviceSigner(day);
    if (!signer) {
      await ensureCertified(queue.branch, day);
      signer = await deviceSigner(day);
    }
    if (!signer) return { refused: 'not_certified' };
    const device = deviceId();
    const earlier = await layer.allDocsByPrefix<Certificate>('branch', `cert:${day}:`);
    const number = certificateNumber(queue.branch, day, device, nextCertificateSeq(earlier.map((c) => c.number), queue.branch, day, device));
    const seal = await signer.seal(sealedFields(r.type, r.holder, number, day, queue.branch, validity.validUntil));
    const actor = queue.actor(ctl.code());
    const doc = buildCertificate({
      id: certificateId(day, actor.uid()),
      branch: queue.branch,
      day,
      type: r.type,
      holder: r.holder,
      number,
      seal,
      keyId: signer.keyId,
      certified: r.certified,
      locale: r.locale,
      issuedAt: actor.now.toISOString(),
      ...(validity.validUntil ? { validUntil: validity.validUntil } : {}),
      agent: ctl.agent,
      counter: ctl.code(),
    });
    await queue.store.writeLocal(doc);
    await printPaper(doc, r.type, r.holder, institution, false);
    return { number };
  }

  return { issue, printPaper };
}

/** The months typed in a validity field: none (the maximum), or a number the rule then judges. */
export function monthsTyped(text: string | undefined): number | undefined {
  const trimmed = (text ?? '').trim();
  return trimmed === '' ? undefined : /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}
