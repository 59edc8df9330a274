/**
 * Whether a branch server reaches head office: a GET of the branch's database there, with the
 * credentials of CENTRAL_URL, as its replication does. /health is public, so one probe at a
 * time and its answer is kept a few seconds: calling /health in a loop does not make the
 * server call head office in a loop.
 */
export interface LinkReport {
  state: 'up' | 'down';
  /** Why it is down: an HTTP status or a network error. */
  detail?: string;
  checkedAt: string;
}

export interface LinkProbeOptions {
  /** How long an answer is reused. */
  ttlMs?: number;
  timeoutMs?: number;
}

/** `url` may carry credentials (`https://user:pw@ho.example/db/fo_branch_dla`); fetch wants them as a header. */
function request(url: string): { href: string; headers: Record<string, string> } {
  const u = new URL(url);
  const headers: Record<string, string> = {};
  if (u.username || u.password) {
    const cred = `${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}`;
    headers.authorization = 'Basic ' + Buffer.from(cred).toString('base64');
    u.username = '';
    u.password = '';
  }
  return { href: u.toString(), headers };
}

export function centralLinkProbe(url: string, opts: LinkProbeOptions = {}): () => Promise<LinkReport> {
  const ttlMs = opts.ttlMs ?? 10_000;
  const timeoutMs = opts.timeoutMs ?? 5_000;
  const { href, headers } = request(url);
  let last: { report: LinkReport; at: number } | null = null;
  let pending: Promise<LinkReport> | null = null;

  const probe = async (): Promise<LinkReport> => {
    const checkedAt = new Date().toISOString();
    try {
      const res = await fetch(href, { headers, signal: AbortSignal.timeout(timeoutMs) });
      await res.body?.cancel();
      return res.ok ? { state: 'up', checkedAt } : { state: 'down', detail: `HTTP ${res.status}`, checkedAt };
    } catch (err) {
      const e = err as Error & { cause?: { code?: string } };
      return { state: 'down', detail: e.cause?.code ?? e.name, checkedAt };
    }
  };

  return () => {
    if (last && Date.now() - last.at < ttlMs) return Promise.resolve(last.report);
    pending ??= probe().then((report) => {
      last = { report, at: Date.now() };
      pending = null;
      return report;
    });
    return pending;
  };
}
