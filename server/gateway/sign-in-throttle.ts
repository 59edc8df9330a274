/**
 * Failed sign-ins, per name and per network address. A name that fails too often in a window
 * is locked for a while (an administrator can lift it); an address that fails too often is
 * held back whatever names it tries, so guessing across many accounts is slow too. Counts are
 * kept in memory: a restart forgets them, which only ever helps the user.
 */
export interface ThrottleLimits {
  /** Failures of one name within `windowMs` that lock it. */
  perName: number;
  /** Failures from one address within `windowMs` that hold it back. */
  perAddress: number;
  windowMs: number;
  /** How long a lock lasts after the failure that set it. */
  lockMs: number;
}

export const DEFAULT_LIMITS: ThrottleLimits = { perName: 5, perAddress: 30, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

export type ThrottleVerdict = { allowed: true } | { allowed: false; scope: 'name' | 'address'; retryAfterS: number };

interface Record {
  failures: number[];
  lockedUntil: number;
}

const MAX_TRACKED = 100_000;

export interface Lockout {
  name: string;
  lockedUntil: number;
  failures: number;
}

export class SignInThrottle {
  private readonly names = new Map<string, Record>();
  private readonly addresses = new Map<string, Record>();

  constructor(
    private readonly limits: ThrottleLimits = DEFAULT_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  check(name: string, address: string): ThrottleVerdict {
    const t = this.now();
    const byName = this.names.get(name);
    if (byName && byName.lockedUntil > t) return { allowed: false, scope: 'name', retryAfterS: Math.ceil((byName.lockedUntil - t) / 1000) };
    const byAddress = this.addresses.get(address);
    if (byAddress && byAddress.lockedUntil > t) return { allowed: false, scope: 'address', retryAfterS: Math.ceil((byAddress.lockedUntil - t) / 1000) };
    return { allowed: true };
  }

  failed(name: string, address: string): void {
    this.count(this.names, name, this.limits.perName);
    this.count(this.addresses, address, this.limits.perAddress);
  }

  /** A right password clears the name's failures (not the address's: one good account must not shield guessing at others). */
  succeeded(name: string): void {
    this.names.delete(name);
  }

  /** Names locked now, for the administrator. */
  lockouts(): Lockout[] {
    const t = this.now();
    return [...this.names].filter(([, r]) => r.lockedUntil > t).map(([name, r]) => ({ name, lockedUntil: r.lockedUntil, failures: r.failures.length }));
  }

  /** The administrator lifts a name's lock; true if there was one. */
  lift(name: string): boolean {
    const had = (this.names.get(name)?.lockedUntil ?? 0) > this.now();
    this.names.delete(name);
    return had;
  }

  private count(map: Map<string, Record>, key: string, limit: number): void {
    const t = this.now();
    if (map.size >= MAX_TRACKED) for (const [k, r] of map) if (r.lockedUntil <= t && (r.failures.at(-1) ?? 0) <= t - this.limits.windowMs) map.delete(k);
    const r = map.get(key) ?? { failures: [], lockedUntil: 0 };
    r.failures = [...r.failures.filter((f) => f > t - this.limits.windowMs), t].slice(-limit);
    if (r.failures.length >= limit) r.lockedUntil = t + this.limits.lockMs;
    map.set(key, r);
  }
}
