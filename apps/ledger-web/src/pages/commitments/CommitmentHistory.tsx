import { useSignedIn } from '../../auth/SessionProvider';
import type { Commitment } from '../../api/types';
import { useFormat } from '../../i18n/use-format';
import { CLAIM_STATUS, COMMITMENT_STATUS } from '../../i18n/labels';
import { useT } from '../../i18n/use-t';
import { DataTable } from '../../kit/DataTable';
import type { PartnerNames } from '../partner-names';
import { SettleClaim } from './commitment-commands';

/** The day an act took effect, and that it was entered later when it was back-filled. */
function useActDay() {
  const t = useT();
  const format = useFormat();
  return (day: string, backfilled: boolean) =>
    backfilled ? t('commitment.enteredLater', { date: format.date(day) }) : format.date(day);
}

/** A commitment's history: its terms versions, the deliveries claimed and how they were settled. */
export function CommitmentHistory({
  commitment,
  partnerName,
  onRecorded,
}: {
  readonly commitment: Commitment;
  readonly partnerName: PartnerNames;
  readonly onRecorded: () => void;
}) {
  const t = useT();
  const format = useFormat();
  const actDay = useActDay();
  const session = useSignedIn();
  const settles = Boolean(session.partnerId) && session.partnerId !== commitment.partnerId;
  return (
    <>
      <h2>{t('commitment.history')}</h2>
      <DataTable
        caption={t('commitment.termsHistory')}
        rows={commitment.termsHistory}
        rowKey={(terms) => String(terms.version)}
        columns={[
          {
            key: 'version',
            header: t('commitment.termsVersion'),
            rowHeader: true,
            numeric: true,
            cell: (terms) => format.number(terms.version),
          },
          { key: 'what', header: t('commitment.what'), cell: (terms) => terms.what },
          { key: 'due', header: t('commitment.due'), cell: (terms) => format.date(terms.dueDate) },
          {
            key: 'quantity',
            header: t('commitment.quantity'),
            cell: (terms) =>
              terms.quantity === null
                ? '—'
                : `${format.number(terms.quantity)} ${terms.unit ?? ''}`,
          },
          {
            key: 'reason',
            header: t('commitment.amendReason'),
            cell: (terms) => terms.reason ?? '—',
          },
          {
            key: 'on',
            header: t('commitment.on'),
            cell: (terms) => actDay(terms.effectiveDate, terms.backfilled),
          },
        ]}
      />
      <DataTable
        caption={t('claim.list')}
        rows={commitment.evidence}
        rowKey={(claim) => claim.claimId}
        empty={t('claim.none')}
        columns={[
          {
            key: 'evidence',
            header: t('claim.evidence'),
            rowHeader: true,
            cell: (c) => c.evidence,
          },
          { key: 'by', header: t('claim.by'), cell: (c) => partnerName(c.claimedBy) },
          {
            key: 'quantity',
            header: t('commitment.quantity'),
            numeric: true,
            cell: (c) =>
              c.quantity === null ? '—' : `${format.number(c.quantity)} ${c.unit ?? ''}`,
          },
          {
            key: 'delivered',
            header: t('claim.deliveredOn'),
            cell: (c) => actDay(c.deliveredOn, c.backfilled),
          },
          {
            key: 'status',
            header: t('commitment.status'),
            cell: (c) =>
              c.status === 'claimed' && settles ? (
                <SettleClaim
                  commitmentId={commitment.commitmentId}
                  claimId={c.claimId}
                  what={c.evidence}
                  onRecorded={onRecorded}
                />
              ) : (
                [t(CLAIM_STATUS[c.status]), c.disputeReason].filter(Boolean).join(' — ')
              ),
          },
        ]}
      />
      <DataTable
        caption={t('commitment.statusHistory')}
        rows={commitment.statusHistory}
        rowKey={(change) => `${change.to}-${change.at}`}
        columns={[
          {
            key: 'to',
            header: t('commitment.status'),
            rowHeader: true,
            cell: (change) => t(COMMITMENT_STATUS[change.to]),
          },
          { key: 'by', header: t('claim.by'), cell: (change) => partnerName(change.by) },
          { key: 'reason', header: t('commitment.endReason'), cell: (c) => c.reason ?? '—' },
          {
            key: 'on',
            header: t('commitment.on'),
            cell: (change) => actDay(change.effectiveDate, change.backfilled),
          },
        ]}
      />
    </>
  );
}
