/**
 * A disabled user's offline sign-in stops on each device at its next sync (issue 14): whenever
 * this device has a server session, it asks which of the names it holds verifiers for may no
 * longer sign in (disabled or removed: `POST /api/users/standing`) and forgets those verifiers.
 * Until then — a device that never reaches the server — the verifier still opens it: the
 * limit of any offline sign-in, written down in docs/ADMIN.md.
 */
import type { VerifierStore } from './verifier-store.ts';
import { callServer } from './server-call.ts';

/** The server's limit per request. */
const CHUNK = 50;

/** Asks the server; null when it could not answer (the next sync asks again). */
export type AskStanding = (names: readonly string[]) => Promise<readonly string[] | null>;

/** Removes the revoked names' verifiers and returns those names. */
export async function sweepVerifiers(store: VerifierStore, ask: AskStanding): Promise<string[]> {
  const names = store.names();
  const revoked: string[] = [];
  for (let i = 0; i < names.length; i += CHUNK) {
    const answer = await ask(names.slice(i, i + CHUNK));
    if (answer === null) break;
    for (const name of answer) {
      if (!names.includes(name)) continue; // only what was asked
      store.remove(name);
      revoked.push(name);
    }
  }
  return revoked;
}

export const askStanding: AskStanding = async (names) => {
  const res = await callServer('POST', '/api/users/standing', { names }, 10_000);
  const revoked = res.reachable && res.ok ? res.body?.revoked : undefined;
  return Array.isArray(revoked) ? revoked.filter((n): n is string => typeof n === 'string') : null;
};
