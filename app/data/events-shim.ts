/**
 * A browser stand-in for Node's `events` module, aliased in vite.config.ts: PouchDB 9's ES
 * builds `import EE from 'events'` and the npm `events` polyfill is not a dependency here.
 * Implements what PouchDB uses, with Node's semantics: listeners copied before emitting,
 * 'newListener'/'removeListener' events (PouchDB's Sync relies on them), `once` wrappers
 * removable by the original function, 'error' without a listener throws, and enumerable
 * prototype methods (see the end of the file).
 */
type Listener = (...args: any[]) => void;
type Wrapped = Listener & { listener?: Listener };

export class EventEmitter {
  // Created lazily, as Node does: PouchDB builds its constructor with an old-style
  // `inherits`, so instances may never run this class's constructor.
  declare private _eventMap: Map<string | symbol, Wrapped[]> | undefined;
  declare private _maxListeners: number | undefined;

  // An own property, never inherited: PouchDB reads every key of the prototype, and a map
  // created there would be shared by all emitters.
  private get _events(): Map<string | symbol, Wrapped[]> {
    if (!Object.hasOwn(this, '_eventMap')) Object.defineProperty(this, '_eventMap', { value: new Map(), writable: true, configurable: true });
    return this._eventMap!;
  }

  static defaultMaxListeners = 10;
  static EventEmitter = EventEmitter;

  static listenerCount(emitter: EventEmitter, type: string | symbol): number {
    return emitter.listenerCount(type);
  }

  setMaxListeners(n: number): this {
    this._maxListeners = n;
    return this;
  }

  getMaxListeners(): number {
    return this._maxListeners ?? EventEmitter.defaultMaxListeners;
  }

  emit(type: string | symbol, ...args: unknown[]): boolean {
    const list = this._events.get(type);
    if (!list || list.length === 0) {
      if (type === 'error') throw args[0] instanceof Error ? args[0] : new Error(`Unhandled error: ${String(args[0])}`);
      return false;
    }
    for (const fn of [...list]) fn.apply(this, args);
    return true;
  }

  private _add(type: string | symbol, fn: Wrapped, prepend: boolean): this {
    if (this._events.has('newListener')) this.emit('newListener', type, fn.listener ?? fn);
    const list = this._events.get(type) ?? [];
    if (prepend) list.unshift(fn);
    else list.push(fn);
    this._events.set(type, list);
    return this;
  }

  on(type: string | symbol, fn: Listener): this {
    return this._add(type, fn, false);
  }

  addListener(type: string | symbol, fn: Listener): this {
    return this._add(type, fn, false);
  }

  prependListener(type: string | symbol, fn: Listener): this {
    return this._add(type, fn, true);
  }

  once(type: string | symbol, fn: Listener): this {
    const wrapper: Wrapped = (...args: unknown[]) => {
      this.removeListener(type, wrapper);
      fn.apply(this, args);
    };
    wrapper.listener = fn;
    return this._add(type, wrapper, false);
  }

  removeListener(type: string | symbol, fn: Listener): this {
    const list = this._events.get(type);
    if (!list) return this;
    const index = list.findIndex((l) => l === fn || l.listener === fn);
    if (index < 0) return this;
    const [removed] = list.splice(index, 1);
    if (list.length === 0) this._events.delete(type);
    if (this._events.has('removeListener')) this.emit('removeListener', type, removed?.listener ?? removed);
    return this;
  }

  off(type: string | symbol, fn: Listener): this {
    return this.removeListener(type, fn);
  }

  removeAllListeners(type?: string | symbol): this {
    const types = type === undefined ? [...this._events.keys()].filter((t) => t !== 'removeListener') : [type];
    for (const t of types) for (const fn of [...(this._events.get(t) ?? [])].reverse()) this.removeListener(t, fn);
    if (type === undefined) this._events.delete('removeListener');
    return this;
  }

  listeners(type: string | symbol): Listener[] {
    return (this._events.get(type) ?? []).map((l) => l.listener ?? l);
  }

  rawListeners(type: string | symbol): Listener[] {
    return [...(this._events.get(type) ?? [])];
  }

  listenerCount(type: string | symbol): number {
    return this._events.get(type)?.length ?? 0;
  }

  eventNames(): (string | symbol)[] {
    return [...this._events.keys()];
  }
}

// PouchDB copies `Object.keys(EE.prototype)` onto its constructor: Node's methods are
// enumerable, class methods are not, so make them so.
// Only methods: the `_events` accessor stays hidden so reading the prototype's keys runs no getter.
for (const key of Object.getOwnPropertyNames(EventEmitter.prototype)) {
  const descriptor = Object.getOwnPropertyDescriptor(EventEmitter.prototype, key);
  if (key !== 'constructor' && typeof descriptor?.value === 'function') Object.defineProperty(EventEmitter.prototype, key, { enumerable: true });
}

export default EventEmitter;
