/** Sign-in: online against CouchDB, offline from this device's verifier. */
import { Show, createSignal, onCleanup } from 'solid-js';
import { useNavigate } from '@solidjs/router';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { errorText } from '../i18n/reasons.ts';
import { useAuth } from '../auth/AuthProvider.tsx';
import { landingPath } from '../auth/landing.ts';
import { LocaleSwitch } from '../layout/LocaleSwitch.tsx';

export function SignIn() {
  const { t } = useI18n();
  const auth = useAuth();
  const navigate = useNavigate();
  const [name, setName] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
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

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    if (!name().trim() || !password()) return void setError('missing');
    setBusy(true);
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
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" class="signin-page">
      <div class="signin-top">
        <strong class="app-name">{t('app.name')}</strong>
        <LocaleSwitch />
      </div>
      <form class="signin-card" onSubmit={submit} novalidate data-testid="signin-form">
        <h1>{t('signin.title')}</h1>
        <p>{t('signin.intro')}</p>
        <Show when={!online()}>
          <p class="hint" data-testid="signin-offline">{t('signin.offlineHint')}</p>
        </Show>
        <label for="signin-name">{t('signin.name')}</label>
        <input
          id="signin-name"
          data-testid="signin-name"
          name="username"
          autocomplete="username"
          autocapitalize="none"
          spellcheck={false}
          required
          value={name()}
          onInput={(e) => setName(e.currentTarget.value)}
        />
        <label for="signin-password">{t('signin.password')}</label>
        <input
          id="signin-password"
          data-testid="signin-password"
          name="password"
          type="password"
          autocomplete="current-password"
          required
          value={password()}
          onInput={(e) => setPassword(e.currentTarget.value)}
        />
        <Show when={message()}>
          <p class="form-error" role="alert" data-testid="signin-error">
            {message()}
          </p>
        </Show>
        <button type="submit" class="button primary large" data-testid="signin-submit" disabled={busy()} aria-busy={busy()}>
          {busy() ? t('signin.busy') : t('signin.submit')}
        </button>
      </form>
    </main>
  );
}
