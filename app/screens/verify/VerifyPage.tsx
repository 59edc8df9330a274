/**
 * `/verify` (issue 13), public, no sign-in: a bank, a court or a tender office types or scans a
 * certificate's code and sees whether the paper is genuine, checked here in the browser with the
 * institution's published key (kept for use without a network). It shows only what the paper
 * already shows. A phone scanning the QR opens this page with the seal after `#`, which never
 * reaches the server.
 */
import { Match, Show, Switch, createSignal, onMount } from 'solid-js';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { BrandBar } from '../../layout/BrandBar.tsx';
import { createActionGuard, guardedSubmit } from '../../ui/action-guard.ts';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { loadPublishedKeys, sealFromScan, verifyWithKeys } from '../../certificates/published-keys.ts';
import type { Verdict } from '../../certificates/seal.ts';
import { type RevocationCheck, checkRevocation } from '../../certificates/revocation-check.ts';
import { branchDay } from '../../queue/numbering.ts';
import './verify.css';

type Outcome = { verdict: Verdict; keysFrom: 'server' | 'device'; revocation: RevocationCheck | null } | { noKeys: true };

/** The verifier's own calendar day: a paper valid "until 2 March" is valid all that day where it is checked. */
const today = () => branchDay(new Date(), Intl.DateTimeFormat().resolvedOptions().timeZone);

export function VerifyPage() {
  const { t, date } = useI18n();
  const guard = createActionGuard();
  const [code, setCode] = createSignal('');
  const [missing, setMissing] = createSignal(false);
  const [outcome, setOutcome] = createSignal<Outcome | null>(null);

  async function check() {
    const seal = sealFromScan(code());
    setMissing(seal === '');
    setOutcome(null);
    if (seal === '') return;
    const source = await loadPublishedKeys();
    if (!source.keys) return void setOutcome({ noKeys: true });
    const verdict = await verifyWithKeys(seal, source.keys, today());
    // Only a genuine paper can be revoked; the paper cannot say it, the server can (when reachable).
    const revocation = 'fields' in verdict ? await checkRevocation(verdict.fields.number) : null;
    setOutcome({ verdict, keysFrom: source.from, revocation });
  }

  onMount(() => {
    if (location.hash.length > 1) {
      setCode(sealFromScan(location.href));
      void guard.run(check);
    }
  });

  const verdict = () => {
    const o = outcome();
    return o && 'verdict' in o ? o.verdict : null;
  };
  const revocation = () => {
    const o = outcome();
    return o && 'revocation' in o ? o.revocation : null;
  };
  const revoked = () => {
    const r = revocation();
    return r?.state === 'revoked' ? r : null;
  };
  const status = () => (revoked() ? 'revoked' : (verdict()?.status ?? 'no_keys'));

  return (
    <main id="main" class="verify">
      <div class="verify-box">
        <BrandBar />
        <form class="panel verify-panel" onSubmit={guardedSubmit(guard, check)} novalidate data-testid="verify-form">
          <h1>{t('verify.title')}</h1>
          <p class="signin-intro">{t('verify.intro')}</p>
          <Field label={t('verify.code')} hint={t('verify.codeHint')} error={missing() ? t('verify.codeMissing') : null}>
            {(ids) => (
              <textarea
                id={ids.id}
                class="verify-code"
                data-testid="verify-code"
                rows={4}
                spellcheck={false}
                autocapitalize="none"
                aria-describedby={ids.describedBy}
                aria-invalid={ids.invalid || undefined}
                value={code()}
                onInput={(e) => setCode(e.currentTarget.value)}
              />
            )}
          </Field>
          <Button type="submit" variant="primary" size="large" block testId="verify-submit" disabled={guard.busy()}>
            {t('verify.submit')}
          </Button>
        </form>
        <Show when={outcome()}>
          {(o) => (
            <section class="panel verify-result" data-testid="verify-result" data-status={status()} aria-live="polite">
              <Switch>
                <Match when={'noKeys' in o()}>
                  <Notice tone="warn">{t('verify.noKeys')}</Notice>
                </Match>
                <Match when={verdict()?.status === 'valid' || verdict()?.status === 'expired' ? verdict() : null}>
                  {(v) => {
                    const ok = v() as Extract<Verdict, { fields: unknown }>;
                    return (
                      <>
                        <Show
                          when={revoked()}
                          fallback={<Notice tone={ok.status === 'valid' ? 'ok' : 'warn'}>{t(ok.status === 'valid' ? 'verify.valid' : 'verify.expired')}</Notice>}
                        >
                          {(r) => <Notice tone="error">{t('verify.revoked', { day: date(r().day), reason: t(`certrev.reason.${r().reason}`) })}</Notice>}
                        </Show>
                        <dl class="verify-fields">
                          <dt>{t('verify.number')}</dt>
                          <dd data-testid="verify-number">{ok.fields.number}</dd>
                          <dt>{t('verify.type')}</dt>
                          <dd>{ok.fields.certType}</dd>
                          <dt>{t('verify.person')}</dt>
                          <dd>{ok.fields.personName} ({ok.fields.personNumber})</dd>
                          <dt>{t('verify.issued')}</dt>
                          <dd>{date(ok.fields.issued)}</dd>
                          <dt>{t('verify.validUntil')}</dt>
                          <dd>{ok.fields.validUntil ? date(ok.fields.validUntil) : t('verify.noExpiry')}</dd>
                        </dl>
                      </>
                    );
                  }}
                </Match>
                <Match when={verdict()}>{(v) => <Notice tone="error">{t(`verify.${v().status as 'altered' | 'unknown_signer' | 'unreadable'}`)}</Notice>}</Match>
              </Switch>
              <Show when={'keysFrom' in o() && (o() as { keysFrom: string }).keysFrom === 'device'}>
                <p class="field-hint">{t('verify.offlineKeys')}</p>
              </Show>
              <Show when={'keysFrom' in o() && (o() as { keysFrom: string }).keysFrom === 'server' && revocation()?.state === 'unknown'}>
                <p class="field-hint" data-testid="verify-revocation-unknown">{t('verify.revocationUnknown')}</p>
              </Show>
            </section>
          )}
        </Show>
      </div>
    </main>
  );
}
