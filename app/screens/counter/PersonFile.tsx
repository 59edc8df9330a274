/**
 * The visitor's file beside the visit: who they are and their open cases, with translated
 * status words. A component of its own: the next issue adds documents and history to it.
 */
import { For, Show, createResource } from 'solid-js';
import { personName, type Person } from '../../../couch-design/types/person.ts';
import type { Case } from '../../../couch-design/types/case.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useData } from '../../data/DataProvider.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { StatusChip } from '../../ui/StatusChip.tsx';
import { caseTone, openCases } from './cases.ts';

export function PersonFile(props: { personId: string | undefined }) {
  const { t } = useI18n();
  const { layer } = useData();
  const [file] = createResource(
    () => props.personId,
    async (id) => {
      const person = await layer.get<Person>('people', id).catch(() => null);
      const number = id.slice('person:'.length);
      const cases = await layer.allDocsByPrefix<Case>('people', `case:${number}:`).catch(() => [] as Case[]);
      return { person, cases: openCases(cases.filter((c) => c.type === 'case')) };
    },
  );
  return (
    <Panel title={t('counter.person')} class="counter-file" testId="counter-file">
      <Show when={props.personId} fallback={<p class="counter-muted">{t('counter.file.none')}</p>}>
        <Show when={!file.loading} fallback={<p class="counter-muted">{t('counter.file.loading')}</p>}>
          <Show when={file()?.person} fallback={<p class="counter-muted">{t('counter.file.notFound')}</p>}>
            {(p) => (
              <div data-testid="counter-person" data-person={p()._id}>
                <p class="counter-person-name">{personName(p())}</p>
                <p class="counter-muted">{t('counter.file.number', { number: p().number })}</p>
                <h3 class="counter-subtitle">{t('counter.cases')}</h3>
                <Show when={file()!.cases.length > 0} fallback={<p data-testid="counter-cases-none">{t('counter.cases.none')}</p>}>
                  <ul class="counter-cases" data-testid="counter-cases">
                    <For each={file()!.cases}>
                      {(c) => (
                        <li class="counter-case" data-testid="counter-case" data-status={c.status}>
                          <span class="counter-case-kind">{t(`counter.case.kind.${c.kind}`)}</span>
                          <StatusChip tone={caseTone(c.status)}>{t(`counter.case.status.${c.status}`)}</StatusChip>
                          <span class="counter-muted">{c.caseNo}</span>
                          <Show when={c.missingDocuments.length > 0}>
                            <span class="counter-case-missing">{t('counter.cases.missing', { count: String(c.missingDocuments.length) })}</span>
                          </Show>
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              </div>
            )}
          </Show>
        </Show>
      </Show>
    </Panel>
  );
}
