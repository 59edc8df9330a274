/**
 * A wide table's frame: it scrolls sideways on a narrow screen, so it is a named region that
 * takes the keyboard focus (arrow keys scroll it), as WCAG asks of scrollable content.
 */
import type { JSX } from 'solid-js';
import { useI18n } from '../../i18n/I18nProvider.tsx';

export function ScrollRegion(props: { label: string; children: JSX.Element }) {
  const { t } = useI18n();
  return (
    <div class="sup-scroll" role="region" tabindex="0" aria-label={t('rep.tableRegion', { title: props.label })}>
      {props.children}
    </div>
  );
}
