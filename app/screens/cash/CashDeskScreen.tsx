/**
 * The cash desk: the cashier's session (open it, take receipts, reverse, void, close with a
 * blind count), the desk's day journal, and below it the counter controls of the cash queue
 * (the cashier still calls and serves tickets). State and writes in ./cash-desk.ts.
 */
import { Match, Show, Switch, createSignal } from 'solid-js';
import type { CashEntry } from '../../../couch-design/types/cash-entry.ts';
import { padDocumentNumber } from '../../../couch-design/types/cash.ts';
import { formatAmount } from '../../cash/money.ts';
import { useData } from '../../data/DataProvider.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Button } from '../../ui/Button.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { StatusChip } from '../../ui/StatusChip.tsx';
import { useToasts } from '../../ui/Toasts.tsx';
import { CounterScreen } from '../CounterScreen.tsx';
import { createCashDesk, type CashDeskCtl, type CashRef } from './cash-desk.ts';
import { printEntry } from './cash-print.ts';
import { SessionReportButtons } from './SessionReportButtons.tsx';
import { BlindCount, CountResult } from './CloseSession.tsx';
import { ReverseForm, VoidForm } from './EntryActions.tsx';
import { Journal } from './Journal.tsx';
import { OpenSession } from './OpenSession.tsx';
import { PaymentForm } from './PaymentForm.tsx';
import { ReceiptForm } from './ReceiptForm.tsx';
import { readPersonFile } from '../../people/person-file.ts';
import './cash.css';

export function CashDeskScreen() {
  const { t } = useI18n();
  const ctl = createCashDesk();
  return (
    <div data-testid="screen-cashier" class="cashier-desk">
      <section class="screen cash-screen" aria-labelledby="cash-title">
        <h1 id="cash-title">{t('screen.cashier.title')}</h1>
        <Show when={ctl.ref()} fallback={<p role="status">{t('cash.loading')}</p>}>
          {(ref) => (
            <Switch>
              <Match when={ctl.mine()?.state === 'open'}>
                <OpenDesk ctl={ctl} cfg={ref()} />
              </Match>
              <Match when={ctl.mine()?.state === 'counted' && ctl.mine()}>
                {(s) => (
                  <>
                    <CountResult session={s()} cfg={ref()} />
                    <Journal ctl={ctl} cfg={ref()} counter={s().counter} canWrite={false} onReverse={() => undefined} />
                  </>
                )}
              </Match>
              <Match when={true}>
                <Show when={ctl.justClosed()}>
                  {(s) => (
                    <>
                      <CountResult session={s()} cfg={ref()} />
                      <Show when={s().state === 'closed'}>
                        <SessionReportButtons ctl={ctl} cfg={ref()} session={s()} />
                      </Show>
                      <Journal ctl={ctl} cfg={ref()} counter={s().counter} canWrite={false} onReverse={() => undefined} />
                    </>
                  )}
                </Show>
                <OpenSession ctl={ctl} cfg={ref()} />
              </Match>
            </Switch>
          )}
        </Show>
      </section>
      <section class="cash-queue" aria-label={t('cash.queue')}>
        <CounterScreen />
      </section>
    </div>
  );
}

type Mode = { kind: 'receipt' } | { kind: 'pay' } | { kind: 'reverse'; number: number } | { kind: 'void' } | { kind: 'close' };

