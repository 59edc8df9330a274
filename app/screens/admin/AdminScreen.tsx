/**
 * Administration (issue 14): one frame, one section per concern, chosen by `?section=`.
 * Users, reference data (services, counters, institution, catalogue, printers), imports and devices.
 */
import { For, Match, Switch, lazy } from 'solid-js';
import { useSearchParams } from '../../routing/Router.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { UsersSection } from './UsersSection.tsx';
import { ServicesSection } from './ServicesSection.tsx';
import { CountersSection } from './CountersSection.tsx';
import { ImportsSection } from './ImportsSection.tsx';
import { InstitutionSection } from './InstitutionSection.tsx';
import { CatalogueSection } from './CatalogueSection.tsx';
import './admin.css';

// Fetched when opened: the admin's first load stays within its budget (test/shell-budget.test.ts);
// the devices section brings the QR encoder.
const PrintersSection = lazy(() => import('./PrintersSection.tsx').then((m) => ({ default: m.PrintersSection })));
const DevicesSection = lazy(() => import('./DevicesSection.tsx').then((m) => ({ default: m.DevicesSection })));

const SECTIONS = ['users', 'services', 'counters', 'institution', 'catalogue', 'printers', 'imports', 'devices'] as const;
type Section = (typeof SECTIONS)[number];

export function AdminScreen() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams<{ section?: string }>();
  const section = (): Section => SECTIONS.find((s) => s === params.section) ?? 'users';
  return (
    <section class="admin-screen" data-testid="screen-admin">
      <h1>{t('admin.title')}</h1>
      <div role="tablist" aria-label={t('admin.sections')} class="admin-tabs">
        <For each={SECTIONS}>
          {(name) => (
            <button
              type="button"
              role="tab"
              id={`admin-tab-${name}`}
              class="admin-tab"
              classList={{ active: section() === name }}
              aria-selected={section() === name}
              aria-controls="admin-panel"
              tabindex={section() === name ? 0 : -1}
              data-testid={`admin-tab-${name}`}
              onClick={() => setParams({ section: name })}
            >
              {t(`admin.section.${name}`)}
            </button>
          )}
        </For>
      </div>
      <div id="admin-panel" role="tabpanel" aria-labelledby={`admin-tab-${section()}`}>
        <Switch>
          <Match when={section() === 'users'}>
            <UsersSection />
          </Match>
          <Match when={section() === 'services'}>
            <ServicesSection />
          </Match>
          <Match when={section() === 'counters'}>
            <CountersSection />
          </Match>
          <Match when={section() === 'institution'}>
            <InstitutionSection />
          </Match>
          <Match when={section() === 'catalogue'}>
            <CatalogueSection />
          </Match>
          <Match when={section() === 'printers'}>
            <PrintersSection />
          </Match>
          <Match when={section() === 'imports'}>
            <ImportsSection />
          </Match>
          <Match when={section() === 'devices'}>
            <DevicesSection />
          </Match>
        </Switch>
      </div>
    </section>
  );
}
