/**
 * The revocation of one certificate: a reason from the short list, details (required for
 * "other"), and a final confirmation. Bad input is said in words and writes nothing; the server
 * refuses a second revocation of the same certificate (409) and anyone but the back office (403).
 */
import { For, Show, createSignal } from 'solid-js';
import { MAX_REVOCATION_NOTE, REVOCATION_REASONS, type CertificateRevocation, type RevocationReason } from '../../../../couch-design/types/certificate-revocation.ts';
import { buildRevocation, type FoundCertificate, type RevocationError } from '../../../certificates/revocation.ts';
import { ConflictError } from '../../../data/errors.ts';
import { branchDay } from '../../../queue/numbering.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { guardedSubmit, useActionGuard } from '../../../ui/action-guard.ts';
import { Button } from '../../../ui/Button.tsx';
import { Field } from '../../../ui/Field.tsx';
import { Notice } from '../../../ui/Notice.tsx';

export function RevokeForm(props: {
  found: FoundCertificate;
  agent: string;
  timeZone: string;
  write: (doc: CertificateRevocation) => Promise<unknown>;
  onCancel: () => void;
  onDone: (number: string) => void;
}) {
  const { t } = useI18n();
  const guard = useActionGuard();
  const [reason, setReason] = createSignal<RevocationReason | ''>('');
  const [note, setNote] = createSignal('');
  const [error, setError] = createSignal<RevocationError | null>(null);
  const [failure, setFailure] = createSignal<string | null>(null);
  const number = () => props.found.certificate.number;

  async function revoke() {
    setError(null);
    setFailure(null);
    const now = new Date();
    const built = buildRevocation({ found: props.found, reason: reason(), note: note(), agent: props.agent, at: now.toISOString(), day: branchDay(now, props.timeZone) });
    if ('error' in built) return void setError(built.error);
    try {
      await props.write(built.revocation);
      props.onDone(number());
    } catch (e) {
      // Revoked meanwhile on another device: the server keeps the first one.
      if (e instanceof ConflictError) setError('already_revoked');
      else setFailure(t('certrev.error.save', { reason: String((e as Error).message ?? e) }));
    }
  }

  const fieldError = (codes: RevocationError[]) => {
    const e = error();
    return e && codes.includes(e) ? t(`certrev.error.${e}`) : null;
  };

  return (
    <form class="certrev-form" onSubmit={guardedSubmit(guard, revoke)} novalidate data-testid="certrev-form" data-number={number()}>
      <h3 class="counter-subtitle">{t('certrev.chosen', { number: number() })}</h3>
      <Field label={t('certrev.reason')} error={fieldError(['reason_required'])}>
        {(ids) => (
          <select id={ids.id} data-testid="certrev-reason" aria-describedby={ids.describedBy} aria-invalid={ids.invalid || undefined} value={reason()} onChange={(e) => setReason(e.currentTarget.value as RevocationReason | '')}>
            <option value="">{t('certrev.reasonPick')}</option>
            <For each={REVOCATION_REASONS}>{(r) => <option value={r}>{t(`certrev.reason.${r}`)}</option>}</For>
          </select>
        )}
      </Field>
      <Field label={t('certrev.note')} hint={t('certrev.noteHint')} error={fieldError(['note_required', 'note_too_long'])}>
        {(ids) => (
          <textarea
            id={ids.id}
            data-testid="certrev-note"
            rows={3}
            maxlength={MAX_REVOCATION_NOTE}
            aria-describedby={ids.describedBy}
            aria-invalid={ids.invalid || undefined}
            value={note()}
            onInput={(e) => setNote(e.currentTarget.value)}
          />
        )}
      </Field>
      <Show when={error() === 'already_revoked'}>
        <Notice tone="error" testId="certrev-error">{t('certrev.error.already_revoked')}</Notice>
      </Show>
      <Show when={failure()}>{(m) => <Notice tone="error" testId="certrev-error">{m()}</Notice>}</Show>
      <div class="certrev-actions">
        <Button type="submit" variant="danger" testId="certrev-confirm" disabled={guard.busy()}>{t('certrev.confirm')}</Button>
        <Button variant="quiet" testId="certrev-cancel" action={() => props.onCancel()}>{t('certrev.cancel')}</Button>
      </div>
    </form>
  );
}
