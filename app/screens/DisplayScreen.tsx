/** Waiting-room TV: last calls (newest highlighted), chime and spoken announcement, waiting per service. */
import { For, Show, createEffect, createMemo, on } from 'solid-js';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { createBranchQueue } from '../queue/branch-queue.ts';
import { announcement, counterNumber } from '../queue/announce.ts';
import { estimateWaitMinutes } from '../queue/ranking.ts';

const SHOWN = 6;

function chime() {
  try {
    const audio = new AudioContext();
    const osc = audio.createOscillator();
    osc.frequency.value = 880;
    osc.connect(audio.destination);
    osc.start();
    osc.stop(audio.currentTime + 0.3);
  } catch {
    // no audio device: the text on screen is the announcement
  }
}

function speak(text: string, lang: string) {
  if (typeof speechSynthesis === 'undefined') return;
  const u = new SpeechSynthesisUtterance(text);
  u.lang = lang === 'fr' ? 'fr-FR' : 'en-GB';
  speechSynthesis.speak(u);
}

export function DisplayScreen() {
  const i18n = useI18n();
  const { t } = i18n;
  const queue = createBranchQueue();
  const calls = createMemo(() =>
    queue
      .tickets()
      .filter((x) => x.calledAt && x.counter && (x.state === 'called' || x.state === 'serving'))
      .sort((a, b) => (a.calledAt! < b.calledAt! ? 1 : -1))
      .slice(0, SHOWN),
  );
  const newest = createMemo(() => calls()[0] ?? null);
  const text = createMemo(() => (newest() ? announcement(newest()!.label, newest()!.counter!, i18n.locale()) : ''));
  const callKey = createMemo(() => (newest() ? `${newest()!._id}|${newest()!.calledAt}|${newest()!.recalls ?? 0}` : ''));
  createEffect(on(callKey, (key) => {
    if (!key) return;
    chime();
    speak(text(), i18n.locale());
  }, { defer: true }));
  const waiting = (code: string) => queue.tickets().filter((x) => x.state === 'waiting' && x.service === code).length;
  const estimate = (code: string) => {
    const open = queue.counterStates().filter((c) => c.status === 'open' && (c.services ?? []).includes(code)).length;
    return estimateWaitMinutes(waiting(code), open, queue.serviceMinutes(code));
  };
  return (
    <section class="screen display" data-testid="screen-display">
      <p data-testid="display-announcement" aria-live="assertive" class="display-announcement">{text()}</p>
      <h1>{t('display.called')}</h1>
      <Show when={calls().length > 0} fallback={<p data-testid="display-none">{t('display.none')}</p>}>
        <table data-testid="display-calls" class="display-calls">
          <thead><tr><th>{t('display.ticket')}</th><th>{t('display.counter')}</th></tr></thead>
          <tbody>
            <For each={calls()}>
              {(c, i) => (
                <tr data-testid="display-call" data-label={c.label} data-counter={c.counter} classList={{ 'display-call-latest': i() === 0 }}>
                  <td>{c.label}</td>
                  <td>{counterNumber(c.counter!)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
      <h2>{t('display.waiting')}</h2>
      <ul>
        <For each={queue.services().filter((s) => s.active)}>
          {(s) => (
            <li data-testid={`display-waiting-${s.code}`} data-count={waiting(s.code)}>
              {s.name[i18n.locale()]} — {t('queue.waitingCount', { count: waiting(s.code) })}
              <Show when={estimate(s.code) !== null}> {t('display.estimate', { minutes: estimate(s.code)! })}</Show>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}
