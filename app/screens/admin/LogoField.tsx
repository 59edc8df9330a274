/**
 * The institution's logo in its form (issue 14): choose an image (any the browser decodes, a
 * large photo too), redrawn at once to fit 400×160 px and 100 KB (app/admin/logo-file.ts) and
 * shown as it will be stored; or remove the logo. A file that cannot be read or stays too
 * heavy is said here and changes nothing. The form saves the choice with the institution.
 */
import { Show, createSignal } from 'solid-js';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useData } from '../../data/DataProvider.tsx';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { createObjectUrl } from '../../ui/object-url.ts';
import type { LogoChoice, LogoFileError } from '../../admin/logo-rules.ts';
import { prepareLogo } from '../../admin/logo-file.ts';
import { refProblemText } from './ref-problems.ts';
import './logo-field.css';

export function LogoField(props: { stored: boolean; choice: LogoChoice; error: string | null; onChoice: (choice: LogoChoice) => void; onPreparing: (busy: boolean) => void }) {
  const { t } = useI18n();
  const data = useData();
  const [chosen, setChosen] = createSignal<Blob | null>(null);
  const [fileError, setFileError] = createSignal<LogoFileError | null>(null);
  const [preparing, setPreparing] = createSignal(false);
  const chosenUrl = createObjectUrl(chosen);
  // What will be stored: the new image, the one on this device's replica, or none.
  const preview = () => (props.choice.kind === 'new' ? chosenUrl() : props.choice.kind === 'kept' && props.stored ? data.logoUrl() : null);
  const shown = () => props.choice.kind === 'new' || (props.choice.kind === 'kept' && props.stored);

  async function choose(input: HTMLInputElement) {
    const file = input.files?.[0];
    // Cleared so that choosing the same file again fires a change.
    input.value = '';
    if (!file) return;
    setPreparing(true);
    props.onPreparing(true);
    try {
      const prepared = await prepareLogo(file);
      if ('error' in prepared) return void setFileError(prepared.error);
      setFileError(null);
      setChosen(prepared.blob);
      props.onChoice({ kind: 'new', contentType: prepared.contentType, data: prepared.data, length: prepared.length });
    } finally {
      setPreparing(false);
      props.onPreparing(false);
    }
  }

  const remove = () => {
    setFileError(null);
    setChosen(null);
    // A new image not saved yet is dropped; a stored one goes at the save.
    props.onChoice(props.stored ? { kind: 'removed' } : { kind: 'kept' });
  };

  return (
    <div class="logo-field" data-testid="ref-institution-logo">
      <Field label={t('ref.institution.logo')} hint={t('ref.institution.logoHint')} error={fileError() ? refProblemText(t, 'institution', { field: 'logo', code: fileError()! }) : props.error}>
        {(ids) => (
          <input
            id={ids.id}
            type="file"
            accept="image/*"
            aria-describedby={ids.describedBy}
            aria-invalid={ids.invalid || undefined}
            disabled={preparing()}
            data-testid="ref-institution-logo-file"
            onChange={(e) => void choose(e.currentTarget)}
          />
        )}
      </Field>
      <div class="logo-preview" role="status">
        <Show when={preparing()}>{t('imports.phase.reading')}</Show>
        <Show when={!preparing()}>
          <Show when={shown() && preview()} fallback={<p class="field-hint" data-testid="ref-institution-logo-none">{t(props.choice.kind === 'removed' ? 'ref.institution.logoRemoved' : 'ref.institution.logoNone')}</p>}>
            {(src) => <img class="logo-preview-image" src={src()} alt={t('header.logo')} data-testid="ref-institution-logo-preview" />}
          </Show>
        </Show>
      </div>
      <Button variant="secondary" testId="ref-institution-logo-remove" disabled={!shown() || preparing()} onClick={remove}>
        {t('ref.institution.logoRemove')}
      </Button>
    </div>
  );
}
