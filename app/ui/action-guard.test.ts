import { describe, expect, it } from 'vitest';
import { createRoot } from 'solid-js';
import { createActionGuard } from './action-guard.ts';

describe('action guard', () => {
  it('ignores an action started while another is in flight, then accepts the next one', async () => {
    await createRoot(async (dispose) => {
      const guard = createActionGuard();
      let runs = 0;
      let release: () => void = () => {};
      const slow = () => new Promise<void>((r) => { runs += 1; release = r; });
      const first = guard.run(slow);
      expect(guard.busy()).toBe(true);
      expect(await guard.run(slow)).toBe(false);
      release();
      expect(await first).toBe(true);
      expect(guard.busy()).toBe(false);
      const third = guard.run(slow);
      release();
      expect(await third).toBe(true);
      expect(runs).toBe(2);
      dispose();
    });
  });

  it('frees the guard when the action throws', async () => {
    const guard = createActionGuard();
    await expect(guard.run(() => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect(guard.busy()).toBe(false);
  });
});
