/** Nobody at the counter: the one main action (call the next visitor, or reopen a paused counter) and a walk-in. */
import { For, Show, createSignal } from 'solid-js';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Panel } from '../../ui/Panel.tsx';
import type { CounterController } from './counter-controller.ts';

export function Idle(props: { ctl: CounterController }) {
  const { t, locale } = useI18n();
  const ctl = props.ctl;
  const [walkInService, setWalkInService] = createSignal('');
  const paused = () => ctl.session()?.status === 'paused';
  return (
    <>
      <Panel class="counter-visit" testId="counter-idle" title={t('counter.visit')}>
        <Show when={ctl.lost()}>
          {(x) => <Notice tone="warn" testId="counter-lost">{t('counter.lost', { label: x().label, counter: x().counter ?? '?' })}</Notice>}
        </Show>
        <p data-testid="counter-current-none" class="counter-idle-text">{paused() ? t('counter.idlePaused') : t('counter.idle')}</p>
        <div class="counter-main">
          <Show
            when={paused()}
            fallback={
              <Button variant="primary" size="huge" block testId="counter-call-next" shortcut="F2" disabled={!ctl.allowed('callNext')} action={() => ctl.callNext()}>
                {t('counter.callNext')}
              </Button>
            }
          >
            <Button variant="primary" size="huge" block testId="counter-unpause" disabled={!ctl.allowed('unpause')} action={() => ctl.unpause()}>
              {t('counter.unpause')}
            </Button>
          </Show>
        </div>
      </Panel>
      <Show when={ctl.allowed('walkIn')}>
        <Panel class="counter-side" title={t('counter.walkIn')} headingLevel={2} testId="counter-group-walkin">
          <Field label={t('queue.service')}>
            {(ids) => (
              <select id={ids.id} data-testid="counter-walkin-service" value={walkInService()} onChange={(e) => setWalkInService(e.currentTarget.value)}>
                <option value="" />
                <For each={ctl.queue.services()}>{(s) => <option value={s.code}>{s.name[locale()]}</option>}</For>
              </select>
            )}
          </Field>
          <Button testId="counter-walkin" disabled={!walkInService()} action={() => ctl.walkIn(walkInService())}>
            {t('counter.walkIn.submit')}
          </Button>
        </Panel>
      </Show>
    </>
  );
}
