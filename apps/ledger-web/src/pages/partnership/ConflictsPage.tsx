import { Link } from 'react-router';
import { unwrap, useLoad } from '../../api/use-load';
import { useFormat } from '../../i18n/use-format';
import { CONFLICT_STATUS } from '../../i18n/labels';
import { useT } from '../../i18n/use-t';
import { DataTable } from '../../kit/DataTable';
import { LoadedView } from '../../kit/LoadedView';
import { Page } from '../../shell/Page';
import { partnerNamesOf } from '../partner-names';
import { usePartnership } from './PartnershipLayout';

export function ConflictsPage() {
  const t = useT();
  const format = useFormat();
  const partnership = usePartnership();
  const { partnershipId, name } = partnership;
  const partnerName = partnerNamesOf(partnership);
  const loaded = useLoad(
    (client) =>
      client.GET('/conflicts', { params: { query: { partnershipId, limit: 500 } } }).then(unwrap),
    [partnershipId],
  );
  return (
    <Page title={t('conflicts.title')} lead={t('conflicts.lead', { name })}>
      <LoadedView loaded={loaded}>
        {(page) => (
          <DataTable
            caption={t('conflicts.title')}
            captionHidden
            rows={page.items}
            rowKey={(conflict) => conflict.conflictId}
            empty={t('conflicts.none')}
            columns={[
              {
                key: 'summary',
                header: t('conflict.summary'),
                rowHeader: true,
                cell: (c) => <Link to={`/conflicts/${c.conflictId}`}>{c.summary}</Link>,
              },
              {
                key: 'status',
                header: t('conflict.status'),
                cell: (c) => t(CONFLICT_STATUS[c.status]),
              },
              {
                key: 'raisedBy',
                header: t('conflict.raisedBy'),
                cell: (c) => partnerName(c.raisedBy),
              },
              {
                key: 'raisedAt',
                header: t('conflict.raisedAt'),
                cell: (c) => format.date(c.raisedAt),
              },
              { key: 'mediator', header: t('conflict.mediator'), cell: (c) => c.mediatorId ?? '—' },
            ]}
          />
        )}
      </LoadedView>
    </Page>
  );
}
