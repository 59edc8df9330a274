/**
 * The short unlock of a staff device restarted without the server (issue 9 item 10): the
 * user is known, only the password is asked, checked against this device's offline verifier.
 * Shown in place of the screen that was open, which opens as soon as the password is right.
 */
import { Show, createSignal } from 'solid-js';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { errorText } from '../i18n/reasons.ts';
import { Button } from '../ui/Button.tsx';
import { Field } from '../ui/Field.tsx';
import { createActionGuard, guardedSubmit } from '../ui/action-guard.ts';
import { LocaleSwitch } from '../layout/LocaleSwitch.tsx';
import { useAuth } from './AuthProvider.tsx';

export function Unlock(props: { name: string }) {
  const { t } = useI18n();
  const auth = useAuth();
  const guard = createActionGuard();
  const [password, setPassword] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);

  const submit = guardedSubmit(guard, async () => {
    if (!password()) return void setError(t('unlock.missing'));
    setError(null);
    const result = await auth.unlock(password()).catch(() => ({ ok: false as const, code: 'unknown' }));
    if (result.ok) setPassword('');
    else setError(errorText(t, result.code));
  });

  return (
    <main id="main" class="signin-page">
      <div class="signin-top">
        <strong class="app-name">{t('app.name')}</strong>
        <LocaleSwitch />
      </div>
      <form class="signin-card" onSubmit={submit} novalidate data-testid="unlock-form">
        <h1>{t('unlock.title')}</h1>
        <p data-testid="unlock-user">{t('unlock.intro', { name: props.name })}</p>
        <p class="hint">{t('unlock.offline')}</p>
        {/* For password managers and screen readers: whose password this is. */}
        <input type="text" name="username" autocomplete="username" value={props.name} readonly hidden />
        <Field label={t('signin.password')} error={error()}>
          {(ids) => (
            <input
              id={ids.id}
              aria-describedby={ids.describedBy}
              aria-invalid={ids.invalid}
              data-testid="unlock-password"
              name="password"
              type="password"
              autocomplete="current-password"
              autofocus
              required
              value={password()}
              onInput={(e) => setPassword(e.currentTarget.value)}
            />
          )}
        </Field>
        <Show when={error()}>
          <p class="visually-hidden" role="alert" data-testid="unlock-error">{error()}</p>
        </Show>
        <Button type="submit" variant="primary" size="large" block testId="unlock-submit" disabled={guard.busy()}>
          {t('unlock.submit')}
        </Button>
        <Button variant="quiet" testId="unlock-other" onClick={() => auth.dropLock()}>
          {t('unlock.other')}
        </Button>
      </form>
    </main>
  );
}
