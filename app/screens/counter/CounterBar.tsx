/** The counter's own line: which counter, its status, who waits, and pause / resume / close. */
import { Show } from 'solid-js';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Button } from '../../ui/Button.tsx';
import { StatusChip } from '../../ui/StatusChip.tsx';
import type { CounterController } from './counter-controller.ts';

export function CounterBar(props: { ctl: CounterController }) {
  const { t } = useI18n();
  const ctl = props.ctl;
  const status = () => (ctl.current() ? 'serving' : ctl.session()!.status);
  return (
    <div class="counter-bar">
      <h1 class="counter-title">{t('counter.bar', { code: ctl.code() })}</h1>
      <p class="counter-bar-facts">
        <span data-testid="counter-status" data-status={status()}>
          <StatusChip tone={status() === 'paused' ? 'warn' : status() === 'serving' ? 'info' : 'ok'}>{t(`counter.status.${status()}`)}</StatusChip>
        </span>
        <span data-testid="counter-waiting" data-count={ctl.waiting()}>{t('counter.waiting', { count: ctl.waiting() })}</span>
      </p>
      <div class="btn-row counter-bar-actions" role="group" aria-label={t('counter.controls')}>
        <Show when={ctl.session()!.status === 'open'}>
          <Button testId="counter-pause" disabled={!ctl.allowed('pause')} action={() => ctl.pause()}>{t('counter.pause')}</Button>
        </Show>
        {/* Paused and idle, reopening is the main action of the visit area; here only beside a visit. */}
        <Show when={ctl.session()!.status === 'paused' && ctl.current()}>
          <Button testId="counter-unpause" disabled={!ctl.allowed('unpause')} action={() => ctl.unpause()}>{t('counter.unpause')}</Button>
        </Show>
        <Button variant="danger" testId="counter-close" disabled={!ctl.allowed('close')} action={() => ctl.close()}>{t('counter.close')}</Button>
      </div>
      <Show when={ctl.current()}>
        <p class="counter-muted counter-bar-hint">{t('counter.busyHint')}</p>
      </Show>
    </div>
  );
}
