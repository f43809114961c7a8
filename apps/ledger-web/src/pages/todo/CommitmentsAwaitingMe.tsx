import { useState } from 'react';
import { Link } from 'react-router';
import { unwrap, useLoad, useReload } from '../../api/use-load';
import type { LedgerClient } from '../../api/client';
import type { Commitment } from '../../api/types';
import { useFormat } from '../../i18n/use-format';
import { useT } from '../../i18n/use-t';
import { DataTable } from '../../kit/DataTable';
import { LoadedView } from '../../kit/LoadedView';
import { loadPartnerNames } from '../partner-names';
import { AcceptCommitment, SettleClaim } from '../commitments/commitment-commands';

const commitmentPage = (c: { partnershipId: string; commitmentId: string }) =>
  `/partnerships/${c.partnershipId}/commitments/${encodeURIComponent(c.commitmentId)}`;

/**
 * What other partners committed and wait for the partnership to accept, and the deliveries they
 * reported that wait for confirmation: a member other than the committer accepts and confirms.
 */
export function CommitmentsAwaitingMe({ partnerId }: { readonly partnerId: string }) {
  const t = useT();
  const format = useFormat();
  const [version, reload] = useReload();
  const [done, setDone] = useState('');
  const loaded = useLoad((client) => awaitingPartner(client, partnerId), [partnerId], version);
  const recorded = (text: string) => () => {
    setDone(text);
    reload();
  };
  return (
    <>
      <p role="status" className="command-status">
        {done}
      </p>
      <LoadedView loaded={loaded}>
        {({ toAccept, toConfirm, partnerName }) => (
          <>
            <section aria-labelledby="todo-accept">
              <h2 id="todo-accept">{t('todo.toAccept', { count: toAccept.length })}</h2>
              <DataTable
                caption={t('todo.toAccept', { count: toAccept.length })}
                captionHidden
                rows={toAccept}
                rowKey={(c) => c.commitmentId}
                empty={t('todo.nothingToAccept')}
                columns={[
                  {
                    key: 'what',
                    header: t('commitment.what'),
                    rowHeader: true,
                    cell: (c) => <Link to={commitmentPage(c)}>{c.what}</Link>,
                  },
                  {
                    key: 'partner',
                    header: t('commitment.partner'),
                    cell: (c) => partnerName(c.partnershipId, c.partnerId),
                  },
                  { key: 'due', header: t('commitment.due'), cell: (c) => format.date(c.dueDate) },
                  {
                    key: 'act',
                    header: t('todo.action'),
                    cell: (c) => (
                      <AcceptCommitment
                        commitmentId={c.commitmentId}
                        what={c.what}
                        onRecorded={recorded(t('todo.acceptedOne', { what: c.what }))}
                      />
                    ),
                  },
                ]}
              />
            </section>
            <section aria-labelledby="todo-confirm">
              <h2 id="todo-confirm">{t('todo.toConfirm', { count: toConfirm.length })}</h2>
              <DataTable
                caption={t('todo.toConfirm', { count: toConfirm.length })}
                captionHidden
                rows={toConfirm}
                rowKey={({ claim }) => claim.claimId}
                empty={t('todo.nothingToConfirm')}
                columns={[
                  {
                    key: 'what',
                    header: t('commitment.what'),
                    rowHeader: true,
                    cell: ({ commitment }) => (
                      <Link to={commitmentPage(commitment)}>{commitment.what}</Link>
                    ),
                  },
                  {
                    key: 'partner',
                    header: t('commitment.partner'),
                    cell: ({ commitment }) =>
                      partnerName(commitment.partnershipId, commitment.partnerId),
                  },
                  {
                    key: 'evidence',
                    header: t('claim.evidence'),
                    cell: ({ claim }) => claim.evidence,
                  },
                  {
                    key: 'quantity',
                    header: t('commitment.quantity'),
                    numeric: true,
                    cell: ({ claim }) =>
                      claim.quantity === null
                        ? '—'
                        : `${format.number(claim.quantity)} ${claim.unit ?? ''}`,
                  },
                  {
                    key: 'act',
                    header: t('todo.action'),
                    cell: ({ commitment, claim }) => (
                      <SettleClaim
                        commitmentId={commitment.commitmentId}
                        claimId={claim.claimId}
                        what={commitment.what}
                        onRecorded={recorded(t('todo.settledOne', { what: commitment.what }))}
                      />
                    ),
                  },
                ]}
              />
            </section>
          </>
        )}
      </LoadedView>
    </>
  );
}

/** Commitments by others to accept, and their reported deliveries to confirm. */
async function awaitingPartner(client: LedgerClient, partnerId: string) {
  const list = (status: 'made' | 'open') =>
    client.GET('/commitments', { params: { query: { status, limit: 100 } } }).then(unwrap);
  const [made, open] = await Promise.all([list('made'), list('open')]);
  const byOthers = <C extends { partnerId: string }>(items: readonly C[]) =>
    items.filter((c) => c.partnerId !== partnerId);
  const withPendingClaims = byOthers(open.items).filter((c) => c.claims.pending > 0);
  const details: Commitment[] = await Promise.all(
    withPendingClaims.map((c) =>
      client
        .GET('/commitments/{commitmentId}', { params: { path: { commitmentId: c.commitmentId } } })
        .then(unwrap),
    ),
  );
  const toConfirm = details.flatMap((commitment) =>
    commitment.evidence
      .filter((claim) => claim.status === 'claimed')
      .map((claim) => ({ commitment, claim })),
  );
  const toAccept = byOthers(made.items);
  const partnershipIds = [...new Set([...toAccept, ...details].map((c) => c.partnershipId))];
  const namers = new Map(
    await Promise.all(
      partnershipIds.map(async (id) => [id, await loadPartnerNames(client, id)] as const),
    ),
  );
  const partnerName = (partnershipId: string, id: string) => namers.get(partnershipId)?.(id) ?? id;
  return { toAccept, toConfirm, partnerName };
}
