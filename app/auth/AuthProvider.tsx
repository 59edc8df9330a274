/**
 * Who is signed in. Online sign-in opens a CouchDB cookie session; offline sign-in checks the
 * stored verifier. The typed password is kept in memory only (never stored), so the session
 * can be re-established silently when the link returns or the cookie expires.
 */
import { createContext, createEffect, createSignal, on, onCleanup, onMount, useContext, type Accessor, type JSX } from 'solid-js';
import { deleteSession, getSession, postSession, type SessionAnswer } from './couch-session.ts';
import type { SessionUser, SignInResult } from './sign-in.ts';
import { cryptoAvailable, storageVerifierStore } from './verifier-store.ts';
import { resumeRecord, storageResumeStore, usableRecord } from './resume.ts';
import { askStanding, sweepVerifiers } from './verifier-sweep.ts';
import { enrolDevice, storageDeviceMarker, type DeviceMarker } from './enrol-client.ts';
import { isEnrolledDevice } from './enrol-rules.ts';
import { startHeartbeat } from './device-heartbeat.ts';

const RECONNECT_EVERY_MS = 20_000;
/** How often an online device asks which of its offline users were disabled (besides at each new session). */
const SWEEP_EVERY_MS = 5 * 60_000;

export interface Auth {
  readonly user: Accessor<SessionUser | null>;
  /** False until the first GET /db/_session has answered (or timed out). */
  readonly ready: Accessor<boolean>;
  /** A reason code to show on the sign-in screen (e.g. 'session_expired'). */
  readonly notice: Accessor<string | null>;
  /** Bumped each time a CouchDB session is (re)established: replication restarts on it. */
  readonly sessionEpoch: Accessor<number>;
  /**
   * A staff user this device reopens on after a restart without the server (within their
   * working day): only their password is asked (`unlock`), checked like an offline sign-in.
   */
  readonly locked: Accessor<{ readonly name: string } | null>;
  signIn(name: string, password: string): Promise<SignInResult>;
  /** The locked user's password; on success the screen under the lock opens. */
  unlock(password: string): Promise<SignInResult>;
  /** Not this user: forget the lock and show the sign-in form. */
  dropLock(): void;
  signOut(notice?: string): Promise<void>;
  /** Re-open the CouchDB session with the remembered password (silent; no-op when impossible now). */
  reconnect(): Promise<void>;
  /** This device's enrolment, if it was ever enrolled (docs/ADMIN.md, Devices). */
  readonly device: Accessor<DeviceMarker | null>;
  /** Enrols this device with a code and signs its new account in; a refusal's reason code otherwise. */
  enrol(code: string): Promise<SignInResult | { readonly ok: false; readonly code: string }>;
}

const AuthContext = createContext<Auth>();
/**
 * The sign-in decision and the PBKDF2 code: needed at a sign-in, an unlock or a new session,
 * not to resume one, so out of the first load; fetched right after the start (below) so that
 * a device that loses the network later still has them without a service worker.
 */
const signInCode = () => Promise.all([import('./sign-in.ts'), import('./verifier.ts')]);
/** When sign-out looks again for a session brought back by a late answer. */
const SIGN_OUT_CHECKS_MS = [0, 300, 1000, 2500];

