/**
 * Counter: open (or take over) a counter, call next, serve, transfer, park, walk-ins, back
 * office; the person's file beside the visit. The parts live in ./counter/; the state and
 * operations in ./counter/counter-controller.ts.
 */
import { Show, lazy } from 'solid-js';
import { Notice } from '../ui/Notice.tsx';
import { createCounterController } from './counter/counter-controller.ts';
import { CounterBar } from './counter/CounterBar.tsx';
import { Idle } from './counter/Idle.tsx';
import { OpenCounter } from './counter/OpenCounter.tsx';
import './counter/counter.css';
import './desk-shared.css';

// A visit's panels (person file, filing, certificates) are their own chunk: the counter's first
// screen is the idle queue; fetched right after it shows, so the first call finds them here.
const Visit = lazy(() => import('./counter/Visit.tsx').then((m) => ({ default: m.Visit })));

export function CounterScreen() {
  const ctl = createCounterController();
  void Visit.preload();
  return (
    <section class="screen counter-screen" data-testid="screen-counter">
      <Show when={ctl.session()} fallback={<OpenCounter ctl={ctl} />}>
        <CounterBar ctl={ctl} />
      </Show>
      <Show when={ctl.message()}>{(m) => <Notice tone={m().tone} testId="counter-message">{m().text}</Notice>}</Show>
      <Show when={ctl.session()}>
        <div class="counter-grid">
          {/* Keyed by the ticket: each visit gets its own component, and its form starts clean. */}
          <Show when={ctl.current()?._id} keyed fallback={<Idle ctl={ctl} />}>
            {(_id) => <Visit ctl={ctl} />}
          </Show>
        </div>
      </Show>
    </section>
  );
}
