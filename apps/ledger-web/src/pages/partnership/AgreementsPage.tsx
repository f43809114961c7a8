import { Link } from 'react-router';
import { unwrap, useLoad } from '../../api/use-load';
import { useFormat } from '../../i18n/use-format';
import { AGREEMENT_STATUS } from '../../i18n/labels';
import { useT } from '../../i18n/use-t';
import { DataTable } from '../../kit/DataTable';
import { LoadedView } from '../../kit/LoadedView';
import { Page } from '../../shell/Page';
import { partnerNamesOf } from '../partner-names';
import { usePartnership } from './PartnershipLayout';

export function AgreementsPage() {
  const t = useT();
  const format = useFormat();
  const partnership = usePartnership();
  const { partnershipId, name } = partnership;
  const partnerName = partnerNamesOf(partnership);
  const loaded = useLoad(
    (client) =>
      client.GET('/agreements', { params: { query: { partnershipId, limit: 500 } } }).then(unwrap),
    [partnershipId],
  );
  return (
    <Page title={t('agreements.title')} lead={t('agreements.lead', { name })}>
      <LoadedView loaded={loaded}>
        {(page) => (
          <DataTable
            caption={t('agreements.title')}
            captionHidden
            rows={page.items}
            rowKey={(agreement) => agreement.agreementId}
            empty={t('agreements.none')}
            columns={[
              {
                key: 'title',
                header: t('agreement.title'),
                rowHeader: true,
                cell: (a) => <Link to={`/agreements/${a.agreementId}`}>{a.title}</Link>,
              },
              {
                key: 'status',
                header: t('agreement.status'),
                cell: (a) => t(AGREEMENT_STATUS[a.status]),
              },
              {
                key: 'version',
                header: t('agreement.version'),
                numeric: true,
                cell: (a) => format.number(a.currentVersion),
              },
              {
                key: 'pending',
                header: t('agreement.pendingSignatures'),
                cell: (a) =>
                  a.pendingSignatures.length
                    ? a.pendingSignatures.map(partnerName).join(', ')
                    : '—',
              },
              {
                key: 'ends',
                header: t('agreement.endsOn'),
                cell: (a) => (a.endsOn ? format.date(a.endsOn) : '—'),
              },
            ]}
          />
        )}
      </LoadedView>
    </Page>
  );
}
