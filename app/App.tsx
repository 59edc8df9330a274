/** Providers, routes and the role guard. */
import { Match, Show, Switch, createEffect, createMemo, lazy, type JSX } from 'solid-js';
import { Navigate, Router, useSearchParams } from './routing/Router.tsx';
import { routeKey } from './routing/paths.ts';
import { I18nProvider, useI18n } from './i18n/I18nProvider.tsx';
import { AuthProvider, useAuth } from './auth/AuthProvider.tsx';
import { NO_ROLE_PATH, SCREEN_PATHS, canOpen, isFullScreen, landingPath, screenOfPath } from './auth/landing.ts';
import { DataProvider, preloadData } from './data/DataProvider.tsx';
import { createUpdatePrompt } from './pwa/update.ts';
import { UpdateBanner } from './pwa/UpdateBanner.tsx';
import { ScreenLayout } from './layout/ScreenLayout.tsx';
import type { GuardState } from './layout/GuardNotice.tsx';
import { NoRoleScreen, RoleScreen, preloadScreen } from './screens/RoleScreen.tsx';
import { ENROL_PATH } from './auth/enrol-rules.ts';
import { mustChangePassword } from './admin/account-flags.ts';
import { JOB_ROLES, type JobRole } from '../couch-design/roles.ts';
import { PRINTER_PATH } from './printing/print-receipt.ts';
import { VERIFY_PATH } from './certificates/verify-path.ts';
import { withParts } from './i18n/translate.ts';
import { FEATURE_PARTS } from './i18n/parts.ts';

// The forms before a screen, each its own chunk: a signed-in device's first load carries none
// of them (the service worker precaches them, so a locked device still unlocks offline).
const SignIn = lazy(() => import('./screens/SignIn.tsx').then((m) => ({ default: m.SignIn })));
const Enrol = lazy(() => import('./auth/Enrol.tsx').then((m) => ({ default: m.Enrol })));
const Unlock = lazy(() => import('./auth/Unlock.tsx').then((m) => ({ default: m.Unlock })));
const ChangePassword = lazy(() => import('./auth/ChangePassword.tsx').then((m) => ({ default: m.ChangePassword })));

// Loaded on first visit: the printing code stays out of the first load.
const PrinterSettings = lazy(() => withParts(FEATURE_PARTS.printerSettings, () => import('./printing/PrinterSettings.tsx')));
// Public, for third parties checking a paper: never in a staff device's first load.
const VerifyPage = lazy(() => withParts(FEATURE_PARTS.verify, () => import('./screens/verify/VerifyPage.tsx')).then((m) => ({ default: m.VerifyPage })));

function Root(props: { children: JSX.Element }) {
  const { t } = useI18n();
  const auth = useAuth();
  const update = createUpdatePrompt();
  // Where a sign-out leads: fetched once the start is settled, so it opens even if the network is gone by then.
  createEffect(() => void (auth.ready() && SignIn.preload()));
  // One data layer per user (and role set): switching screens keeps replication running.
  const userKey = createMemo(() => {
    const user = auth.user();
    return user ? `${user.name}|${user.roles.join(',')}` : null;
  });
  return (
    <>
      <UpdateBanner update={update} />
      <Show when={auth.ready()} fallback={<p class="loading">{t('app.loading')}</p>}>
        {/* A password set by an administrator: nothing else opens until the user chose their own. */}
        <Show when={mustChangePassword(auth.user()?.roles ?? []) ? auth.user()!.name : null} keyed fallback={
          <Show when={userKey()} keyed fallback={props.children}>
            {(_key) => <DataProvider>{props.children}</DataProvider>}
          </Show>
        }>
          {(name) => <ChangePassword name={name} />}
        </Show>
      </Show>
    </>
  );
}

