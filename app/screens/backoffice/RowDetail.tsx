/**
 * The chosen row beside the list: its fields, its scan, and every review of it (corrections
 * included). The scan is read from the branch's scans database on the server, which the back
 * office reads but does not replicate (docs/DESK.md, Scans): offline, the row says so.
 */
import { For, Show, createResource, onCleanup } from 'solid-js';
import { sha256HexOfBytes } from '../../cash/sha256.ts';
import { scansDb } from '../../../couch-design/databases.ts';
import type { ScanRef } from '../../../couch-design/types/submission.ts';
import { useData } from '../../data/DataProvider.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { StatusChip } from '../../ui/StatusChip.tsx';
import { parseReason } from '../../desk/reviews.ts';
import type { Row } from './rows.ts';
import { showDay, statusTone } from './DocumentTable.tsx';

export function RowDetail(props: { row: Row | undefined; eventName: (code: string) => string; branch: string }) {
  const { t, locale } = useI18n();
  const when = (at: string) => new Date(at).toLocaleString(locale() === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' });
  const reason = (text: string) => {
    const r = parseReason(text);
    return r.code ? [t(`bo.reason.${r.code}`), r.text].filter(Boolean).join(' — ') : r.text;
  };
  return (
    <Panel title={t('bo.detail')} class="bo-detail" testId="bo-detail">
      <Show when={props.row} fallback={<p class="counter-muted">{t('bo.detail.none')}</p>}>
        {(row) => (
          <div data-key={row().key}>
            <p class="bo-detail-title">{row().code} {row().designation}</p>
            <p class="counter-muted">{props.eventName(row().event)} · {row().ticket} · {showDay(row().date)}</p>
            <p class="counter-muted">{t('bo.detail.person', { number: row().person.slice('person:'.length), counter: row().counter })}</p>
            <p>
              <StatusChip tone={statusTone(row().reviews.status)}>{t(`bo.status.${row().reviews.status}`)}</StatusChip>
              <Show when={row().reviews.secondDecision}> <StatusChip tone="warn">{t('bo.second')}</StatusChip></Show>
            </p>
            <Show when={row().scan} keyed>
              {(scan) => <ScanView scan={scan} branch={props.branch} label={t('bo.scan.of', { code: row().code, ticket: row().ticket })} />}
            </Show>
            <h3 class="counter-subtitle">{t('bo.history')}</h3>
            <Show when={row().reviews.history.length > 0} fallback={<p class="counter-muted">{t('bo.history.none')}</p>}>
              <ol class="bo-history" data-testid="bo-history">
                <For each={row().reviews.history}>
                  {(r) => (
                    <li data-testid="bo-history-entry" data-decision={r.decision}>
                      {t('bo.history.entry', { decision: t(`bo.status.${r.decision}`), agent: r.agent, at: when(r.at) })}
                      <Show when={r.reason}> — {reason(r.reason!)}</Show>
                      <Show when={r.corrects}> ({t('bo.history.corrects')})</Show>
                    </li>
                  )}
                </For>
              </ol>
            </Show>
          </div>
        )}
      </Show>
    </Panel>
  );
}

/**
 * One scan: the image itself, or a link to the PDF. Read as bytes (the gateway serves
 * attachments as downloads) and checked against the digest the submission recorded, so what the
 * agent decides on is what the counter scanned; a message when it cannot be read (offline).
 */
function ScanView(props: { scan: ScanRef; branch: string; label: string }) {
  const { t } = useI18n();
  const { layer } = useData();
  const [shown] = createResource(
    () => props.scan,
    async (scan): Promise<{ url: string } | { problem: 'unavailable' | 'altered' }> => {
      const res = await layer
        .fetch(`${layer.remoteBase ?? ''}/${scansDb(props.branch)}/${encodeURIComponent(scan.id)}/${encodeURIComponent(scan.name)}`)
        .catch(() => null);
      if (!res || !res.ok) return { problem: 'unavailable' };
      const bytes = new Uint8Array(await res.arrayBuffer());
      if (sha256HexOfBytes(bytes) !== scan.sha256) return { problem: 'altered' };
      return { url: URL.createObjectURL(new Blob([bytes], { type: scan.contentType })) };
    },
  );
  onCleanup(() => {
    const s = shown.latest;
    if (s && 'url' in s) URL.revokeObjectURL(s.url);
  });
  return (
    <figure class="bo-scan-view" data-testid="bo-scan-view" data-scan={props.scan.id}>
      <Show when={shown()} fallback={<p class="counter-muted">{t('bo.scan.loading')}</p>}>
        {(s) => (
          <Show when={'url' in s() ? (s() as { url: string }).url : null} fallback={<p class="counter-muted" data-testid="bo-scan-problem">{t((s() as { problem: 'unavailable' | 'altered' }).problem === 'altered' ? 'bo.scan.altered' : 'bo.scan.unavailable')}</p>}>
            {(url) => (
              <Show when={props.scan.contentType === 'image/jpeg'} fallback={<a href={url()} target="_blank" rel="noopener" data-testid="bo-scan-pdf">{t('bo.scan.openPdf')}</a>}>
                <img src={url()} alt={props.label} class="bo-scan-image" data-testid="bo-scan-image" />
              </Show>
            )}
          </Show>
        )}
      </Show>
    </figure>
  );
}
