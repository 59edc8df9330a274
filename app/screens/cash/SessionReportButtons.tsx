/** The session's report — X while open, Z once closed — on the receipt printer or as PDF. */
import type { CashSession } from '../../../couch-design/types/cash.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Button } from '../../ui/Button.tsx';
import { useToasts } from '../../ui/Toasts.tsx';
import type { CashDeskCtl, CashRef } from './cash-desk.ts';
import { downloadSessionReport, printSessionReport, sessionSheet, type ExportContext } from './cash-exports.ts';

export function SessionReportButtons(props: { ctl: CashDeskCtl; cfg: CashRef; session: CashSession }) {
  const { t, locale } = useI18n();
  const toasts = useToasts();
  const z = () => props.session.state === 'closed';
  const ctx = (): ExportContext => ({ t, locale: locale(), zone: props.ctl.zone(), cfg: props.cfg });
  const sheet = () => sessionSheet(ctx(), props.session, props.ctl.entries());
  const name = () => `${z() ? 'z' : 'x'}-report-${props.session._id.split(':').slice(1).join('-')}`;
  const print = async () => {
    const outcome = await printSessionReport(ctx(), sheet()).catch(() => null);
    toasts.show(t(outcome?.via ? 'cash.journal.printed' : 'cash.journal.notPrinted'), outcome?.via ? 'ok' : 'warn');
  };
  return (
    <div class="btn-row">
      <Button variant="secondary" testId={z() ? 'cash-z-print' : 'cash-x-print'} action={print}>{t(z() ? 'cash.report.zPrint' : 'cash.report.xPrint')}</Button>
      <Button variant="secondary" testId={z() ? 'cash-z-pdf' : 'cash-x-pdf'} action={() => downloadSessionReport(ctx(), sheet(), name())}>{t(z() ? 'cash.report.zPdf' : 'cash.report.xPdf')}</Button>
    </div>
  );
}
