/**
 * The institution (issue 14): its identity, logo and languages, the cash desks' settings, and its
 * branches. Each panel shows what is stored and opens its form on "Edit"; every save is a
 * `ref_change`, live on every device through fo_ref.
 */
import { Show, createSignal } from 'solid-js';
import type { Branch } from '../../../couch-design/types/branch.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/translate.ts';
import { Button } from '../../ui/Button.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { cashSettings } from '../../cash/config.ts';
import { formatAmount } from '../../cash/money.ts';
import { CatalogueList } from './CatalogueList.tsx';
import { BranchForm } from './BranchForm.tsx';
import { CashSettingsForm } from './CashSettingsForm.tsx';
import { InstitutionForm } from './InstitutionForm.tsx';
import { RefHistory } from './RefHistory.tsx';
import { lastChange, useRefStore } from './ref-common.tsx';
import { hasLogo } from '../../admin/logo-rules.ts';
import { useData } from '../../data/DataProvider.tsx';

type Open = { key: number; form: 'institution' | 'cash' | 'history' };

export function InstitutionSection() {
  const { t, locale } = useI18n();
  const store = useRefStore();
  const { logoUrl } = useData();
  const [open, setOpen] = createSignal<Open | null>(null);
  const [message, setMessage] = createSignal<string | null>(null);
  let openings = 0;
  const show = (form: Open['form']) => (setMessage(null), setOpen({ key: ++openings, form }));
  const saved = (text: string) => (setOpen(null), setMessage(text));
  const amount = (minor: number) => `${formatAmount(minor, store.institution()!.currencyDecimals, locale())} ${store.institution()!.currency}`;
  return (
    <div class="ref-section" data-testid="ref-institution">
      <Show when={message()}>{(m) => <Notice tone="ok" testId="ref-institution-message">{m()}</Notice>}</Show>
      <Show when={store.institution()} fallback={<p role="status">{t('ref.loading')}</p>}>
        {(i) => (
          <>
            <Show when={open()} keyed>
              {(o) =>
                o.form === 'institution' ? (
                  <InstitutionForm store={store} institution={i()} onCancel={() => setOpen(null)} onSaved={() => saved(t('ref.institution.saved'))} />
                ) : o.form === 'cash' ? (
                  <CashSettingsForm store={store} institution={i()} onCancel={() => setOpen(null)} onSaved={() => saved(t('ref.cash.saved'))} />
                ) : (
                  <RefHistory store={store} target={i()._id} name={i().name} onClose={() => setOpen(null)} />
                )
              }
            </Show>
            <Panel title={i().name} testId="ref-institution-panel">
              <dl class="ref-facts">
                <dt>{t('ref.institution.currency')}</dt>
                <dd data-testid="ref-institution-currency-shown">{i().currency} ({t('ref.institution.decimalsShown', { count: i().currencyDecimals })})</dd>
                <dt>{t('ref.institution.languages')}</dt>
                <dd>{(i().languages ?? ['fr', 'en']).map((l) => t(`ref.language.${l}` as MessageKey)).join(', ')}</dd>
                <dt>{t('ref.institution.default')}</dt>
                <dd>{t(`ref.language.${i().defaultLocale}` as MessageKey)}</dd>
                <dt>{t('ref.institution.logo')}</dt>
                <dd data-testid="ref-institution-logo-shown">
                  <Show when={hasLogo(i()) && logoUrl()} fallback={t('ref.institution.logoNone')}>
                    {(src) => <img class="logo-preview-image" src={src()} alt={t('header.logo')} />}
                  </Show>
                </dd>
                <dt>{t('ref.lastChange')}</dt>
                <dd data-testid="ref-institution-changed">{lastChange(t, locale(), i())}</dd>
              </dl>
              <div class="admin-row-actions">
                <Button testId="ref-institution-edit" onClick={() => show('institution')}>{t('ref.institution.edit')}</Button>
                <Button variant="quiet" testId="ref-institution-history" onClick={() => show('history')}>{t('ref.history')}</Button>
              </div>
            </Panel>
            <Panel title={t('ref.cash.title')} testId="ref-cash-panel">
              <dl class="ref-facts">
                <dt>{t('ref.cash.max')}</dt>
                <dd data-testid="ref-cash-max-shown">{amount(cashSettings(i()).maxAmount)}</dd>
                <dt>{t('ref.cash.variance')}</dt>
                <dd data-testid="ref-cash-variance-shown">{amount(cashSettings(i()).varianceThreshold)}</dd>
                <dt>{t('ref.cash.reversal')}</dt>
                <dd data-testid="ref-cash-reversal-shown">{amount(cashSettings(i()).reversalThreshold)}</dd>
              </dl>
              <Show when={!i().cash}><p class="field-hint">{t('ref.cash.defaults')}</p></Show>
              <Button testId="ref-cash-edit" onClick={() => show('cash')}>{t('ref.cash.edit')}</Button>
            </Panel>
          </>
        )}
      </Show>
      <CatalogueList<Branch>
        store={store}
        kind="branch"
        title={t('ref.branches.title')}
        count={(count) => t('ref.branches.count', { count })}
        newLabel={t('ref.branches.new')}
        items={store.branches}
        name={(b) => b.name}
        headers={[t('ref.branches.code'), t('ref.branches.name'), t('ref.branches.city'), t('ref.branches.zone')]}
        cells={(b) => (
          <>
            <td>{b.code}</td>
            <th scope="row">{b.name}</th>
            <td>{b.city}</td>
            <td>{b.timeZone ?? '—'}</td>
          </>
        )}
        form={(item, done) => <BranchForm store={store} item={item} onCancel={() => done(null)} onSaved={(b) => done(t(item ? 'ref.branches.saved' : 'ref.branches.created', { name: b.name }))} />}
      />
    </div>
  );
}