function OpenDesk(props: { ctl: CashDeskCtl; cfg: CashRef }) {
  const { t, locale } = useI18n();
  const { layer } = useData();
  const toasts = useToasts();
  const [mode, setMode] = createSignal<Mode>({ kind: 'receipt' });
  // A new key mounts a new receipt form: each receipt starts clean by construction.
  const [receiptKey, setReceiptKey] = createSignal(1);
  const [last, setLast] = createSignal<{ entry: CashEntry; printed: boolean } | null>(null);
  const session = () => props.ctl.mine()!;

  const printed = async (entry: CashEntry, payer: { number: string; name: string }) => {
    const outcome = await printEntry(entry, payer, props.cfg, locale(), props.ctl.zone()).catch(() => null);
    const ok = !!outcome?.via;
    setLast({ entry, printed: ok });
    toasts.show(t(ok ? 'cash.saved' : 'cash.savedNotPrinted', { number: padDocumentNumber(entry.number) }), ok ? 'ok' : 'warn');
  };
  const payerOf = async (entry: CashEntry) => {
    const person = entry.person ? ((await readPersonFile(layer, entry.person).catch(() => null))?.person ?? null) : null;
    const name = person ? (person.companyName ?? [person.familyName, person.givenName].filter(Boolean).join(' ')) : '';
    return { number: entry.account ?? entry.person?.slice('person:'.length) ?? '', name };
  };

  return (
    <div class="cash-desk">
      <div class="cash-bar" data-testid="cash-session" data-session={session()._id} data-counter={session().counter}>
        <StatusChip tone="ok" testId="cash-session-state">{t('cash.session.open')}</StatusChip>
        <span>{t('cash.session.summary', { desk: session().counter, seq: session().seq, float: formatAmount(session().openingFloat, props.cfg.decimals, locale()), first: padDocumentNumber(session().firstNumber) })}</span>
        <div class="btn-row cash-bar-actions">
          <SessionReportButtons ctl={props.ctl} cfg={props.cfg} session={session()} />
          <Button variant="secondary" testId="cash-pay" disabled={mode().kind !== 'receipt'} onClick={() => setMode({ kind: 'pay' })}>{t('cash.pay.button')}</Button>
          <Button variant="secondary" testId="cash-void" disabled={mode().kind !== 'receipt'} onClick={() => setMode({ kind: 'void' })}>{t('cash.void.button')}</Button>
          <Button variant="secondary" testId="cash-close" disabled={mode().kind !== 'receipt'} onClick={() => setMode({ kind: 'close' })}>{t('cash.close.button')}</Button>
        </div>
      </div>
      <Show when={last()}>
        {(l) => (
          <Notice tone={l().printed ? 'ok' : 'warn'} testId="cash-last">
            {t(l().printed ? 'cash.saved' : 'cash.savedNotPrinted', { number: padDocumentNumber(l().entry.number) })}
          </Notice>
        )}
      </Show>
      <Switch>
        <Match when={mode().kind === 'receipt'}>
          <Show when={receiptKey()} keyed>
            {(_key) => (
              <ReceiptForm
                ctl={props.ctl}
                cfg={props.cfg}
                onSaved={(entry, payer) => {
                  setReceiptKey((k) => k + 1);
                  void printed(entry, payer);
                }}
              />
            )}
          </Show>
        </Match>
        <Match when={mode().kind === 'reverse' && (mode() as { number: number }).number}>
          {(n) => (
            <ReverseForm
              ctl={props.ctl}
              number={n()}
              onDone={(entry) => {
                setMode({ kind: 'receipt' });
                if (entry) void payerOf(entry).then((payer) => printed(entry, payer));
              }}
            />
          )}
        </Match>
        <Match when={mode().kind === 'pay'}>
          <PaymentForm
            ctl={props.ctl}
            cfg={props.cfg}
            onCancel={() => setMode({ kind: 'receipt' })}
            onSaved={(entry, payee) => {
              setMode({ kind: 'receipt' });
              void printed(entry, payee);
            }}
          />
        </Match>
        <Match when={mode().kind === 'void'}>
          <VoidForm
            ctl={props.ctl}
            onDone={(entry) => {
              setMode({ kind: 'receipt' });
              if (entry) toasts.show(t('cash.voided', { number: padDocumentNumber(entry.number) }));
            }}
          />
        </Match>
        <Match when={mode().kind === 'close'}>
          <BlindCount ctl={props.ctl} cfg={props.cfg} onCancel={() => setMode({ kind: 'receipt' })} />
        </Match>
      </Switch>
      <Journal ctl={props.ctl} cfg={props.cfg} counter={session().counter} canWrite={mode().kind === 'receipt'} onReverse={(number) => setMode({ kind: 'reverse', number })} />
    </div>
  );
}
