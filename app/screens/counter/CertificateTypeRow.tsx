/**
 * One certificate type in the counter's list: can it be issued now (or why not, in plain words),
 * and for a type that expires, the validity the agent gives it — the type's maximum unless the
 * agent types fewer months; more is refused in words, before anything is signed or written.
 */
import { For, Show, createSignal } from 'solid-js';
import type { CertificateType } from '../../../couch-design/types/catalogue.ts';
import type { Eligibility, Refusal } from '../../certificates/eligibility.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { StatusChip } from '../../ui/StatusChip.tsx';
import { type IssueRefusal, monthsTyped } from './certificate-issuing.ts';

export interface TypeRow {
  type: CertificateType;
  verdict: Eligibility;
}

export function CertificateTypeRow(props: {
  row: TypeRow;
  reason: (r: Refusal) => string;
  /** Issues with the months typed (none: the maximum); answers a refusal to say here. */
  issue: (months: number | undefined) => Promise<IssueRefusal | null>;
}) {
  const { t, locale } = useI18n();
  const [months, setMonths] = createSignal('');
  const [refusal, setRefusal] = createSignal<IssueRefusal | null>(null);
  const code = () => props.row.type.code;
  const max = () => props.row.type.validityMonths;
  const validityError = () => {
    const r = refusal();
    return r === 'too_long' || r === 'not_positive' ? t(`certs.error.${r}`, { max: max() ?? 0 }) : null;
  };

  return (
    <li class="certs-row" data-testid={`certs-type-${code()}`} data-eligible={String(props.row.verdict.eligible)}>
      <span class="certs-name">{props.row.type.name[locale()]}</span>
      <StatusChip tone={props.row.verdict.eligible ? 'ok' : 'warn'}>{t(props.row.verdict.eligible ? 'certs.eligible' : 'certs.refused')}</StatusChip>
      <Button
        size="normal"
        variant="primary"
        testId={`certs-issue-${code()}`}
        disabled={!props.row.verdict.eligible}
        action={async () => {
          setRefusal(null);
          setRefusal(await props.issue(monthsTyped(months())));
        }}
      >
        {t('certs.issue')}
      </Button>
      <Show when={props.row.verdict.eligible && max() !== undefined}>
        <Field class="certs-validity" label={t('certs.validity')} hint={t('certs.validityHint', { max: max() ?? 0 })} error={validityError()}>
          {(ids) => (
            <input
              id={ids.id}
              data-testid={`certs-months-${code()}`}
              inputmode="numeric"
              placeholder={String(max())}
              aria-describedby={ids.describedBy}
              aria-invalid={ids.invalid || undefined}
              value={months()}
              onInput={(e) => setMonths(e.currentTarget.value)}
            />
          )}
        </Field>
      </Show>
      <Show when={refusal() === 'not_certified'}>
        <p class="field-error certs-row-error" role="alert" data-testid={`certs-error-${code()}`}>{t('certs.error.notCertified')}</p>
      </Show>
      <Show when={!props.row.verdict.eligible && props.row.verdict}>
        {(v) => (
          <ul class="certs-reasons" data-testid={`certs-reasons-${code()}`}>
            <For each={(v() as Extract<Eligibility, { eligible: false }>).reasons}>{(r) => <li>{props.reason(r)}</li>}</For>
          </ul>
        )}
      </Show>
    </li>
  );
}
