/** The message left by the role guard when it sent the user back to their own screen. */
import { Show, createSignal, createEffect } from 'solid-js';
import { useLocation } from '../routing/Router.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { isJobRole } from '../../couch-design/roles.ts';
import { Button } from '../ui/Button.tsx';

export interface GuardState {
  readonly denied?: string;
}

export function GuardNotice() {
  const { t } = useI18n();
  const location = useLocation<GuardState>();
  const [hidden, setHidden] = createSignal(false);
  createEffect(() => {
    void location.state;
    setHidden(false);
  });
  const denied = () => {
    const screen = location.state?.denied;
    return !hidden() && screen && isJobRole(screen) ? screen : null;
  };
  return (
    <Show when={denied()}>
      {(screen) => (
        <div class="notice notice-warn guard-notice" role="alert" data-testid="guard-notice">
          <span>{t('guard.denied', { screen: t(`screen.${screen()}.title`) })}</span>
          <Button variant="quiet" onClick={() => setHidden(true)}>
            {t('notice.dismiss')}
          </Button>
        </div>
      )}
    </Show>
  );
}
