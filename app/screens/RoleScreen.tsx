/** Placeholder of each role's screen: its title and what will come there. */
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { JobRole } from '../../couch-design/roles.ts';

export function RoleScreen(props: { screen: JobRole }) {
  const { t } = useI18n();
  return (
    <section class="screen" data-testid={`screen-${props.screen}`}>
      <h1>{t(`screen.${props.screen}.title`)}</h1>
      <p>{t(`screen.${props.screen}.body`)}</p>
    </section>
  );
}

export function NoRoleScreen() {
  const { t } = useI18n();
  return (
    <section class="screen" data-testid="screen-none">
      <h1>{t('screen.none.title')}</h1>
      <p>{t('screen.none.body')}</p>
    </section>
  );
}