/** A staff device restarted without the server: the unlock, in place of the screen that was open. */
function LockedOr(props: { fallback: JSX.Element }) {
  const auth = useAuth();
  return (
    <Show when={auth.locked()} keyed fallback={props.fallback}>
      {(locked) => <Unlock name={locked.name} />}
    </Show>
  );
}

/** Signed-in only; otherwise the unlock or the sign-in screen. */
function SignedIn(props: { children: (roles: readonly string[]) => JSX.Element }) {
  const auth = useAuth();
  return (
    <Show when={auth.user()} fallback={<LockedOr fallback={<Navigate href="/signin" />} />}>
      {(user) => props.children(user().roles)}
    </Show>
  );
}

/** The role guard: a screen the user's roles do not open sends them to their own, with a message. */
function GuardedScreen(props: { screen: JobRole }) {
  return (
    <SignedIn>
      {(roles) => (
        <Switch>
          <Match when={!canOpen(roles, props.screen)}>
            <Navigate href={landingPath(roles)} state={{ denied: props.screen } satisfies GuardState} />
          </Match>
          <Match when={true}>
            <ScreenLayout fullScreen={isFullScreen(props.screen)}>
              <RoleScreen screen={props.screen} />
            </ScreenLayout>
          </Match>
        </Switch>
      )}
    </SignedIn>
  );
}

function Home() {
  return <SignedIn>{(roles) => <Navigate href={landingPath(roles)} />}</SignedIn>;
}

function SignInRoute() {
  const auth = useAuth();
  const [params] = useSearchParams<{ with?: string }>();
  // An enrolled (or revoked) device goes back to enrolment, not to a password form.
  const signInForm = () => (auth.device() && params.with !== 'password' ? <Navigate href={ENROL_PATH} /> : <SignIn />);
  return (
    <Show when={auth.user()} fallback={<LockedOr fallback={signInForm()} />}>
      {(user) => <Navigate href={landingPath(user().roles)} />}
    </Show>
  );
}

function EnrolRoute() {
  const auth = useAuth();
  return (
    <Show when={auth.user()} fallback={<Enrol />}>
      {(user) => <Navigate href={landingPath(user().roles)} />}
    </Show>
  );
}

function NoRole() {
  return (
    <SignedIn>
      {() => (
        <ScreenLayout fullScreen={false}>
          <NoRoleScreen />
        </ScreenLayout>
      )}
    </SignedIn>
  );
}

/**
 * A device reopened on a role's screen (a kiosk after a power cut): its data layer and screen
 * chunks are fetched while the session is resumed, not one after the other once it is; the
 * sign-in or enrolment form likewise on their own address.
 */
function warmUp() {
  const path = routeKey(location.pathname);
  if (path === '/signin') return void SignIn.preload();
  if (path === ENROL_PATH) return void Enrol.preload();
  const screen = screenOfPath(location.pathname);
  if (!screen) return;
  preloadData();
  preloadScreen(screen);
  // A staff device started without the network opens on the unlock (AuthProvider): its form now, not after the session check.
  if (!navigator.onLine && !isFullScreen(screen)) void Unlock.preload();
}

/** Flat: a page per path (app/routing/paths.ts), any other path goes home. */
const ROUTES = {
  '/': Home,
  '/signin': SignInRoute,
  [ENROL_PATH]: EnrolRoute,
  [VERIFY_PATH]: VerifyPage,
  [NO_ROLE_PATH]: NoRole,
  ...Object.fromEntries(JOB_ROLES.map((screen) => [SCREEN_PATHS[screen], () => <GuardedScreen screen={screen} />])),
  [PRINTER_PATH]: () => <SignedIn>{() => <ScreenLayout fullScreen={false}><PrinterSettings /></ScreenLayout>}</SignedIn>,
};

export function App() {
  warmUp();
  return (
    <I18nProvider>
      <AuthProvider>
        <Router root={Root} routes={ROUTES} fallback={() => <Navigate href="/" />} />
      </AuthProvider>
    </I18nProvider>
  );
}
