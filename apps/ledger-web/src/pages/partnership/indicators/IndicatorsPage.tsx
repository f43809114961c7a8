import { unwrap, useLoad, useReload } from '../../../api/use-load';
import { useFormat } from '../../../i18n/use-format';
import { INDICATOR_UNIT } from '../../../i18n/labels';
import { useT } from '../../../i18n/use-t';
import { DataTable } from '../../../kit/DataTable';
import { LoadedView } from '../../../kit/LoadedView';
import { Page } from '../../../shell/Page';
import { AdminOnly } from '../../admin/AdminOnly';
import { usePartnership } from '../PartnershipLayout';
import { DefineIndicator } from './DefineIndicator';
import { CorrectMeasurement, RecordMeasurement, RetireIndicator } from './MeasurementForms';

/**
 * A partnership's indicators, for administrators: defined (unit, baseline, target, objective),
 * measured, corrected (the first value stays in the log) and retired.
 */
export function IndicatorsPage() {
  const t = useT();
  const format = useFormat();
  const { partnershipId, name } = usePartnership();
  const [version, reload] = useReload();
  const loaded = useLoad(
    async (client) => {
      const list = await client
        .GET('/indicators', { params: { query: { partnershipId, limit: 100 } } })
        .then(unwrap);
      return Promise.all(
        list.items.map((indicator) =>
          client
            .GET('/indicators/{indicatorId}', {
              params: { path: { indicatorId: indicator.indicatorId } },
            })
            .then(unwrap),
        ),
      );
    },
    [partnershipId],
    version,
  );
  return (
    <Page title={t('indicatorAdmin.title')} lead={t('indicatorAdmin.lead', { name })}>
      <AdminOnly>
        <LoadedView loaded={loaded}>
          {(indicators) => (
            <>
              <DataTable
                caption={t('indicatorAdmin.list', { count: indicators.length })}
                rows={indicators}
                rowKey={(indicator) => indicator.indicatorId}
                empty={t('impact.noIndicators')}
                columns={[
                  {
                    key: 'name',
                    header: t('indicatorAdmin.name'),
                    rowHeader: true,
                    cell: (i) => `${i.name} (${i.code})`,
                  },
                  {
                    key: 'unit',
                    header: t('indicator.unit'),
                    cell: (i) => t(INDICATOR_UNIT[i.unit.kind]),
                  },
                  {
                    key: 'measurements',
                    header: t('indicatorAdmin.measurements'),
                    numeric: true,
                    cell: (i) => format.number(i.measurements),
                  },
                  {
                    key: 'latest',
                    header: t('indicatorAdmin.latest'),
                    numeric: true,
                    cell: (i) => (i.latest ? format.number(i.latest.value) : '—'),
                  },
                  {
                    key: 'status',
                    header: t('indicatorAdmin.status'),
                    cell: (i) =>
                      i.status === 'retired'
                        ? t('indicatorAdmin.retired')
                        : t('indicatorAdmin.defined'),
                  },
                ]}
              />
              <div className="form-grid">
                <DefineIndicator onRecorded={reload} />
                <RecordMeasurement indicators={indicators} onRecorded={reload} />
                <CorrectMeasurement indicators={indicators} onRecorded={reload} />
                <RetireIndicator indicators={indicators} onRecorded={reload} />
              </div>
            </>
          )}
        </LoadedView>
      </AdminOnly>
    </Page>
  );
}
