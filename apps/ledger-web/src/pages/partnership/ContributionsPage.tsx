import { useSearchParams } from 'react-router';
import { hasRole } from '../../auth/session';
import { useSignedIn } from '../../auth/SessionProvider';
import { unwrap, useLoad, useReload } from '../../api/use-load';
import { useFormat } from '../../i18n/use-format';
import { CONTRIBUTION_KIND, VALUATION_CHOICE } from '../../i18n/labels';
import { useT } from '../../i18n/use-t';
import { preloadCharts } from '../../kit/ChartFigure';
import { DataTable } from '../../kit/DataTable';
import { LoadedView } from '../../kit/LoadedView';
import { SearchParamForm } from '../../kit/SearchParamForm';
import { Page } from '../../shell/Page';
import { ContributionCharts } from './ContributionCharts';
import { RecordContributionForm } from '../contributions/RecordContributionForm';
import { RecentContributions } from '../contributions/RecentContributions';
import { partnerNamesOf } from '../partner-names';
import { usePartnership } from './PartnershipLayout';

/** The latest contributions listed to act on (reversed ones among them are not shown). */
const LATEST = 30;

/** Who contributed what (raw and valued), over time, and how evenly. */
export function ContributionsPage() {
  const t = useT();
  const format = useFormat();
  const overview = usePartnership();
  const { partnershipId, name } = overview;
  const session = useSignedIn();
  const [version, reload] = useReload();
  const [search] = useSearchParams();
  const policyId = search.get('policyId') ?? '';
  const loaded = useLoad(
    async (client) => {
      preloadCharts();
      const query = policyId ? { policyId } : {};
      const params = { path: { partnershipId }, query };
      const [recognition, equity, latest] = await Promise.all([
        client.GET('/partnerships/{partnershipId}/contributions', { params }).then(unwrap),
        client.GET('/partnerships/{partnershipId}/equity', { params }).then(unwrap),
        client
          .GET('/contributions', {
            params: { query: { partnershipId, limit: LATEST, order: 'latest', ...query } },
          })
          .then(unwrap),
      ]);
      return { recognition, equity, contributions: latest.items };
    },
    [partnershipId, policyId],
    version,
  );
  return (
    <Page title={t('contributions.title')} lead={t('contributions.lead', { name })}>
      <SearchParamForm
        name="policyId"
        label={t('contributions.policy')}
        hint={t('contributions.policyHint')}
        value={policyId}
      />
      <LoadedView loaded={loaded}>
        {({ recognition, equity, contributions }) => {
          const valued = recognition.valuation !== null;
          const rows = recognition.partners.flatMap((partner) =>
            partner.totals.byKindAndUnit.map((line) => ({ partner, line })),
          );
          const reversed = recognition.partners.flatMap((partner) =>
            partner.reversed.map((contribution) => ({ partner, contribution })),
          );
          return (
            <>
              <dl className="facts">
                <div>
                  <dt>{t('contributions.count')}</dt>
                  <dd>{format.number(recognition.totals.contributions)}</dd>
                </div>
                {recognition.valuation !== null ? (
                  <div>
                    <dt>{t('contributions.policy')}</dt>
                    <dd>
                      {t('contributions.valuedUnder', {
                        policy: recognition.valuation.name,
                        choice: t(VALUATION_CHOICE[recognition.valuation.chosenBy]),
                      })}
                    </dd>
                  </div>
                ) : null}
                {valued ? (
                  <div>
                    <dt>{t('contributions.totalValue')}</dt>
                    <dd>{format.euros((recognition.totals.valueCents ?? 0) / 100)}</dd>
                  </div>
                ) : null}
                {equity.gini !== null ? (
                  <div>
                    <dt>{t('contributions.gini')}</dt>
                    <dd>{format.number(equity.gini, 3)}</dd>
                  </div>
                ) : null}
              </dl>
              {!valued ? <p className="notice">{t('contributions.notValued')}</p> : null}
              <ContributionCharts recognition={recognition} equity={equity} />
              <DataTable
                caption={t('contributions.byPartnerAndKind')}
                rows={rows}
                rowKey={({ partner, line }) => `${partner.partnerId}/${line.kind}/${line.unit}`}
                empty={t('contributions.none')}
                columns={[
                  {
                    key: 'partner',
                    header: t('partner.name'),
                    rowHeader: true,
                    cell: ({ partner }) => partner.name ?? partner.partnerId,
                  },
                  {
                    key: 'kind',
                    header: t('contribution.kind'),
                    cell: ({ line }) => t(CONTRIBUTION_KIND[line.kind]),
                  },
                  {
                    key: 'count',
                    header: t('contributions.count'),
                    numeric: true,
                    cell: ({ line }) => format.number(line.contributions),
                  },
                  {
                    key: 'quantity',
                    header: t('contribution.quantity'),
                    numeric: true,
                    cell: ({ line }) =>
                      t('quantity.withUnit', {
                        quantity: format.number(line.quantity),
                        unit: line.unit,
                      }),
                  },
                  {
                    key: 'value',
                    header: t('contribution.value'),
                    numeric: true,
                    cell: ({ line }) =>
                      valued && line.valueCents !== null
                        ? format.euros(line.valueCents / 100)
                        : '—',
                  },
                ]}
              />
              <RecentContributions
                contributions={contributions}
                partnerName={partnerNamesOf(overview)}
                onRecorded={reload}
              />
              <DataTable
                caption={t('contributions.acknowledgements')}
                rows={recognition.partners}
                rowKey={(partner) => partner.partnerId}
                columns={[
                  {
                    key: 'partner',
                    header: t('partner.name'),
                    rowHeader: true,
                    cell: (p) => p.name ?? p.partnerId,
                  },
                  {
                    key: 'share',
                    header: t('contributions.share'),
                    numeric: true,
                    cell: (p) => (p.share === null ? '—' : format.percent(p.share)),
                  },
                  {
                    key: 'acknowledged',
                    header: t('contributions.acknowledged'),
                    numeric: true,
                    cell: (p) => format.number(p.acknowledgedContributions),
                  },
                  {
                    key: 'received',
                    header: t('contributions.acknowledgementsReceived'),
                    numeric: true,
                    cell: (p) => format.number(p.acknowledgementsReceived),
                  },
                ]}
              />
              <h2>{t('contributions.reversed')}</h2>
              <DataTable
                caption={t('contributions.reversed')}
                captionHidden
                rows={reversed}
                rowKey={({ contribution }) => contribution.contributionId}
                empty={t('contributions.noneReversed')}
                columns={[
                  {
                    key: 'partner',
                    header: t('partner.name'),
                    rowHeader: true,
                    cell: ({ partner }) => partner.name ?? partner.partnerId,
                  },
                  {
                    key: 'kind',
                    header: t('contribution.kind'),
                    cell: ({ contribution }) => t(CONTRIBUTION_KIND[contribution.kind]),
                  },
                  {
                    key: 'quantity',
                    header: t('contribution.quantity'),
                    numeric: true,
                    cell: ({ contribution: c }) =>
                      t('quantity.withUnit', { quantity: format.number(c.quantity), unit: c.unit }),
                  },
                  {
                    key: 'date',
                    header: t('contribution.date'),
                    cell: ({ contribution }) => format.date(contribution.date),
                  },
                  {
                    key: 'reason',
                    header: t('contribution.reversalReason'),
                    cell: ({ contribution }) => contribution.reason ?? '—',
                  },
                ]}
              />
            </>
          );
        }}
      </LoadedView>
      {hasRole(session, 'partner', 'partner_admin', 'admin') ? (
        <RecordContributionForm overview={overview} onRecorded={reload} />
      ) : null}
    </Page>
  );
}
