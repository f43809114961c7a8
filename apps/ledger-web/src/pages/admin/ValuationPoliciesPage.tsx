import { unwrap, useLoad, useReload } from '../../api/use-load';
import { useFormat } from '../../i18n/use-format';
import { CONTRIBUTION_KIND } from '../../i18n/labels';
import { useT } from '../../i18n/use-t';
import { DataTable } from '../../kit/DataTable';
import { LoadedView } from '../../kit/LoadedView';
import { Page } from '../../shell/Page';
import { AdminOnly } from './AdminOnly';
import { FormSection } from './FormSection';
import { DefinePolicy, RetireRate, SetRate } from './PolicyForms';

/**
 * Administration → valuation policies: each policy with every rate version and retirement ever
 * set (never rewritten), a new policy, and a rate set or retired from a date.
 */
export function ValuationPoliciesPage() {
  const t = useT();
  const format = useFormat();
  const [version, reload] = useReload();
  const loaded = useLoad(
    (client) =>
      client.GET('/valuation-policies', { params: { query: { limit: 200 } } }).then(unwrap),
    [],
    version,
  );
  return (
    <Page title={t('policies.title')} lead={t('policies.lead')}>
      <AdminOnly>
        <LoadedView loaded={loaded}>
          {({ items: policies }) => (
            <>
              {policies.length === 0 ? <p>{t('policies.none')}</p> : null}
              {policies.map((policy) => (
                <FormSection
                  key={policy.policyId}
                  title={t('policies.policyTitle', {
                    name: policy.name,
                    currency: policy.currency,
                  })}
                >
                  <DataTable
                    caption={t('policies.entriesOf', { name: policy.name })}
                    captionHidden
                    rows={policy.entries}
                    rowKey={(entry) => String(entry.version)}
                    empty={t('policies.noRates')}
                    columns={[
                      {
                        key: 'kind',
                        header: t('policies.kind'),
                        rowHeader: true,
                        cell: (e) => `${t(CONTRIBUTION_KIND[e.kind])} (${e.unit})`,
                      },
                      {
                        key: 'from',
                        header: t('policies.effectiveFrom'),
                        cell: (e) => format.date(e.effectiveFrom),
                      },
                      {
                        key: 'rate',
                        header: t('policies.rate'),
                        numeric: true,
                        cell: (e) =>
                          e.entry === 'rate' && e.rate !== undefined
                            ? t('policies.rateValue', {
                                rate: format.number(e.rate, 4),
                                currency: e.currency ?? policy.currency,
                                unit: e.unit,
                              })
                            : t('policies.retired'),
                      },
                      {
                        key: 'why',
                        header: t('policies.sourceOrReason'),
                        cell: (e) => (e.entry === 'rate' ? e.source : e.reason) ?? '—',
                      },
                    ]}
                  />
                </FormSection>
              ))}
              <div className="form-grid">
                <DefinePolicy onRecorded={reload} />
                <SetRate policies={policies} onRecorded={reload} />
                <RetireRate policies={policies} onRecorded={reload} />
              </div>
            </>
          )}
        </LoadedView>
      </AdminOnly>
    </Page>
  );
}
