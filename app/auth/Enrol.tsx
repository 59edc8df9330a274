/**
 * "Enrol this device" (issue 14, devices): a kiosk or display gets its own account from a
 * one-time code, typed here or carried by the QR's address `/enrol#<code>` (then enrolment
 * starts at once). After that the device signs in by itself at each start; it comes back here
 * only when an administrator revokes it. One form, one primary action.
 */
import { Show, createSignal, onMount } from 'solid-js';
import { A, useNavigate } from '../routing/Router.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/translate.ts';
import { useAuth } from './AuthProvider.tsx';
import { landingPath } from './landing.ts';
import { normaliseCode } from './enrol-rules.ts';
import { BrandBar } from '../layout/BrandBar.tsx';
import { createActionGuard, guardedSubmit } from '../ui/action-guard.ts';
import { Button } from '../ui/Button.tsx';
import { Field } from '../ui/Field.tsx';
import { Notice } from '../ui/Notice.tsx';

const KNOWN = ['code_invalid', 'code_unknown', 'code_used', 'code_expired', 'throttled', 'unreachable'];

export function Enrol() {
  const { t } = useI18n();
  const auth = useAuth();
  const navigate = useNavigate();
  const guard = createActionGuard();
  const fromLink = decodeURIComponent(location.hash.slice(1));
  const [code, setCode] = createSignal(fromLink);
  const [error, setError] = createSignal<string | null>(null);

  const message = () => {
    const c = error();
    if (!c) return null;
    return KNOWN.includes(c) ? t(`enrol.error.${c}` as MessageKey) : t('enrol.error.other', { code: c });
  };

  async function submit() {
    const normal = normaliseCode(code());
    if (!normal) return void setError('code_invalid');
    setError(null);
    const result = await auth.enrol(normal);
    if (!result.ok) return void setError(result.code);
    // The code leaves the address bar (and the history) with the page.
    navigate('user' in result ? landingPath(result.user.roles) : '/', { replace: true });
  }
  const onSubmit = guardedSubmit(guard, submit);

  onMount(() => {
    if (fromLink) void guard.run(submit);
  });

  return (
    <main id="main" class="signin">
      <div class="signin-box">
        <BrandBar />
        <form class="panel signin-panel" onSubmit={onSubmit} novalidate data-testid="enrol-form">
          <h1>{t('enrol.title')}</h1>
          <p class="signin-intro">{t('enrol.intro')}</p>
          <Show when={auth.device()?.state === 'revoked' && !error()}>
            <Notice tone="warn" testId="enrol-revoked">{t('enrol.revoked')}</Notice>
          </Show>
          <Show when={message()}>{(text) => <Notice tone="error" testId="enrol-error">{text()}</Notice>}</Show>
          <Field label={t('enrol.code')} hint={t('enrol.codeHint')} error={error() === 'code_invalid' ? t('enrol.error.code_invalid') : null}>
            {(ids) => (
              <input
                id={ids.id}
                data-testid="enrol-code"
                autocomplete="off"
                autocapitalize="none"
                spellcheck={false}
                aria-describedby={ids.describedBy}
                aria-invalid={ids.invalid || undefined}
                value={code()}
                onInput={(e) => setCode(e.currentTarget.value)}
              />
            )}
          </Field>
          <Button type="submit" variant="primary" size="large" block testId="enrol-submit" disabled={guard.busy()}>
            {guard.busy() ? t('enrol.busy') : t('enrol.submit')}
          </Button>
          <p class="enrol-alt">
            <A href="/signin?with=password" data-testid="enrol-password-link">{t('enrol.passwordLink')}</A>
          </p>
        </form>
      </div>
    </main>
  );
}
