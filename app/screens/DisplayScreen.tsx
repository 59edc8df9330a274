/**
 * Waiting-room TV (1080p, read from 8 m): the latest call large and highlighted with its
 * spoken announcement, the other recent calls, and per service how many wait and the wait.
 * Language and voice are set per device (a small settings control in a corner).
 */
import { For, Show, createEffect, createMemo, createSignal, on, onCleanup, untrack } from 'solid-js';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { createBranchQueue } from '../queue/branch-queue.ts';
import { announcement, counterNumber } from '../queue/announce.ts';
import { serviceFacts } from '../queue/issue-ticket.ts';
import { waitText } from '../queue/wait-text.ts';
import { visibleCalls } from './display/calls.ts';
import { loadDisplaySettings, saveDisplaySettings, type DisplaySettings } from './display/settings.ts';
import { DisplaySettingsControl } from './display/DisplaySettingsControl.tsx';
import './display/display.css';

/** The clock and the age of calls move on even when nothing is written. */
const TICK_MS = 15_000;

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

  const [settings, setSettings] = createSignal<DisplaySettings>(loadDisplaySettings());
  const stored = settings().locale;
  if (stored && stored !== i18n.locale()) i18n.setLocale(stored);
  const changeSettings = (next: DisplaySettings) => {
    setSettings(next);
    saveDisplaySettings(next);
    if (next.locale && next.locale !== i18n.locale()) i18n.setLocale(next.locale);
  };

  const [now, setNow] = createSignal(Date.now());
  const tick = setInterval(() => setNow(Date.now()), TICK_MS);
  onCleanup(() => clearInterval(tick));

  // A recall shows the call again: remember when this display saw each ticket's recall go up.
  const recallsSeen = new Map<string, number>();
  const [recalledAt, setRecalledAt] = createSignal<ReadonlyMap<string, number>>(new Map());
  createEffect(() => {
    let changed: Map<string, number> | null = null;
    for (const x of queue.tickets()) {
      const count = x.recalls ?? 0;
      const before = recallsSeen.get(x._id);
      recallsSeen.set(x._id, count);
      if (before !== undefined && count > before) (changed ??= new Map(untrack(recalledAt))).set(x._id, Date.now());
    }
    if (changed) {
      setRecalledAt(changed);
      setNow(Date.now());
    }
  });

  const calls = createMemo(() => visibleCalls(queue.tickets(), queue.counterStates(), Math.max(now(), Date.now()), { recalledAt: recalledAt() }));
  const newest = createMemo(() => calls()[0] ?? null);
  const text = createMemo(() => (newest() ? announcement(newest()!.label, newest()!.counter!, i18n.locale()) : ''));
  const callKey = createMemo(() => (newest() ? `${newest()!._id}|${newest()!.calledAt}|${newest()!.recalls ?? 0}` : ''));
  createEffect(
    on(
      callKey,
      (key) => {
        if (!key) return;
        chime();
        if (untrack(settings).voice) speak(untrack(text), untrack(i18n.locale));
      },
      { defer: true },
    ),
  );

  return (
    <section class="screen display" data-testid="screen-display" data-voice={settings().voice ? 'on' : 'off'}>
      <div class="display-top">
        <p class="display-branch">{queue.branchDoc()?.name ?? ''}</p>
        <p class="display-clock" data-testid="display-clock">{i18n.time(now())}</p>
      </div>
      <div class="display-body">
        <div class="display-main">
          <h1 class="display-heading">{t('display.called')}</h1>
          <p data-testid="display-announcement" aria-live="assertive" class="display-announcement">{text()}</p>
          <Show when={calls().length > 0} fallback={<p class="display-none" data-testid="display-none">{t('display.none')}</p>}>
            <table data-testid="display-calls" class="display-calls">
              <thead>
                <tr>
                  <th scope="col">{t('display.ticket')}</th>
                  <th scope="col">{t('display.counter')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={calls()}>
                  {(c, i) => (
                    <tr data-testid="display-call" data-label={c.label} data-counter={c.counter} classList={{ 'display-call-latest': i() === 0 }}>
                      <td class="display-call-ticket">{c.label}</td>
                      <td class="display-call-counter">{counterNumber(c.counter!)}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </Show>
        </div>
        <aside class="display-side" aria-labelledby="display-waiting-title">
          <h2 id="display-waiting-title" class="display-side-title">{t('display.waiting')}</h2>
          <ul class="display-waiting">
            <For each={queue.services().filter((s) => s.active)}>
              {(s) => {
                const facts = () => serviceFacts(queue, s.code);
                return (
                  <li class="display-waiting-row" data-testid={`display-waiting-${s.code}`} data-count={facts().ahead} data-wait={facts().wait.kind}>
                    <span class="display-waiting-service">{s.name[i18n.locale()]}</span>
                    <span class="display-waiting-count">{t('queue.waitingCount', { count: facts().ahead })}</span>
                    <span class="display-waiting-wait" data-testid={`display-wait-${s.code}`}>{waitText(t, facts().wait)}</span>
                  </li>
                );
              }}
            </For>
          </ul>
        </aside>
      </div>
      <DisplaySettingsControl settings={settings()} locale={i18n.locale()} onChange={changeSettings} />
    </section>
  );
}
