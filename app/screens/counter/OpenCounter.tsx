/**
 * Before a session: choose the counter and the services taken now, or take over this agent's
 * counter left open on another device (the other device then leaves it).
 */
import { For, Show, createMemo, createSignal } from 'solid-js';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { Panel } from '../../ui/Panel.tsx';
import type { CounterController } from './counter-controller.ts';

export function OpenCounter(props: { ctl: CounterController }) {
  const { t, locale } = useI18n();
  const queue = props.ctl.queue;
  const [code, setCode] = createSignal('');
  const [picked, setPicked] = createSignal<string[]>([]);
  const counter = createMemo(() => queue.counters().find((c) => c.code === code()));
  const stateOf = (c: string) => queue.counterStates().find((s) => s.counter === c && s.status !== 'closed');
  const serviceName = (s: string) => queue.services().find((x) => x.code === s)?.name[locale()] ?? s;
  const choose = (value: string) => {
    setCode(value);
    setPicked(queue.counters().find((c) => c.code === value)?.services ?? []);
  };
  return (
    <div class="counter-open">
      <h1>{t('screen.counter.title')}</h1>
      <For each={props.ctl.elsewhere()}>
        {(s) => (
          <Panel tone="warn" title={t('counter.elsewhere.title', { code: s.counter })} testId={`counter-elsewhere-${s.counter}`}>
            <p>{t('counter.elsewhere.body')}</p>
            <Button variant="primary" size="large" testId="counter-take-over" action={() => props.ctl.open(s.counter, s.services ?? [], true)}>
              {t('counter.takeOver', { code: s.counter })}
            </Button>
          </Panel>
        )}
      </For>
      <Panel title={t('counter.chooseTitle')}>
        <Show when={queue.counters().length > 0} fallback={<p role="status">{t('counter.loading')}</p>}>
          <Field label={t('counter.choose')}>
            {(ids) => (
              <select id={ids.id} data-testid="counter-code" value={code()} onChange={(e) => choose(e.currentTarget.value)}>
                <option value="" />
                <For each={queue.counters()}>
                  {(c) => (
                    <option value={c.code}>
                      {c.code} — {c.label}
                      {stateOf(c.code) ? ` (${t('counter.openBy', { agent: stateOf(c.code)!.agent ?? '?' })})` : ''}
                    </option>
                  )}
                </For>
              </select>
            )}
          </Field>
          <Show when={counter()}>
            {(c) => (
              <fieldset class="counter-services">
                <legend class="field-label">{t('counter.services')}</legend>
                <For each={c().services}>
                  {(s) => (
                    <label class="checkbox">
                      <input
                        type="checkbox"
                        data-testid={`counter-service-${s}`}
                        checked={picked().includes(s)}
                        onChange={(e) => setPicked((p) => (e.currentTarget.checked ? [...p, s] : p.filter((x) => x !== s)))}
                      />
                      {serviceName(s)}
                    </label>
                  )}
                </For>
              </fieldset>
            )}
          </Show>
          <Button variant="primary" size="large" testId="counter-open" disabled={!code()} action={() => props.ctl.open(code(), picked().length ? picked() : (counter()?.services ?? []))}>
            {t('counter.open')}
          </Button>
        </Show>
      </Panel>
    </div>
  );
}
