import { Link } from 'react-router';
import { useLoad, useReload } from '../../api/use-load';
import { useFormat } from '../../i18n/use-format';
import { CONFLICT_STATUS } from '../../i18n/labels';
import { useT } from '../../i18n/use-t';
import { loadMediators } from '../conflicts/mediators';
import { partnerNamesOf } from '../partner-names';
import { PartnershipRegister } from './PartnershipRegister';
import { usePartnership } from './PartnershipLayout';
import { RaiseConflict } from './RaiseConflict';

export function ConflictsPage() {
  const t = useT();
  const format = useFormat();
  const partnership = usePartnership();
  const partnerName = partnerNamesOf(partnership);
  const [version, reload] = useReload();
  // The mediators' names beside the list: until they come (or if they do not), their ids.
  const mediators = useLoad(loadMediators, []);
  const mediatorName = (personId: string) =>
    mediators.status === 'loaded' ? mediators.data.name(personId) : personId;
  return (
    <PartnershipRegister
      title={t('conflicts.title')}
      lead={t('conflicts.lead', { name: partnership.name })}
      list={(client, partnershipId) =>
        client.GET('/conflicts', { params: { query: { partnershipId, limit: 500 } } })
      }
      reloaded={version}
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
        {
          key: 'mediator',
          header: t('conflict.mediator'),
          cell: (c) => (c.mediatorId ? mediatorName(c.mediatorId) : '—'),
        },
      ]}
    >
      <RaiseConflict onRaised={reload} />
    </PartnershipRegister>
  );
}
