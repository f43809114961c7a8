import { unwrap, useLoad } from '../../api/use-load';
import { useFormat } from '../../i18n/use-format';
import { useT } from '../../i18n/use-t';
import { preloadCharts } from '../../kit/ChartFigure';
import { DataTable } from '../../kit/DataTable';
import { LoadedView } from '../../kit/LoadedView';
import { Page } from '../../shell/Page';
import { IndicatorFigure } from '../impact/IndicatorFigure';
import { usePartnership } from './PartnershipLayout';

/** Each indicator against its baseline and target, and what residents and partners said. */
export function ImpactPage() {
  const t = useT();
  const format = useFormat();
  const { partnershipId, name } = usePartnership();
  const loaded = useLoad(
    async (client) => {
      preloadCharts();
      const impact = await client
        .GET('/partnerships/{partnershipId}/impact', { params: { path: { partnershipId } } })
        .then(unwrap);
      const indicators = await Promise.all(
        impact.indicators.items.map((indicator) =>
          client
            .GET('/indicators/{indicatorId}', {
              params: { path: { indicatorId: indicator.indicatorId } },
            })
            .then(unwrap),
        ),
      );
      return { impact, indicators };
    },
    [partnershipId],
  );
  return (
    <Page title={t('impact.title')} lead={t('impact.lead', { name })}>
      <LoadedView loaded={loaded}>
        {({ impact, indicators }) => {
          const feedback = impact.feedback;
          const ratings = Object.entries(feedback.ratings).map(([rating, count]) => ({
            rating,
            count,
          }));
          return (
            <>
              {indicators.length === 0 ? <p>{t('impact.noIndicators')}</p> : null}
              {indicators.map((indicator) => (
                <IndicatorFigure key={indicator.indicatorId} indicator={indicator} />
              ))}
              <h2>{t('impact.feedback')}</h2>
              <dl className="facts">
                <div>
                  <dt>{t('impact.feedbackReceived')}</dt>
                  <dd>{format.number(feedback.received)}</dd>
                </div>
                <div>
                  <dt>{t('impact.averageRating')}</dt>
                  <dd>
                    {feedback.averageRating === null
                      ? '—'
                      : t('impact.ratingValue', {
                          rating: format.number(feedback.averageRating, 1),
                        })}
                  </dd>
                </div>
                <div>
                  <dt>{t('impact.actedOn')}</dt>
                  <dd>
                    {feedback.actedOnRatio === null ? '—' : format.percent(feedback.actedOnRatio)}
                  </dd>
                </div>
              </dl>
              <DataTable
                caption={t('impact.ratings')}
                rows={ratings}
                rowKey={(row) => row.rating}
                columns={[
                  {
                    key: 'rating',
                    header: t('impact.rating'),
                    rowHeader: true,
                    cell: (r) => t('impact.ratingValue', { rating: r.rating }),
                  },
                  {
                    key: 'count',
                    header: t('impact.count'),
                    numeric: true,
                    cell: (r) => format.number(r.count),
                  },
                ]}
              />
            </>
          );
        }}
      </LoadedView>
    </Page>
  );
}
