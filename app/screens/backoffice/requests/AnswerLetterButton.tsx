/** Downloads the answer letter of a letter request (A4 PDF), in the screen's language. */
import { createResource } from 'solid-js';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { useData } from '../../../data/DataProvider.tsx';
import { Button } from '../../../ui/Button.tsx';
import { download } from '../../../ui/download.ts';
import type { BackofficeRequest } from '../../../../couch-design/types/backoffice-request.ts';
import { INSTITUTION_ID, type Institution } from '../../../../couch-design/types/institution.ts';
import { branchDocId, type Branch } from '../../../../couch-design/types/branch.ts';
import { readPersonFile } from '../../../people/person-file.ts';

export function AnswerLetterButton(props: { request: BackofficeRequest }) {
  const { t, locale } = useI18n();
  const { layer } = useData();
  const [parties] = createResource(
    () => props.request,
    async (r) => {
      const [person, institution, branch] = await Promise.all([
        // By key from the branch's share, the server or the device's cache (docs/PEOPLE.md).
        r.person ? readPersonFile(layer, r.person).then((file) => file.person, () => null) : Promise.resolve(null),
        layer.get<Institution>('ref', INSTITUTION_ID).catch(() => null),
        layer.get<Branch>('ref', branchDocId(r.branch)).catch(() => null),
      ]);
      return { person, institution: institution?.name ?? '', branch: branch?.name ?? r.branch };
    },
  );
  const print = async () => {
    // jsPDF and the logo's reader are fetched on the first letter, not with the back-office screen.
    const [{ answerLetterPdf }, { readInstitutionLogo }] = await Promise.all([import('../../../backoffice/answer-letter-pdf.ts'), import('../../../data/institution-logo.ts')]);
    const logo = await readInstitutionLogo(layer);
    const p = parties();
    const pdf = answerLetterPdf({ request: props.request, person: p?.person ?? null, institution: p?.institution ?? '', branchName: p?.branch ?? props.request.branch, logo }, locale());
    download(pdf.output('blob'), `${props.request._id.replace(/:/g, '-')}.pdf`);
  };
  return (
    <Button testId="req-letter" disabled={parties.loading} onClick={print}>
      {t('req.letter')}
    </Button>
  );
}
