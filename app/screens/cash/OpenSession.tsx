/**
 * Opening a session: the cash desk (a counter of the branch marked as a cash desk) and the
 * opening float, as one amount or counted by denomination. One open session per desk and per
 * cashier: app/cash/session.ts says no (session_busy) before anything is written, and the
 * server refuses a second opening of the same desk (409).
 */
import { For, Show, createSignal } from 'solid-js';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useActionGuard, guardedSubmit } from '../../ui/action-guard.ts';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { useToasts } from '../../ui/Toasts.tsx';
import type { CashDeskCtl, CashRef } from './cash-desk.ts';
import { CountInput, createCount, readCount } from './CountInput.tsx';
import { cashErrorText } from './cash-text.ts';

export function OpenSession(props: { ctl: CashDeskCtl; cfg: CashRef }) {
  const { t, locale } = useI18n();
  const guard = useActionGuard();
  const toasts = useToasts();
  const [desk, setDesk] = createSignal(props.cfg.desks[0]?.code ?? '');
  const [error, setError] = createSignal<string | null>(null);
  const count = createCount();
  const submit = async () => {
    setError(null);
    const float = readCount(count, t, locale(), props.cfg.settings.denominations, props.cfg.decimals, props.cfg.settings.maxAmount);
    if (float === null) return;
    try {
      const s = await props.ctl.open(desk(), float);
      toasts.show(t('cash.opened', { desk: s.counter }));
    } catch (e) {
      setError(cashErrorText(t, e));
    }
  };
  return (
    <Panel title={t('cash.open.title')} testId="cash-open-panel">
      <form class="cash-form" onSubmit={guardedSubmit(guard, submit)} novalidate>
        <Show when={props.cfg.desks.length === 0}><Notice tone="warn" testId="cash-no-desk">{t('cash.open.noDesk')}</Notice></Show>
        <Field label={t('cash.open.desk')}>
          {(ids) => (
            <select id={ids.id} data-testid="cash-desk" value={desk()} onChange={(e) => setDesk(e.currentTarget.value)}>
              <For each={props.cfg.desks}>{(d) => <option value={d.code}>{d.code} — {d.label}</option>}</For>
            </select>
          )}
        </Field>
        <CountInput count={count} legend={t('cash.open.float')} denominations={props.cfg.settings.denominations} decimals={props.cfg.decimals} currency={props.cfg.currency} testId="cash-float" />
        <Show when={error()}>{(e) => <Notice tone="error" testId="cash-open-error">{e()}</Notice>}</Show>
        <div class="btn-row">
          <Button type="submit" variant="primary" size="huge" testId="cash-open" disabled={!desk() || guard.busy()}>
            {t('cash.open.submit')}
          </Button>
        </div>
      </form>
    </Panel>
  );
}
