/**
 * Header of the staff screens: the institution's logo, app, branch and user chips, locale and sign-out on the first row;
 * the screens the user's roles open, the printer and the sync indicator on the second.
 */
import { For, Show, createResource, onCleanup } from 'solid-js';
import { A, useNavigate } from '../routing/Router.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useAuth } from '../auth/AuthProvider.tsx';
import { SCREEN_PATHS, screensFor } from '../auth/landing.ts';
import { PRINTER_PATH } from '../printing/print-receipt.ts';
import { branchOfRoles } from '../../couch-design/roles.ts';
import type { Branch } from '../../couch-design/types/branch.ts';
import { useData } from '../data/DataProvider.tsx';
import { LocaleSwitch } from './LocaleSwitch.tsx';
import { SyncIndicator } from './SyncIndicator.tsx';
import { Button } from '../ui/Button.tsx';
import { StatusChip } from '../ui/StatusChip.tsx';

export function AppHeader() {
  const { t } = useI18n();
  const auth = useAuth();
  const navigate = useNavigate();
  const roles = () => auth.user()?.roles ?? [];
  const branch = () => branchOfRoles(roles());
  const { layer, logoUrl } = useData();
  // The name comes from the reference replica; until it has synced, the code alone.
  const [branchDoc, { refetch }] = createResource(branch, (code) => layer.get<Branch>('ref', `branch:${code}`).catch(() => null));
  const retry = setInterval(() => (branchDoc() ? clearInterval(retry) : void refetch()), 5_000);
  onCleanup(() => clearInterval(retry));
  const branchLabel = () => {
    const code = branch()!.toUpperCase();
    const name = branchDoc()?.name;
    return name ? t('header.branchNamed', { name, code }) : t('header.branch', { code });
  };
  const screens = () => screensFor(roles());
  const signOut = async () => {
    await auth.signOut();
    navigate('/signin', { replace: true });
  };
  return (
    <header class="app-header">
      <div class="app-header-row">
        {/* The institution's logo from this device's fo_ref replica, live (issue 14); the app's mark until there is one. */}
        <Show when={logoUrl()} fallback={<span class="brand-mark" aria-hidden="true" data-testid="header-mark">FO</span>}>
          {(src) => <img class="brand-logo" src={src()} alt={t('header.logo')} data-testid="header-logo" />}
        </Show>
        <strong class="app-name">{t('app.name')}</strong>
        <StatusChip tone="info" testId="header-branch">
          {branch() ? branchLabel() : t('header.hq')}
        </StatusChip>
        <StatusChip tone={auth.user()?.offline ? 'warn' : 'neutral'} testId="header-user">
          {t('header.user', { name: auth.user()?.name ?? '' })}
          <Show when={auth.user()?.offline}>
            {' · '}
            {t('header.offlineSession')}
          </Show>
        </StatusChip>
        <span class="spacer" />
        <LocaleSwitch />
        <Button testId="signout" onClick={() => void signOut()}>
          {t('header.signOut')}
        </Button>
      </div>
      <div class="app-header-row app-header-nav">
        <nav aria-label={t('header.nav')} class="role-nav" data-testid={screens().length > 1 ? 'role-nav' : undefined}>
          <Show when={screens().length > 1}>
            <For each={screens()}>
              {(screen) => (
                <A href={SCREEN_PATHS[screen]} class="nav-link" activeClass="active" data-testid={`nav-${screen}`}>
                  {t(`screen.${screen}.title`)}
                </A>
              )}
            </For>
          </Show>
          <A href={PRINTER_PATH} class="nav-link" activeClass="active" data-testid="nav-printing">
            {t('printing.nav')}
          </A>
        </nav>
        <span class="spacer" />
        <SyncIndicator />
      </div>
    </header>
  );
}
