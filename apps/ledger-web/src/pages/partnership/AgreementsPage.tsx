import { Link } from 'react-router';
import { useReload } from '../../api/use-load';
import { useFormat } from '../../i18n/use-format';
import { AGREEMENT_STATUS } from '../../i18n/labels';
import { useT } from '../../i18n/use-t';
import { partnerNamesOf } from '../partner-names';
import { PartnershipRegister } from './PartnershipRegister';
import { usePartnership } from './PartnershipLayout';
import { ProposeAgreement } from './ProposeAgreement';

export function AgreementsPage() {
  const t = useT();
  const format = useFormat();
  const partnership = usePartnership();
  const partnerName = partnerNamesOf(partnership);
  const [version, reload] = useReload();
  return (
    <PartnershipRegister
      title={t('agreements.title')}
      lead={t('agreements.lead', { name: partnership.name })}
      list={(client, partnershipId) =>
        client.GET('/agreements', { params: { query: { partnershipId, limit: 500 } } })
      }
      reloaded={version}
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
            a.pendingSignatures.length ? a.pendingSignatures.map(partnerName).join(', ') : '—',
        },
        {
          key: 'ends',
          header: t('agreement.endsOn'),
          cell: (a) => (a.endsOn ? format.date(a.endsOn) : '—'),
        },
      ]}
    >
      <ProposeAgreement onProposed={reload} />
    </PartnershipRegister>
  );
}
