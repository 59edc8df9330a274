/**
 * The sign-in decision, online first, offline from the stored verifier. Pure apart from
 * its injected dependencies, so it is tested without a server.
 */
import type { SessionAnswer } from './couch-session.ts';
import type { Verifier, VerifierStore } from './verifier-store.ts';

export interface SessionUser {
  readonly name: string;
  readonly roles: readonly string[];
  /** Signed in from the local verifier: no CouchDB session yet. */
  readonly offline: boolean;
}

export type SignInFailure = 'unauthorized' | 'account_disabled' | 'unreachable' | 'offline_unknown_user' | 'server' | 'throttled';
export type SignInResult = { readonly ok: true; readonly user: SessionUser } | { readonly ok: false; readonly code: SignInFailure };

export interface SignInDeps {
  online(): boolean;
  postSession(name: string, password: string): Promise<SessionAnswer>;
  store: VerifierStore;
  derive(name: string, roles: readonly string[], password: string): Promise<Verifier>;
  check(verifier: Verifier, password: string): Promise<boolean>;
  /** WebCrypto needs a secure context (https or localhost); without it there is no offline sign-in. */
  cryptoAvailable(): boolean;
}

export async function signIn(rawName: string, password: string, deps: SignInDeps): Promise<SignInResult> {
  const name = rawName.trim();
  // Why we fall back to the verifier: the device says it is offline, or the server did not answer.
  let outage: SignInFailure = 'offline_unknown_user';
  if (deps.online()) {
    const answer = await deps.postSession(name, password);
    if (answer.kind === 'ok') {
      const user = { name: answer.name ?? name, roles: answer.roles, offline: false };
      if (deps.cryptoAvailable()) {
        try {
          deps.store.save(await deps.derive(user.name, user.roles, password));
        } catch {
          // storage full or crypto refused: online sign-in still stands, offline one won't work
        }
      }
      return { ok: true, user };
    }
    if (answer.kind === 'unauthorized') {
      // The server refuses a password the device still accepts: it was changed or the user
      // removed; forget the verifier so the old password no longer opens the device offline.
      const stored = deps.store.load(name);
      if (stored && deps.cryptoAvailable() && (await deps.check(stored, password))) deps.store.remove(name);
      return { ok: false, code: 'unauthorized' };
    }
    if (answer.kind === 'disabled') {
      // Whatever the password typed: this name must not open the device offline either.
      deps.store.remove(name);
      return { ok: false, code: 'account_disabled' };
    }
    // The server answered: too many failures. Signing in from the verifier instead would undo the lock.
    if (answer.kind === 'throttled') return { ok: false, code: 'throttled' };
    outage = answer.kind;
  }
  const verifier = deps.store.load(name);
  if (!verifier || !deps.cryptoAvailable()) return { ok: false, code: outage };
  if (!(await deps.check(verifier, password))) return { ok: false, code: 'unauthorized' };
  return { ok: true, user: { name: verifier.name, roles: verifier.roles, offline: true } };
}