export function AuthProvider(props: { children: JSX.Element }) {
  const [user, setUser] = createSignal<SessionUser | null>(null);
  const [ready, setReady] = createSignal(false);
  const [notice, setNotice] = createSignal<string | null>(null);
  const [sessionEpoch, setSessionEpoch] = createSignal(0);
  const [locked, setLocked] = createSignal<{ readonly name: string } | null>(null);
  const store = storageVerifierStore(localStorage);
  const resume = storageResumeStore(localStorage);
  const markers = storageDeviceMarker(localStorage);
  const [device, setDevice] = createSignal<DeviceMarker | null>(markers.load());
  /** The reason to show when the server refuses this account: an enrolled device was revoked. */
  const refusedCode = (name: string, disabled: boolean): string => {
    const marker = device();
    if (disabled && marker?.name === name) {
      const revoked = { name, state: 'revoked' } as const;
      markers.save(revoked);
      setDevice(revoked);
      return 'device_revoked';
    }
    return disabled ? 'account_disabled' : 'session_expired';
  };
  let password: string | null = null; // memory only
  let reconnecting: Promise<void> | null = null;

  async function signIn(name: string, typed: string): Promise<SignInResult> {
    const [{ signIn: decide }, { deriveVerifier, checkPassword }] = await signInCode();
    const deps = { online: () => navigator.onLine, postSession, store, derive: deriveVerifier, check: checkPassword, cryptoAvailable };
    const result = await decide(name, typed, deps);
    if (result.ok) {
      password = typed;
      setNotice(null);
      setLocked(null);
      resume.save(resumeRecord(result.user, typed, Date.now()));
      // Epoch first: the data layer mounts with the user and starts replication once, not twice.
      if (!result.user.offline) setSessionEpoch((n) => n + 1);
      setUser(result.user);
    }
    return result;
  }

  async function signOut(code?: string) {
    password = null;
    resume.clear(); // the next start without the server shows the sign-in form
    setLocked(null);
    setUser(null); // closes the data layer, which aborts its requests
    setNotice(code ?? null);
    // Best effort: offline, the cookie simply expires. An answer to a request aborted just now
    // can still land after the DELETE with a renewed cookie (the server renews it in every
    // answer, and a long-poll sends its headers before its body): look again for a few
    // seconds and delete again, unless someone has signed in meanwhile.
    if ((await deleteSession()).kind === 'ok') void sweepLateSession();
  }

  async function sweepLateSession() {
    for (const wait of SIGN_OUT_CHECKS_MS) {
      await new Promise((resolve) => setTimeout(resolve, wait));
      if (user() !== null) return;
      const after = await getSession();
      if (after.kind !== 'ok') return;
      if (after.name !== null && user() === null && (await deleteSession()).kind !== 'ok') return;
    }
  }

  async function reconnectOnce() {
    const current = user();
    if (!current) return;
    if (password === null) return void (await signOut('session_expired'));
    const answer = await postSession(current.name, password);
    if (answer.kind === 'ok') {
      const roles = answer.roles;
      resume.save(resumeRecord({ name: current.name, roles }, password, Date.now()));
      setUser({ name: current.name, roles, offline: false });
      setSessionEpoch((n) => n + 1);
      if (cryptoAvailable() && roles.join() !== current.roles.join()) {
        const typed = password;
        signInCode().then(([, { deriveVerifier }]) => deriveVerifier(current.name, roles, typed)).then(store.save, () => undefined);
      }
    } else if (answer.kind === 'unauthorized' || answer.kind === 'disabled') {
      store.remove(current.name); // the password was changed, the user removed or disabled
      await signOut(refusedCode(current.name, answer.kind === 'disabled'));
    } else if (!current.offline) {
      // unreachable or server error: without a session we are offline; the timer tries again
      setUser({ ...current, offline: true });
    }
  }

  function reconnect(): Promise<void> {
    reconnecting ??= reconnectOnce().finally(() => (reconnecting = null));
    return reconnecting;
  }

  /** Opens a server session for a device account with its remembered password. */
  async function resumeDevice(name: string, secret: string): Promise<boolean> {
    const answer = await postSession(name, secret);
    if (answer.kind === 'ok') {
      password = secret;
      setUser({ name: answer.name ?? name, roles: answer.roles, offline: false });
      setSessionEpoch((n) => n + 1);
      return true;
    }
    if (answer.kind === 'unauthorized' || answer.kind === 'disabled') {
      resume.clear(); // its password changed or it was disabled: someone must sign it in
      setNotice(refusedCode(name, answer.kind === 'disabled'));
    }
    return false;
  }

  /**
   * Start-up. With the server: its session decides, as before (a device account whose cookie
   * expired signs in again by itself). Without it: the remembered sign-in reopens the screen
   * (issue 9 item 10) — a device account at once, a staff user after the unlock.
   */
  async function start() {
    // A device that knows it is offline does not wait for the session request to fail.
    const answer: SessionAnswer = navigator.onLine ? await getSession(4_000) : { kind: 'unreachable' };
    if (user() !== null) return;
    const record = usableRecord(resume.load(), Date.now());
    if (answer.kind === 'ok') {
      if (answer.name !== null) {
        // A device account keeps its password at hand, to reopen its session when this one ends.
        if (record?.kind === 'device' && record.name === answer.name) password = record.secret;
        setUser({ name: answer.name, roles: answer.roles, offline: false });
        setSessionEpoch((n) => n + 1);
      } else if (record?.kind === 'device' && !(await resumeDevice(record.name, record.secret)) && resume.load()) {
        // The server could not open the session now (not a refusal): work offline, retry later.
        password = record.secret;
        setUser({ name: record.name, roles: record.roles, offline: true });
      }
      return;
    }
    if (answer.kind !== 'unreachable' && answer.kind !== 'server') return;
    if (record?.kind === 'device') {
      password = record.secret; // to open the server session when the link returns
      setUser({ name: record.name, roles: record.roles, offline: true });
    } else if (record?.kind === 'staff' && store.load(record.name) && cryptoAvailable()) {
      setLocked({ name: record.name });
    }
  }

  onMount(() => void start().finally(() => {
    setReady(true);
    void signInCode().catch(() => undefined);
  }));

  async function unlock(typed: string): Promise<SignInResult> {
    const current = locked();
    if (!current) return { ok: false, code: 'offline_unknown_user' };
    return signIn(current.name, typed);
  }

  function dropLock() {
    resume.clear();
    setLocked(null);
  }

  /** With a server session: forget the offline verifiers of disabled users; sign out if that is this user. */
  async function sweep() {
    const current = user();
    if (!current || current.offline) return;
    const revoked = await sweepVerifiers(store, askStanding);
    if (revoked.includes(current.name) && user()?.name === current.name) await signOut(refusedCode(current.name, true));
  }
  // Each new server session of a user: keyed on both, as the epoch moves before the user is set.
  const onlineSession = () => {
    const u = user();
    return u && !u.offline ? `${u.name}|${sessionEpoch()}` : null;
  };
  createEffect(on(onlineSession, (key) => void (key !== null && sweep())));
  const sweepTimer = setInterval(() => void sweep(), SWEEP_EVERY_MS);
  onCleanup(() => clearInterval(sweepTimer));

  const retryIfOffline = () => {
    if (user()?.offline && navigator.onLine) void reconnect();
  };
  window.addEventListener('online', retryIfOffline);
  const timer = setInterval(retryIfOffline, RECONNECT_EVERY_MS);
  onCleanup(() => {
    window.removeEventListener('online', retryIfOffline);
    clearInterval(timer);
  });

  // An enrolled device reports itself (last contact, printer) while it has a server session.
  createEffect(
    on(onlineSession, (key) => {
      if (key === null || !isEnrolledDevice(user()?.roles ?? [])) return;
      onCleanup(startHeartbeat(() => void reconnect()));
    }),
  );

  async function enrol(code: string) {
    const answer = await enrolDevice(code);
    if (!answer.ok) return answer;
    const marker = { name: answer.name, state: 'enrolled' } as const;
    markers.save(marker);
    setDevice(marker);
    return signIn(answer.name, answer.password);
  }

  const auth: Auth = { user, ready, notice, sessionEpoch, locked, signIn, unlock, dropLock, signOut, reconnect, device, enrol };
  return <AuthContext.Provider value={auth}>{props.children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth() outside <AuthProvider>');
  return auth;
}
