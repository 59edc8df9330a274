/** Active alerts (top of the board), the thresholds form (this device) and the day's alert list. */
import { For, Show, createSignal } from 'solid-js';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatTime } from '../../i18n/format.ts';
import type { Alert, Thresholds } from '../../stats/alerts.ts';
import type { AlertTracking } from './alert-tracking.ts';
import { Field } from '../../ui/Field.tsx';
import { Button } from '../../ui/Button.tsx';
import { Notice } from '../../ui/Notice.tsx';

const FIELDS = ['waitMinutes', 'waitingCount', 'pausedMinutes'] as const;

function useAlertText(subjectName: (alert: Alert) => string) {
  const { t } = useI18n();
  return (a: Alert) => t(`sup.alert.${a.kind}`, { subject: subjectName(a), value: a.value, threshold: a.threshold });
}

export function ActiveAlerts(props: { tracking: AlertTracking; subjectName: (alert: Alert) => string }) {
  const { t } = useI18n();
  const text = useAlertText((a) => props.subjectName(a));
  return (
    <div role="status" aria-live="polite" data-testid="alerts-active" data-count={props.tracking.active().length}>
      <Show when={props.tracking.active().length > 0}>
        <div class="notice notice-error sup-active">
          <strong>{t('sup.alerts.active', { count: props.tracking.active().length })}</strong>
          <ul>
            <For each={props.tracking.active()}>{(a) => <li data-testid={`alert-${a.kind}-${a.subject}`}>{text(a)}</li>}</For>
          </ul>
        </div>
      </Show>
    </div>
  );
}

export function AlertsPanel(props: { tracking: AlertTracking; subjectName: (alert: Alert) => string; timeZone: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [saved, setSaved] = createSignal(false);
  const text = useAlertText((a) => props.subjectName(a));
  const time = (ms: number) => formatTime(ms, i18n.locale(), props.timeZone);

  function save(event: SubmitEvent) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const value = (name: string) => {
      const raw = String(form.get(name) ?? '').trim();
      const n = Number(raw);
      return raw === '' || !Number.isFinite(n) || n < 0 ? null : Math.floor(n);
    };
    const next: Thresholds = { waitMinutes: value('waitMinutes'), waitingCount: value('waitingCount'), pausedMinutes: value('pausedMinutes') };
    props.tracking.setThresholds(next);
    setSaved(true);
  }

  return (
    <section class="panel panel-plain sup-alerts" aria-labelledby="sup-alerts-title">
      <h2 id="sup-alerts-title" class="panel-title">{t('sup.alerts.title')}</h2>
      <form class="sup-thresholds" onSubmit={save} onInput={() => setSaved(false)}>
        <fieldset>
          <legend>{t('sup.alerts.thresholds')}</legend>
          <div class="field-row">
            <For each={FIELDS}>
              {(name) => (
                <Field label={t(`sup.alerts.${name}`)}>
                  {(ids) => (
                    <input id={ids.id} name={name} type="number" min="0" inputmode="numeric" data-testid={`threshold-${name}`} value={props.tracking.thresholds()[name] ?? ''} />
                  )}
                </Field>
              )}
            </For>
            <Button type="submit" testId="threshold-save" class="sup-threshold-save">
              {t('sup.alerts.save')}
            </Button>
          </div>
          <Show when={saved()}>
            <Notice tone="ok">{t('sup.alerts.saved')}</Notice>
          </Show>
        </fieldset>
      </form>
      <Show when={props.tracking.log().length > 0} fallback={<p>{t('sup.alerts.none')}</p>}>
        <ol class="sup-alert-log" data-testid="alerts-log">
          <For each={props.tracking.log()}>
            {(e) => (
              <li data-kind={e.kind} data-subject={e.subject} classList={{ cleared: e.clearedAt !== null }}>
                {text(e)} —{' '}
                {e.clearedAt === null ? t('sup.alert.since', { time: time(e.raisedAt) }) : t('sup.alert.cleared', { from: time(e.raisedAt), to: time(e.clearedAt) })}
              </li>
            )}
          </For>
        </ol>
        <Button variant="quiet" onClick={() => props.tracking.clear()}>
          {t('sup.alerts.clear')}
        </Button>
      </Show>
    </section>
  );
}
