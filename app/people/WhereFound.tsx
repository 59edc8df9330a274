/**
 * Says when a person search answered from this device only (offline): an empty list then means
 * "not on this device", not "no such person" (docs/PEOPLE.md). Nothing when the server answered.
 */
import { Show } from 'solid-js';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Notice } from '../ui/Notice.tsx';
import type { PeopleSearchResult } from './find-people.ts';

export function WhereFound(props: { found: PeopleSearchResult; testId: string }) {
  const { t } = useI18n();
  return (
    <Show when={props.found.where === 'device'}>
      <Notice tone="warn" testId={props.testId}>
        {props.found.people.length > 0 ? t('people.deviceOnly') : t('people.notOnDevice')}
      </Notice>
    </Show>
  );
}
