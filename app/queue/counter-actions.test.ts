import { describe, expect, it } from 'vitest';
import { allowedActions, counterActions, mainAction, type CounterView } from './counter-actions.ts';

const view = (status: CounterView['status'], state?: 'called' | 'serving' | 'parked', recalls = 0): CounterView => ({
  status,
  ticket: state ? { state, recalls } : null,
});
const sorted = (v: CounterView) => [...allowedActions(v)].sort();

describe('counter actions follow the ticket and counter states', () => {
  it('no counter open: nothing', () => {
    expect(sorted(view(null))).toEqual([]);
    expect(mainAction(view(null))).toBeNull();
  });

  it('open and idle: call next (main), walk-in, pause, close', () => {
    expect(sorted(view('open'))).toEqual(['callNext', 'close', 'pause', 'walkIn']);
    expect(mainAction(view('open'))).toBe('callNext');
  });

  it('called: start (main), recall, transfer, park; no-show only after a recall; no call, pause or close', () => {
    expect(sorted(view('open', 'called'))).toEqual(['park', 'recall', 'start', 'transfer']);
    expect(counterActions(view('open', 'called')).noShow).toBe('recall_first');
    expect(sorted(view('open', 'called', 1))).toEqual(['noShow', 'park', 'recall', 'start', 'transfer']);
    expect(mainAction(view('open', 'called'))).toBe('start');
    expect(counterActions(view('open', 'called')).callNext).toBe('busy');
    expect(counterActions(view('open', 'called')).close).toBe('busy');
  });

  it('serving: finish (main), transfer, park, back office', () => {
    expect(sorted(view('open', 'serving'))).toEqual(['backoffice', 'finish', 'park', 'transfer']);
    expect(mainAction(view('open', 'serving'))).toBe('finish');
  });

  it('on hold: resume (main), transfer', () => {
    expect(sorted(view('open', 'parked'))).toEqual(['resume', 'transfer']);
    expect(mainAction(view('open', 'parked'))).toBe('resume');
  });

  it('paused: reopen (main) or close; no call', () => {
    expect(sorted(view('paused'))).toEqual(['close', 'unpause']);
    expect(mainAction(view('paused'))).toBe('unpause');
  });
});
