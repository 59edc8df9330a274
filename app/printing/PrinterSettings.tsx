/**
 * The printer settings screen of this device: choose or forget the USB printer, its model,
 * paper and code page, the cash drawer, the fallback output; a test print; previews of every
 * receipt (the virtual printer's reading of the bytes); and the job log with retry/reprint.
 */
import { For, Show, createMemo, createSignal, onCleanup } from 'solid-js';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/translate.ts';
import { devicePrinter } from './device-printer.ts';
import { CODE_PAGES, PROFILES, type CodePage, type PaperWidth } from './profiles.ts';
import { type FallbackOutput, type PrinterSettings as Settings, profileOf, withProfile } from './printer-settings.ts';
import { encodeReceipt } from './escpos.ts';
import { decodeEscPos } from './virtual-printer.ts';
import { SAMPLE_KINDS, sampleReceipt, type SampleKind } from './samples.ts';
import { testPage } from './templates/test-page.ts';
import type { PrintOutcome } from './print-service.ts';
import type { JobStatus } from './job-log.ts';
import { ReceiptPreview } from './ReceiptPreview.tsx';
import { A } from '../routing/Router.tsx';
import { useAuth } from '../auth/AuthProvider.tsx';
import { SCREEN_PATHS, landingScreen } from '../auth/landing.ts';
import './printer-settings.css';

const SAMPLE_LABELS: Readonly<Record<SampleKind, MessageKey>> = {
  ticket: 'printing.sample.ticket',
  submission: 'printing.sample.submission',
  cashReceipt: 'printing.sample.cashReceipt',
  cashSlip: 'printing.sample.cashSlip',
  certificate: 'printing.sample.certificate',
};

