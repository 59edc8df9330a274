/**
 * Wrong enrolment codes per network address: after `limit` failures within the window the
 * address waits. A code has about 99 bits, so this only keeps guessing noisy and slow; in
 * memory, like the sign-in throttle (a restart forgets it).
 */
const MAX_TRACKED = 10_000;

export class EnrolThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit = 10,
    private readonly windowMs = 15 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds to wait, 0 when the address may try. */
  check(address: string): number {
    const recent = this.recent(address);
    if (recent.length < this.limit) return 0;
    return Math.max(1, Math.ceil((recent[0]! + this.windowMs - this.now()) / 1000));
  }

  failed(address: string): void {
    if (this.failures.size >= MAX_TRACKED) this.failures.clear();
    this.failures.set(address, [...this.recent(address), this.now()]);
  }

  private recent(address: string): number[] {
    const since = this.now() - this.windowMs;
    return (this.failures.get(address) ?? []).filter((t) => t > since);
  }
}
