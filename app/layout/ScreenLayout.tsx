/**
 * The frame around a signed-in screen. Staff screens get the header; kiosk and display are
 * full-screen (no chrome, large type) with only a discreet sync indicator in a corner. Each
 * screen gets its own action guard (one action in flight at a time) and toast area. On a
 * device's first sign-in the screen waits behind "Preparing this device…" until the reference
 * data it needs is local (PrepareDevice).
 */
import { Show, type JSX } from 'solid-js';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { ActionGuardContext, createActionGuard } from '../ui/action-guard.ts';
import { ToastHost } from '../ui/Toasts.tsx';
import { AppHeader } from './AppHeader.tsx';
import { FirstSyncProgress, PrepareDevice } from './FirstSyncProgress.tsx';
import { GuardNotice } from './GuardNotice.tsx';
import { SyncIndicator } from './SyncIndicator.tsx';

export function ScreenLayout(props: { fullScreen: boolean; children: JSX.Element }) {
  const { t } = useI18n();
  return (
    <ActionGuardContext.Provider value={createActionGuard()}>
      <ToastHost dismissLabel={t('ui.dismiss')}>
        <Show
          when={!props.fullScreen}
          fallback={
            <div class="fullscreen">
              <main id="main" class="fullscreen-main">
                <PrepareDevice>
                  <FirstSyncProgress />
                  {props.children}
                </PrepareDevice>
              </main>
              <div class="fullscreen-sync">
                <SyncIndicator compact />
              </div>
            </div>
          }
        >
          <a class="skip-link" href="#main">
            {t('app.skip')}
          </a>
          <AppHeader />
          <GuardNotice />
          <main id="main" class="staff-main" tabindex="-1">
            <PrepareDevice>
              <FirstSyncProgress />
              {props.children}
            </PrepareDevice>
          </main>
        </Show>
      </ToastHost>
    </ActionGuardContext.Provider>
  );
}