export default function PrinterSettings() {
  const { t, locale, dateTime } = useI18n();
  const auth = useAuth();
  const printer = devicePrinter();
  const [state, setState] = createSignal(printer.state());
  onCleanup(printer.subscribe(setState));
  const settings = () => state().settings;
  const profile = createMemo(() => profileOf(settings()));
  const [sample, setSample] = createSignal<SampleKind>('ticket');
  const [busy, setBusy] = createSignal(false);
  const [message, setMessage] = createSignal<string | null>(null);

  const preview = createMemo(() => {
    const p = profile();
    // Star printers speak StarPRNT, which the virtual printer does not read: preview as ESC/POS.
    const shown = p.language === 'esc-pos' ? p : { ...PROFILES[0]!, columns: p.columns, paper: p.paper, codepage: p.codepage };
    return decodeEscPos(encodeReceipt(sampleReceipt(sample(), locale()), shown), shown);
  });

  const update = (change: Partial<Settings>) => printer.updateSettings({ ...settings(), ...change });
  const report = (outcome: PrintOutcome) =>
    setMessage(outcome.via ? t('printing.done', { summary: outcome.job.summary, via: t(`printing.via.${outcome.via}`) }) : null);
  const run = async (action: () => Promise<PrintOutcome>) => {
    setBusy(true);
    setMessage(null);
    try {
      report(await action());
    } finally {
      setBusy(false);
    }
  };
  const statusKey = (status: JobStatus): MessageKey => `printing.job.${status}`;

  return (
    <div class="printer-settings" data-testid="screen-printing">
      {/* The way back to the user's own screen (issue 9 item 11: a single-role user has no role menu). */}
      <Show when={landingScreen(auth.user()?.roles ?? [])}>
        {(screen) => (
          <A href={SCREEN_PATHS[screen()]} class="nav-link back-link" data-testid="printer-back">
            <span aria-hidden="true">← </span>
            {t('printing.back', { screen: t(`screen.${screen()}.title`) })}
          </A>
        )}
      </Show>
      <h1>{t('printing.title')}</h1>
      <Show when={!printer.usbAvailable}>
        <p class="hint" data-testid="printer-usb-missing">
          {t('printing.usbMissing')}
        </p>
      </Show>

      <section aria-labelledby="printer-usb-heading">
        <h2 id="printer-usb-heading">{t('printing.printer')}</h2>
        <p>
          <span data-testid="printer-name">{settings().printer?.name ?? t('printing.none')}</span>
          <Show when={settings().printer}>
            {' · '}
            <span class="printer-status" data-testid="printer-status" data-connected={String(state().connected)}>
              {state().connected ? t('printing.connected') : t('printing.unplugged')}
            </span>
          </Show>
        </p>
        <Show when={state().problem}>
          {(code) => (
            <p class="print-message problem" role="alert" data-testid="printer-problem" data-code={code()}>
              {t(`printing.error.${code()}`, { detail: code() })}
            </p>
          )}
        </Show>
        <div class="actions">
          <Show when={printer.usbAvailable}>
            <button type="button" class="button primary" data-testid="printer-choose" onClick={() => void printer.choose()}>
              {t('printing.choose')}
            </button>
          </Show>
          <Show when={settings().printer}>
            <button type="button" class="button" data-testid="printer-forget" onClick={() => void printer.forget()}>
              {t('printing.forget')}
            </button>
          </Show>
        </div>
      </section>

      <section aria-labelledby="printer-setup-heading">
        <h2 id="printer-setup-heading">{t('printing.profile')}</h2>
        {/* Which settings apply (issue 14): this device's own choice, or its role's institution default. */}
        <p class="printer-source" data-testid="printer-source" data-source={state().source}>
          {t(`printing.source.${state().source}`)}
        </p>
        <Show when={state().source === 'device'}>
          <div class="actions">
            <button type="button" class="button" data-testid="printer-use-default" onClick={() => printer.useInstitutionDefault()}>
              {t('printing.useDefault')}
            </button>
          </div>
        </Show>
        <div class="field">
          <label for="printer-profile">{t('printing.profile')}</label>
          <select id="printer-profile" data-testid="printer-profile" value={settings().profile} onChange={(e) => printer.updateSettings(withProfile(settings(), e.currentTarget.value))}>
            <For each={PROFILES}>{(p) => <option value={p.id}>{p.name}</option>}</For>
          </select>
        </div>
        <div class="field">
          <label for="printer-paper">{t('printing.paper')}</label>
          <select id="printer-paper" data-testid="printer-paper" value={String(settings().paper)} onChange={(e) => update({ paper: Number(e.currentTarget.value) as PaperWidth })}>
            <option value="80">80 mm</option>
            <option value="58">58 mm</option>
          </select>
        </div>
        <div class="field">
          <label for="printer-codepage">{t('printing.codepage')}</label>
          <select id="printer-codepage" data-testid="printer-codepage" value={settings().codepage} onChange={(e) => update({ codepage: e.currentTarget.value as CodePage })}>
            <For each={CODE_PAGES}>{(page) => <option value={page}>{page === 'windows1252' ? 'Windows-1252' : 'CP858 (PC858)'}</option>}</For>
          </select>
        </div>
        <div class="field">
          <input id="printer-drawer" type="checkbox" data-testid="printer-drawer" checked={settings().drawerKick} onChange={(e) => update({ drawerKick: e.currentTarget.checked })} />
          <label for="printer-drawer">{t('printing.drawer')}</label>
        </div>
        <div class="field">
          <label for="printer-fallback">{t('printing.fallback')}</label>
          <select id="printer-fallback" data-testid="printer-fallback" value={settings().fallback} onChange={(e) => update({ fallback: e.currentTarget.value as FallbackOutput })}>
            <option value="dialog">{t('printing.fallback.dialog')}</option>
            <option value="pdf">{t('printing.fallback.pdf')}</option>
          </select>
        </div>
        <div class="actions">
          <button type="button" class="button" data-testid="printer-test" disabled={busy()} onClick={() => void run(() => printer.print(testPage(profile(), locale(), new Date().toISOString()), 'test'))}>
            {busy() ? t('printing.busy') : t('printing.testPrint')}
          </button>
        </div>
        <Show when={message()}>
          <p class="print-message" role="status" data-testid="print-message">
            {message()}
          </p>
        </Show>
      </section>

      <section aria-labelledby="printer-samples-heading">
        <h2 id="printer-samples-heading">{t('printing.samples')}</h2>
        <div class="field">
          <label for="sample-kind">{t('printing.sample')}</label>
          <select id="sample-kind" data-testid="sample-kind" value={sample()} onChange={(e) => setSample(e.currentTarget.value as SampleKind)}>
            <For each={SAMPLE_KINDS}>{(kind) => <option value={kind}>{t(SAMPLE_LABELS[kind])}</option>}</For>
          </select>
          <button type="button" class="button primary" data-testid="sample-print" disabled={busy()} onClick={() => void run(() => printer.print(sampleReceipt(sample(), locale()), 'test'))}>
            {t('printing.printSample')}
          </button>
        </div>
        <ReceiptPreview items={preview()} columns={profile().columns} />
      </section>

      <section aria-labelledby="printer-jobs-heading">
        <h2 id="printer-jobs-heading">{t('printing.jobs')}</h2>
        <Show when={state().jobs.length > 0} fallback={<p>{t('printing.jobs.empty')}</p>}>
          <ul class="print-jobs" data-testid="print-jobs">
            <For each={state().jobs}>
              {(job) => (
                <li data-testid="print-job" data-status={job.status} data-job={job.id}>
                  <span class="job-summary">
                    {job.summary} · {dateTime(job.createdAt)}
                    <Show when={job.attempts.at(-1)}>{(last) => <> · {t(`printing.via.${last().via}`)}</>}</Show>
                  </span>
                  <span class="job-status" data-status={job.status}>
                    {t(statusKey(job.status))}
                  </span>
                  <Show when={job.status === 'failed'}>
                    <button type="button" class="button small" data-testid="job-retry" disabled={busy()} onClick={() => void run(() => printer.retry(job.id))}>
                      {t('printing.job.retry')}
                    </button>
                  </Show>
                  <button type="button" class="button small" data-testid="job-reprint" disabled={busy()} onClick={() => void run(() => printer.reprint(job.id, locale()))}>
                    {t('printing.job.reprint')}
                  </button>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>
    </div>
  );
}
