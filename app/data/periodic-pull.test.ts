import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { periodicPull, type OneShot } from './periodic-pull.ts';

/** A one-shot replication the test ends by hand. */
class FakeShot implements OneShot {
  private listeners = new Map<string, ((arg?: unknown) => void)[]>();
  cancelled = false;
  on(event: string, listener: (arg?: unknown) => void) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  emit(event: string, arg?: unknown) {
    for (const l of this.listeners.get(event) ?? []) l(arg);
  }
  cancel() {
    this.cancelled = true;
  }
}

describe('periodicPull', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function started(period = 60_000) {
    const shots: FakeShot[] = [];
    const events: string[] = [];
    const pull = periodicPull(() => {
      const s = new FakeShot();
      shots.push(s);
      return s;
    }, period);
    for (const e of ['active', 'change', 'paused', 'error']) pull.on(e, (arg) => events.push(arg ? `${e}:${(arg as { name?: string }).name ?? 'x'}` : e));
    return { pull, shots, events };
  }

  it('starts once its listeners are attached, then pulls again one period after each pull completes', async () => {
    const { shots, events } = started();
    expect(shots).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(shots).toHaveLength(1);
    shots[0]!.emit('change', { name: 'batch' });
    shots[0]!.emit('complete');
    expect(events).toEqual(['active', 'change:batch', 'paused']);
    await vi.advanceTimersByTimeAsync(59_999);
    expect(shots).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(shots).toHaveLength(2);
  });

  it('retries a failed pull within the backoff, not a whole period, and says the link failed', async () => {
    const { shots, events } = started();
    await vi.advanceTimersByTimeAsync(0);
    shots[0]!.emit('error', { name: 'network' });
    expect(events).toEqual(['active', 'paused:network']);
    await vi.advanceTimersByTimeAsync(1_200);
    expect(shots).toHaveLength(2);
  });

  it('stops on a refused session (the caller signs out) and on cancel', async () => {
    const refused = started();
    await vi.advanceTimersByTimeAsync(0);
    refused.shots[0]!.emit('error', { name: 'unauthorized', status: 401 });
    expect(refused.events).toEqual(['active', 'error:unauthorized']);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(refused.shots).toHaveLength(1);

    const cancelled = started();
    await vi.advanceTimersByTimeAsync(0);
    cancelled.pull.cancel();
    expect(cancelled.shots[0]!.cancelled).toBe(true);
    cancelled.shots[0]!.emit('complete');
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(cancelled.shots).toHaveLength(1);
    expect(cancelled.events).toEqual(['active']);
  });
});
