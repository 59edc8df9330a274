/** Each role's screen. */
import { Match, Switch, lazy } from 'solid-js';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { withParts } from '../i18n/translate.ts';
import { SCREEN_PARTS } from '../i18n/parts.ts';
import type { JobRole } from '../../couch-design/roles.ts';

/** A role's screen chunk and its strings, both here before it renders. */
const screen = <T,>(role: JobRole, load: () => Promise<T>): Promise<T> => withParts(SCREEN_PARTS[role], load);

// Every screen is its own chunk, fetched when its route opens: a device loads its own role's
// screen and strings only, the others stay precached for offline use (docs/ARCHITECTURE.md, "First load").
const ReceptionScreen = lazy(() => screen('reception', () => import('./ReceptionScreen.tsx')).then((m) => ({ default: m.ReceptionScreen })));
const KioskScreen = lazy(() => screen('kiosk', () => import('./KioskScreen.tsx')).then((m) => ({ default: m.KioskScreen })));
const DisplayScreen = lazy(() => screen('display', () => import('./DisplayScreen.tsx')).then((m) => ({ default: m.DisplayScreen })));
const CounterScreen = lazy(() => screen('counter', () => import('./CounterScreen.tsx')).then((m) => ({ default: m.CounterScreen })));
const CashDeskScreen = lazy(() => screen('cashier', () => import('./cash/CashDeskScreen.tsx')).then((m) => ({ default: m.CashDeskScreen })));
const SupervisorScreen = lazy(() => screen('supervisor', () => import('./supervisor/SupervisorScreen.tsx')).then((m) => ({ default: m.SupervisorScreen })));
const BackofficeScreen = lazy(() => screen('backoffice', () => import('./backoffice/BackofficeScreen.tsx')).then((m) => ({ default: m.BackofficeScreen })));
const AdminScreen = lazy(() => screen('admin', () => import('./admin/AdminScreen.tsx')).then((m) => ({ default: m.AdminScreen })));

const SCREENS = { reception: ReceptionScreen, kiosk: KioskScreen, display: DisplayScreen, counter: CounterScreen, cashier: CashDeskScreen, supervisor: SupervisorScreen, backoffice: BackofficeScreen, admin: AdminScreen } as const;

/** Starts fetching a screen's chunk now (at start-up, while the session is resumed). */
export function preloadScreen(screen: JobRole): void {
  void SCREENS[screen].preload();
}

export function RoleScreen(props: { screen: JobRole }) {
  return (
    <Switch>
      <Match when={props.screen === 'reception'}>
        <ReceptionScreen />
      </Match>
      <Match when={props.screen === 'kiosk'}>
        <KioskScreen />
      </Match>
      <Match when={props.screen === 'display'}>
        <DisplayScreen />
      </Match>
      <Match when={props.screen === 'counter'}>
        <CounterScreen />
      </Match>
      <Match when={props.screen === 'cashier'}>
        <CashDeskScreen />
      </Match>
      <Match when={props.screen === 'supervisor'}>
        <SupervisorScreen />
      </Match>
      <Match when={props.screen === 'backoffice'}>
        <BackofficeScreen />
      </Match>
      <Match when={props.screen === 'admin'}>
        <AdminScreen />
      </Match>
    </Switch>
  );
}

export function NoRoleScreen() {
  const { t } = useI18n();
  return (
    <section class="screen" data-testid="screen-none">
      <h1>{t('screen.none.title')}</h1>
      <p>{t('screen.none.body')}</p>
    </section>
  );
}
