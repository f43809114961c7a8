import { Link } from 'react-router';
import { hasRole } from '../auth/session';
import { useSession } from '../auth/SessionProvider';
import { unwrap, useLoad } from '../api/use-load';
import { useFormat } from '../i18n/use-format';
import { COMMITMENT_STATUS, PARTNERSHIP_STATUS } from '../i18n/labels';
import { useT } from '../i18n/use-t';
import { DataTable } from '../kit/DataTable';
import { LoadedView } from '../kit/LoadedView';
import { Page } from '../shell/Page';
import { useToday } from '../kit/dates';
import { loadPartnerNames } from './partner-names';
import { CommitmentsAwaitingMe } from './todo/CommitmentsAwaitingMe';
import { ConflictsAwaitingMe } from './todo/ConflictsAwaitingMe';

/**
 * The first overdue commitments, named: an administrator sees every partnership's, and naming
 * each partner costs a read of its partnership; the accountability pages list them all.
 */
const OVERDUE_SHOWN = 25;

/**
 * The home page: what needs the person's attention (commitments overdue, agreements waiting for
 * their signature) and the partnerships they may see.
 */
export function TodoPage() {
  const t = useT();
  const format = useFormat();
  const { state } = useSession();
  const personId = state.status === 'signed-in' ? state.session.personId : undefined;
  const partnerId =
    state.status === 'signed-in' ? (state.session.partnerId ?? undefined) : undefined;
  const asOf = useToday();
  const loaded = useLoad(
    async (client) => {
      const [partnerships, overdue, awaiting] = await Promise.all([
        client.GET('/partnerships', { params: { query: { limit: 100 } } }).then(unwrap),
        client
          .GET('/commitments', {
            params: {
              query: {
                overdueAsOf: asOf,
                limit: OVERDUE_SHOWN,
                ...(partnerId ? { partnerId } : {}),
              },
            },
          })
          .then(unwrap),
        partnerId
          ? client
              .GET('/agreements', {
                params: { query: { party: partnerId, status: 'awaiting_signatures', limit: 100 } },
              })
              .then(unwrap)
          : Promise.resolve(null),
      ]);
      const awaitingMe = (awaiting?.items ?? []).filter((agreement) =>
        agreement.pendingSignatures.includes(partnerId ?? ''),
      );
      // Overdue commitments may span partnerships: each one's partners, named once.
      const partnershipIds = [...new Set(overdue.items.map((c) => c.partnershipId))];
      const namers = new Map(
        await Promise.all(
          partnershipIds.map(async (id) => [id, await loadPartnerNames(client, id)] as const),
        ),
      );
      const partnerName = (partnershipId: string, id: string) =>
        namers.get(partnershipId)?.(id) ?? id;
      return {
        partnerships: partnerships.items,
        overdue: overdue.items,
        moreOverdue: overdue.next !== null,
        awaitingMe,
        asOf,
        partnerName,
      };
    },
    [partnerId, asOf],
  );

  return (
    <Page title={t('todo.title')} lead={t('todo.lead')}>
      <LoadedView loaded={loaded}>
        {({ partnerships, overdue, moreOverdue, awaitingMe, asOf, partnerName }) => (
          <>
            <section aria-labelledby="todo-overdue">
              <h2 id="todo-overdue">
                {t(moreOverdue ? 'todo.overdueFirst' : 'todo.overdue', { count: overdue.length })}
              </h2>
              <DataTable
                caption={t('todo.overdueCaption', { date: format.date(asOf) })}
                captionHidden
                rows={overdue}
                rowKey={(commitment) => commitment.commitmentId}
                empty={t('todo.nothingOverdue')}
                columns={[
                  {
                    key: 'what',
                    header: t('commitment.what'),
                    rowHeader: true,
                    cell: (commitment) => (
                      <Link to={`/partnerships/${commitment.partnershipId}/accountability`}>
                        {commitment.what}
                      </Link>
                    ),
                  },
                  {
                    key: 'partner',
                    header: t('commitment.partner'),
                    cell: (c) => partnerName(c.partnershipId, c.partnerId),
                  },
                  { key: 'due', header: t('commitment.due'), cell: (c) => format.date(c.dueDate) },
                  {
                    key: 'status',
                    header: t('commitment.status'),
                    cell: (c) => t(COMMITMENT_STATUS[c.status]),
                  },
                ]}
              />
            </section>
            {partnerId ? <CommitmentsAwaitingMe partnerId={partnerId} /> : null}
            {partnerId ? (
              <section aria-labelledby="todo-signatures">
                <h2 id="todo-signatures">{t('todo.toSign', { count: awaitingMe.length })}</h2>
                {awaitingMe.length === 0 ? (
                  <p>{t('todo.nothingToSign')}</p>
                ) : (
                  <ul>
                    {awaitingMe.map((agreement) => (
                      <li key={agreement.agreementId}>
                        <Link to={`/agreements/${agreement.agreementId}`}>{agreement.title}</Link>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            ) : null}
            {personId ? (
              <ConflictsAwaitingMe partnerId={partnerId ?? null} personId={personId} />
            ) : null}
            <section aria-labelledby="todo-partnerships">
              <h2 id="todo-partnerships">{t('todo.partnerships')}</h2>
              {state.status === 'signed-in' && hasRole(state.session, 'admin') ? (
                <p>
                  <Link to="/admin/partnerships/new" className="button">
                    {t('newPartnership.title')}
                  </Link>
                </p>
              ) : null}
              <DataTable
                caption={t('todo.partnerships')}
                captionHidden
                rows={partnerships}
                rowKey={(partnership) => partnership.partnershipId}
                empty={t('todo.noPartnerships')}
                columns={[
                  {
                    key: 'name',
                    header: t('partnership.name'),
                    rowHeader: true,
                    cell: (p) => <Link to={`/partnerships/${p.partnershipId}`}>{p.name}</Link>,
                  },
                  {
                    key: 'territory',
                    header: t('partnership.territory'),
                    cell: (p) => p.territory,
                  },
                  {
                    key: 'status',
                    header: t('partnership.status'),
                    cell: (p) => t(PARTNERSHIP_STATUS[p.status]),
                  },
                  {
                    key: 'members',
                    header: t('partnership.members'),
                    numeric: true,
                    cell: (p) => format.number(p.counts.members),
                  },
                ]}
              />
            </section>
          </>
        )}
      </LoadedView>
    </Page>
  );
}
