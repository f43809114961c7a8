import { unwrap, useLoad } from '../../api/use-load';
import { useFormat } from '../../i18n/use-format';
import { useT } from '../../i18n/use-t';
import { DataTable } from '../../kit/DataTable';
import { LoadedView } from '../../kit/LoadedView';

/** Who read conflict cases, and which requests were denied (admins and auditors only). */
export function AccessAudit() {
  const t = useT();
  const format = useFormat();
  const loaded = useLoad(
    (client) => client.GET('/access-audit', { params: { query: { limit: 100 } } }).then(unwrap),
    [],
  );
  return (
    <section aria-labelledby="access-audit">
      <h2 id="access-audit">{t('accessAudit.title')}</h2>
      <LoadedView loaded={loaded}>
        {(page) => (
          <DataTable
            caption={t('accessAudit.title')}
            captionHidden
            rows={page.items}
            rowKey={(entry) => entry.eventId}
            empty={t('accessAudit.none')}
            columns={[
              {
                key: 'at',
                header: t('accessAudit.at'),
                rowHeader: true,
                cell: (e) => format.dateTime(e.recordedAt),
              },
              { key: 'who', header: t('accessAudit.who'), cell: (e) => e.principal.sub },
              { key: 'what', header: t('accessAudit.what'), cell: (e) => `${e.method} ${e.path}` },
              {
                key: 'outcome',
                header: t('accessAudit.outcome'),
                cell: (e) =>
                  t(e.outcome === 'granted' ? 'accessAudit.granted' : 'accessAudit.denied'),
              },
            ]}
          />
        )}
      </LoadedView>
    </section>
  );
}
