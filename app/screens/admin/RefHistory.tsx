/**
 * One item's change log (types/ref-change.ts), newest first: who changed what, when. Read
 * again whenever the replica changes, so an edit made elsewhere shows without a reload.
 */
import { For, Show, createResource } from 'solid-js';
import type { RefChange } from '../../../couch-design/types/ref-change.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/translate.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { Button } from '../../ui/Button.tsx';
import { Panel } from '../../ui/Panel.tsx';
import type { RefStore } from '../../admin/ref-store.ts';
import { changedFields } from '../../admin/ref-rules.ts';
import type { RefDoc } from '../../admin/ref-rules.ts';

/** The fields an edit may change, named as the forms name them. */
const FIELD_LABELS: Readonly<Record<string, MessageKey>> = {
  name: 'ref.services.name',
  series: 'ref.services.series',
  targetWaitMinutes: 'ref.services.wait',
  cashDesk: 'ref.services.cashDesk',
  active: 'ref.services.state',
  label: 'ref.counters.label',
  services: 'ref.counters.services',
  code: 'ref.services.code',
  city: 'ref.branches.city',
  timeZone: 'ref.branches.zone',
  currency: 'ref.institution.currency',
  currencyDecimals: 'ref.institution.decimals',
  languages: 'ref.institution.languages',
  defaultLocale: 'ref.institution.default',
  cash: 'ref.cash.title',
  requiredDocuments: 'ref.events.required',
  validityMonths: 'ref.doctypes.validity',
  for: 'ref.certtypes.for',
  rule: 'ref.certtypes.rule',
  profile: 'printing.profile',
  paper: 'printing.paper',
  codepage: 'printing.codepage',
  fallback: 'printing.fallback',
  drawerKick: 'ref.printers.drawer',
};

export function RefHistory(props: { store: RefStore; target: string; name: string; onClose: () => void }) {
  const { t, locale } = useI18n();
  const [entries] = createResource(() => [props.target, props.store.version()] as const, ([target]) => props.store.history(target));
  const line = (c: RefChange) => {
    const at = formatDateTime(c.at, locale());
    if (!c.before) return t('ref.history.created', { by: c.by, at });
    if (!c.after) return t('ref.history.removed', { by: c.by, at });
    const fields = changedFields(c.before as unknown as RefDoc, c.after as unknown as RefDoc);
    return t('ref.history.changed', { by: c.by, at, fields: fields.map((f) => (FIELD_LABELS[f] ? t(FIELD_LABELS[f]) : f)).join(', ') });
  };
  return (
    <Panel title={t('ref.history.title', { name: props.name })} testId="ref-history">
      <Show when={(entries.latest ?? []).length > 0} fallback={<p>{t('ref.history.none')}</p>}>
        <ol class="ref-history">
          <For each={entries.latest}>{(c) => <li data-testid="ref-history-entry">{line(c)}</li>}</For>
        </ol>
      </Show>
      <Button variant="quiet" testId="ref-history-close" onClick={props.onClose}>
        {t('ref.history.close')}
      </Button>
    </Panel>
  );
}
