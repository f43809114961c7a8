import { useFormat } from '../../i18n/use-format';
import { OBJECTIVE_STATUS, PARTNER_KIND, PARTNERSHIP_STATUS } from '../../i18n/labels';
import { useT } from '../../i18n/use-t';
import { DataTable } from '../../kit/DataTable';
import { Page } from '../../shell/Page';
import { usePartnership } from './PartnershipLayout';

export function OverviewPage() {
  const t = useT();
  const format = useFormat();
  const partnership = usePartnership();
  return (
    <Page title={partnership.name} lead={partnership.purpose}>
      <dl className="facts">
        <div>
          <dt>{t('partnership.status')}</dt>
          <dd>{t(PARTNERSHIP_STATUS[partnership.status])}</dd>
        </div>
        <div>
          <dt>{t('partnership.territory')}</dt>
          <dd>{partnership.territory}</dd>
        </div>
        <div>
          <dt>{t('partnership.neighbourhoods')}</dt>
          <dd>{partnership.neighbourhoods.join(', ')}</dd>
        </div>
        <div>
          <dt>{t('partnership.founded')}</dt>
          <dd>{format.date(partnership.foundedOn)}</dd>
        </div>
      </dl>
      <h2>{t('partnership.partners')}</h2>
      <DataTable
        caption={t('partnership.partnersCaption', { count: partnership.partners.length })}
        rows={partnership.partners}
        rowKey={(partner) => partner.partnerId}
        columns={[
          { key: 'name', header: t('partner.name'), rowHeader: true, cell: (p) => p.name },
          { key: 'kind', header: t('partner.kind'), cell: (p) => t(PARTNER_KIND[p.kind]) },
          { key: 'role', header: t('partner.role'), cell: (p) => p.role },
          {
            key: 'responsibilities',
            header: t('partner.responsibilities'),
            cell: (p) => p.responsibilities.join(', '),
          },
          { key: 'joined', header: t('partner.joined'), cell: (p) => format.date(p.joinedOn) },
        ]}
      />
      <h2>{t('partnership.objectives')}</h2>
      <DataTable
        caption={t('partnership.objectives')}
        captionHidden
        rows={partnership.objectives}
        rowKey={(objective) => objective.objectiveId}
        empty={t('partnership.noObjectives')}
        columns={[
          { key: 'title', header: t('objective.title'), rowHeader: true, cell: (o) => o.title },
          { key: 'description', header: t('objective.description'), cell: (o) => o.description },
          {
            key: 'target',
            header: t('objective.targetDate'),
            cell: (o) => (o.targetDate ? format.date(o.targetDate) : '—'),
          },
          {
            key: 'status',
            header: t('objective.status'),
            cell: (o) => t(OBJECTIVE_STATUS[o.status]),
          },
        ]}
      />
    </Page>
  );
}
