import type { ClaimFulfilmentData } from '../commitment';
import type { ContributionEvent } from './contribution.events';

/**
 * A contribution recorded against a commitment is the committer's claim that it delivered:
 * the handler sends `ClaimFulfilment` with this data to `commitment-<commitmentId>`, where
 * another member confirms or disputes it. The claim id derives from the contribution id, so a
 * retried hand-off claims nothing twice.
 */
export function fulfilmentClaimFor(event: ContributionEvent): ClaimFulfilmentData | undefined {
  if (event.type !== 'ContributionRecorded' || event.data.commitmentId === undefined) {
    return undefined;
  }
  const { contributionId, commitmentId, partnerId, quantity, unit, date, description } = event.data;
  return {
    commitmentId,
    claimId: fulfilmentClaimIdFor(contributionId),
    claimedBy: partnerId,
    evidence: `Contribution ${contributionId} of ${date}: ${description}`,
    quantity,
    unit,
    contributionId,
    deliveredOn: date,
  };
}

export function fulfilmentClaimIdFor(contributionId: string): string {
  return `contribution-${contributionId}`;
}
