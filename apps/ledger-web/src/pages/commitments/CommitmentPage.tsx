import { useParams } from 'react-router';
import { useSignedIn } from '../../auth/SessionProvider';
import { unwrap, useLoad, useReload } from '../../api/use-load';
import type { Commitment } from '../../api/types';
import { useFormat } from '../../i18n/use-format';
import { COMMITMENT_KIND, COMMITMENT_STATUS } from '../../i18n/labels';
import { useT } from '../../i18n/use-t';
import { LoadedView } from '../../kit/LoadedView';
import { Page } from '../../shell/Page';
import { partnerNamesOf } from '../partner-names';
import { usePartnership } from '../partnership/PartnershipLayout';
import { AmendCommitmentForm } from './AmendCommitmentForm';
import { ClaimFulfilmentForm } from './ClaimFulfilmentForm';
import { CommitmentHistory } from './CommitmentHistory';
import { EndCommitmentForm, type Ending } from './EndCommitmentForm';
import { AcceptCommitment } from './commitment-commands';

const OPEN = new Set<Commitment['status']>(['made', 'accepted', 'in_progress']);

/**
 * One commitment and its whole history (terms versions, delivery claims and their settlement,
 * status changes), with what the signed-in partner may do about it now.
 */
export function CommitmentPage() {
  const t = useT();
  const format = useFormat();
  const overview = usePartnership();
  const { commitmentId = '' } = useParams();
  const [version, reload] = useReload();
  const loaded = useLoad(
    (client) =>
      client
        .GET('/commitments/{commitmentId}', { params: { path: { commitmentId } } })
        .then(unwrap),
    [commitmentId],
    version,
  );
  const partnerName = partnerNamesOf(overview);
  return (
    <LoadedView loaded={loaded}>
      {(commitment) => (
        <Page
          title={commitment.what}
          lead={t('commitment.lead', {
            partner: partnerName(commitment.partnerId),
            due: format.date(commitment.dueDate),
          })}
        >
          <dl className="facts">
            <div>
              <dt>{t('commitment.status')}</dt>
              <dd>{t(COMMITMENT_STATUS[commitment.status])}</dd>
            </div>
            <div>
              <dt>{t('commitment.kind')}</dt>
              <dd>{t(COMMITMENT_KIND[commitment.kind])}</dd>
            </div>
            <div>
              <dt>{t('commitment.beneficiary')}</dt>
              <dd>
                {commitment.beneficiary.partnerId
                  ? partnerName(commitment.beneficiary.partnerId)
                  : (commitment.beneficiary.name ?? '—')}
              </dd>
            </div>
            <div>
              <dt>{t('commitment.progress')}</dt>
              <dd>
                {commitment.quantity === null
                  ? format.number(commitment.claims.confirmed)
                  : t('commitment.progressValue', {
                      done: format.number(commitment.confirmedQuantity),
                      total: format.number(commitment.quantity),
                      unit: commitment.unit ?? '',
                    })}
              </dd>
            </div>
          </dl>
          <CommitmentHistory
            commitment={commitment}
            partnerName={partnerName}
            onRecorded={reload}
          />
          <CommitmentActions commitment={commitment} onRecorded={reload} />
        </Page>
      )}
    </LoadedView>
  );
}

/** What the signed-in partner may do now, by the commitment's rules (the ledger has the last word). */
function CommitmentActions({
  commitment,
  onRecorded,
}: {
  readonly commitment: Commitment;
  readonly onRecorded: () => void;
}) {
  const session = useSignedIn();
  const me = session.partnerId;
  if (!me || !OPEN.has(commitment.status)) return null;
  const committer = me === commitment.partnerId;
  const endings: Ending[] = committer
    ? ['withdrawal']
    : [
        ...(commitment.beneficiary.partnerId === me ? (['release'] as const) : []),
        ...(commitment.confirmedQuantity > 0 || commitment.claims.confirmed > 0
          ? (['partial-closure'] as const)
          : []),
      ];
  return (
    <>
      {!committer && commitment.status === 'made' ? (
        <AcceptCommitment
          commitmentId={commitment.commitmentId}
          what={commitment.what}
          onRecorded={onRecorded}
        />
      ) : null}
      {committer && commitment.status !== 'made' ? (
        <ClaimFulfilmentForm commitment={commitment} onClaimed={onRecorded} />
      ) : null}
      <AmendCommitmentForm commitment={commitment} onAmended={onRecorded} />
      <EndCommitmentForm commitment={commitment} endings={endings} onEnded={onRecorded} />
    </>
  );
}
