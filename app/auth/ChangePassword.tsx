/**
 * The forced password change (issue 14): an account created or reset by an administrator
 * signs in with a password someone else knows, so nothing opens — no screen, no data layer,
 * and the gateway opens no database either — until the user has chosen their own. Then the
 * app signs in again with it (new session, new offline verifier) and the role's screen opens.
 */
import { Show, createSignal } from 'solid-js';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { BrandBar } from '../layout/BrandBar.tsx';
import { Button } from '../ui/Button.tsx';
import { Field } from '../ui/Field.tsx';
import { Notice } from '../ui/Notice.tsx';
import { createActionGuard, guardedSubmit } from '../ui/action-guard.ts';
import { weakPassword } from '../admin/user-rules.ts';
import { changeOwnPassword } from './account-api.ts';
import { useAuth } from './AuthProvider.tsx';

type Problem = 'missing' | 'weak' | 'mismatch' | 'same' | 'wrong_password' | 'weak_password' | 'unreachable' | 'server' | 'signin';

export function ChangePassword(props: { name: string }) {
  const { t } = useI18n();
  const auth = useAuth();
  const guard = createActionGuard();
  const [current, setCurrent] = createSignal('');
  const [next, setNext] = createSignal('');
  const [repeat, setRepeat] = createSignal('');
  const [problem, setProblem] = createSignal<Problem | null>(null);

  const localProblem = (): Problem | null => {
    if (!current() || !next() || !repeat()) return 'missing';
    if (next() === current()) return 'same';
    if (weakPassword(next(), props.name)) return 'weak';
    return next() === repeat() ? null : 'mismatch';
  };

  const submit = guardedSubmit(guard, async () => {
    const found = localProblem();
    setProblem(found);
    if (found) return;
    const changed = await changeOwnPassword(current(), next());
    if (!changed.ok) return void setProblem(changed.code);
    const again = await auth.signIn(props.name, next());
    if (!again.ok) setProblem('signin');
  });

  const input = (testId: string, value: () => string, set: (v: string) => void, autocomplete: string) => (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => (
    <input
      id={ids.id}
      data-testid={testId}
      type="password"
      autocomplete={autocomplete}
      required
      aria-describedby={ids.describedBy}
      aria-invalid={ids.invalid || undefined}
      value={value()}
      onInput={(e) => set(e.currentTarget.value)}
    />
  );

  return (
    <main id="main" class="signin">
      <div class="signin-box">
        <BrandBar />
        <form class="panel signin-panel" onSubmit={submit} novalidate data-testid="change-password-form">
          <h1>{t('pwchange.title')}</h1>
          <p class="signin-intro">{t('pwchange.intro', { name: props.name })}</p>
          <Show when={problem()}>{(p) => <Notice tone="error" testId="change-password-error">{t(`pwchange.error.${p()}`)}</Notice>}</Show>
          {/* For password managers: whose password this is. */}
          <input type="text" name="username" autocomplete="username" value={props.name} readonly hidden />
          <Field label={t('pwchange.current')}>{input('change-password-current', current, setCurrent, 'current-password')}</Field>
          <Field label={t('pwchange.new')} hint={t('pwchange.rules')}>{input('change-password-new', next, setNext, 'new-password')}</Field>
          <Field label={t('pwchange.repeat')}>{input('change-password-repeat', repeat, setRepeat, 'new-password')}</Field>
          <Button type="submit" variant="primary" size="large" block testId="change-password-submit" disabled={guard.busy()}>
            {t('pwchange.submit')}
          </Button>
          <Button variant="quiet" testId="change-password-signout" onClick={() => void auth.signOut()}>
            {t('pwchange.signOut')}
          </Button>
        </form>
      </div>
    </main>
  );
}
