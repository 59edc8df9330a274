/**
 * Sign-in: online against CouchDB, offline from this device's verifier. One form, one primary
 * action; a refusal or a missing field is said at the top (read out at once) and on the field,
 * with what to do. The submit runs through an action guard: a double press signs in once.
 */
import { Show, createSignal, onCleanup } from 'solid-js';
import { A, useNavigate } from '../routing/Router.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { errorText } from '../i18n/reasons.ts';
import { useAuth } from '../auth/AuthProvider.tsx';
import { landingPath } from '../auth/landing.ts';
import { BrandBar } from '../layout/BrandBar.tsx';
import { createActionGuard, guardedSubmit } from '../ui/action-guard.ts';
import { Button } from '../ui/Button.tsx';
import { Field } from '../ui/Field.tsx';
import { Notice } from '../ui/Notice.tsx';

export function SignIn() {
  const { t } = useI18n();
  const auth = useAuth();
  const navigate = useNavigate();
  const guard = createActionGuard();
  const [name, setName] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const [missing, setMissing] = createSignal<{ name: boolean; password: boolean }>({ name: false, password: false });
  const [online, setOnline] = createSignal(navigator.onLine);
  const update = () => setOnline(navigator.onLine);
  window.addEventListener('online', update);
  window.addEventListener('offline', update);
  onCleanup(() => {
    window.removeEventListener('online', update);
    window.removeEventListener('offline', update);
  });

  const message = () => {
    const code = error();
    if (code === 'missing') return t('signin.missing');
    return code ? errorText(t, code) : auth.notice() ? errorText(t, auth.notice()!) : null;
  };

  async function submit() {
    const lacking = { name: !name().trim(), password: !password() };
    setMissing(lacking);
    if (lacking.name || lacking.password) return void setError('missing');
    setError(null);
    try {
      const result = await auth.signIn(name(), password());
      if (result.ok) {
        setPassword('');
        navigate(landingPath(result.user.roles), { replace: true });
      } else {
        setError(result.code);
      }
    } catch {
      setError('unknown');
    }
  }

  return (
    <main id="main" class="signin">
      <div class="signin-box">
        <BrandBar />
        <form class="panel signin-panel" onSubmit={guardedSubmit(guard, submit)} novalidate data-testid="signin-form">
          <h1>{t('signin.title')}</h1>
          <p class="signin-intro">{t('signin.intro')}</p>
          <Show when={!online()}>
            <Notice tone="warn" testId="signin-offline">{t('signin.offlineHint')}</Notice>
          </Show>
          <Show when={message()}>{(text) => <Notice tone="error" testId="signin-error">{text()}</Notice>}</Show>
          <Field label={t('signin.name')} error={missing().name ? t('signin.nameMissing') : null}>
            {(ids) => (
              <input
                id={ids.id}
                data-testid="signin-name"
                name="username"
                autocomplete="username"
                autocapitalize="none"
                spellcheck={false}
                required
                aria-describedby={ids.describedBy}
                aria-invalid={ids.invalid || undefined}
                value={name()}
                onInput={(e) => setName(e.currentTarget.value)}
              />
            )}
          </Field>
          <Field label={t('signin.password')} error={missing().password ? t('signin.passwordMissing') : null}>
            {(ids) => (
              <input
                id={ids.id}
                data-testid="signin-password"
                name="password"
                type="password"
                autocomplete="current-password"
                required
                aria-describedby={ids.describedBy}
                aria-invalid={ids.invalid || undefined}
                value={password()}
                onInput={(e) => setPassword(e.currentTarget.value)}
              />
            )}
          </Field>
          <Button type="submit" variant="primary" size="large" block testId="signin-submit" disabled={guard.busy()}>
            {guard.busy() ? t('signin.busy') : t('signin.submit')}
          </Button>
          <p class="enrol-alt">
            <A href="/enrol" data-testid="signin-enrol-link">{t('enrol.link')}</A>
          </p>
        </form>
      </div>
    </main>
  );
}
