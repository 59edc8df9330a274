/**
 * One paper's scan in the filing form (issue 10): "Scan or attach a file" (the tablet's camera,
 * or a file), then a thumbnail, the name and size, and "Remove". The file is checked and
 * compressed at once (app/desk/scan-file.ts): a wrong type or a file too big is said here,
 * before saving, and nothing is kept. The form saves the chosen scan with the filing.
 */
import { Show, createSignal, createUniqueId } from 'solid-js';
import { MAX_SCAN_BYTES } from '../../../couch-design/types/scan.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Button } from '../../ui/Button.tsx';
import { createObjectUrl } from '../../ui/object-url.ts';
import { formatBytes, type ScanErrorCode } from '../../desk/scan-checks.ts';
import { prepareScan, type PreparedScan } from '../../desk/scan-file.ts';

export function ScanPicker(props: { code: string; scan: PreparedScan | null; error: ScanErrorCode | null; onChange: (scan: PreparedScan | null, error: ScanErrorCode | null) => void }) {
  const { t, locale } = useI18n();
  const id = createUniqueId();
  const errorId = `${id}-error`;
  const [preparing, setPreparing] = createSignal(false);
  // The preview's object URL lives as long as this scan is shown.
  const preview = createObjectUrl(() => (props.scan?.contentType === 'image/jpeg' ? props.scan.data : null));

  async function choose(input: HTMLInputElement) {
    const file = input.files?.[0];
    // Cleared so that choosing the same file again after "Remove" fires a change.
    input.value = '';
    if (!file) return;
    setPreparing(true);
    try {
      const prepared = await prepareScan(file);
      if ('error' in prepared) props.onChange(null, prepared.error);
      else props.onChange(prepared, null);
    } finally {
      setPreparing(false);
    }
  }

  return (
    <div class="scan-picker" data-testid={`desk-scan-${props.code}`}>
      <Show
        when={props.scan}
        fallback={
          <>
            <input
              id={id}
              class="visually-hidden scan-input"
              type="file"
              accept="image/*,application/pdf"
              capture="environment"
              aria-label={t('desk.scan.label', { doc: props.code })}
              aria-describedby={props.error ? errorId : undefined}
              aria-invalid={props.error ? 'true' : undefined}
              disabled={preparing()}
              data-testid={`desk-scan-input-${props.code}`}
              onChange={(e) => void choose(e.currentTarget)}
            />
            <label for={id} class="btn btn-secondary btn-normal scan-choose" aria-hidden="true">
              {preparing() ? t('desk.scan.preparing') : t('desk.scan.choose')}
            </label>
          </>
        }
      >
        {(scan) => (
          <div class="scan-chosen" data-testid={`desk-scan-chosen-${props.code}`} data-sha256={scan().sha256} data-length={scan().length} data-type={scan().contentType}>
            <Show when={preview()} fallback={<span class="scan-pdf">PDF</span>}>
              {(url) => <img class="scan-thumb" src={url()} alt={t('desk.scan.thumb', { doc: props.code })} />}
            </Show>
            <span>{t('desk.scan.chosen', { name: scan().fileName, size: formatBytes(scan().length, locale()) })}</span>
            <Button variant="quiet" testId={`desk-scan-remove-${props.code}`} onClick={() => props.onChange(null, null)}>
              {t('desk.scan.remove')}
            </Button>
          </div>
        )}
      </Show>
      <Show when={props.error}>
        {(code) => (
          <p class="field-error" id={errorId} data-testid={`desk-scan-error-${props.code}`} data-code={code()}>
            {t(`desk.scan.error.${code()}`, { doc: props.code, limit: formatBytes(MAX_SCAN_BYTES, locale()) })}
          </p>
        )}
      </Show>
    </div>
  );
}
