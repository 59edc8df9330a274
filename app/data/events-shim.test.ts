import { describe, expect, it } from 'vitest';
import { EventEmitter } from './events-shim.ts';

describe('events shim', () => {
  it('behaves like Node for what PouchDB uses', () => {
    const ee = new EventEmitter();
    const seen: string[] = [];
    ee.on('newListener', (type: string) => seen.push(`new:${type}`));
    ee.on('removeListener', (type: string) => seen.push(`rm:${type}`));
    const fn = (x: number) => seen.push(`a${x}`);
    ee.once('a', fn);
    expect(ee.listeners('a')).toEqual([fn]);
    ee.emit('a', 1);
    ee.emit('a', 2);
    expect(seen).toEqual(['new:removeListener', 'new:a', 'rm:a', 'a1']);
    expect(() => ee.emit('error', new Error('boom'))).toThrow('boom');
    expect(ee.listenerCount('a')).toBe(0);
  });

  it('keeps one map per emitter, even for objects whose constructor never ran (PouchDB inherits)', () => {
    function Legacy(this: EventEmitter) {}
    Object.setPrototypeOf(Legacy.prototype, EventEmitter.prototype);
    const a = new (Legacy as unknown as new () => EventEmitter)();
    const b = new (Legacy as unknown as new () => EventEmitter)();
    for (const key of Object.keys(EventEmitter.prototype)) void (EventEmitter.prototype as unknown as Record<string, unknown>)[key];
    a.on('x', () => {});
    expect(b.listenerCount('x')).toBe(0);
    expect(new EventEmitter().listenerCount('x')).toBe(0);
    expect(Object.keys(EventEmitter.prototype)).toContain('once');
  });
});
