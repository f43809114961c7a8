import { ENDED_COMMITMENT_STATUSES, type CommitmentFacts } from './commitment.state';

/**
 * Why a commitment takes no fulfilment claim from this partner, in this unit. Each aggregate that
 * checks the rule names the refusal in its own words (see the deciders' maps).
 */
export type ClaimRefusal =
  /** No such commitment was made. */
  | 'unknown'
  /** Made but not accepted by the partnership yet. */
  | 'not-accepted'
  /** Fulfilled, closed, released or withdrawn: it takes nothing new. */
  | 'ended'
  /** Only the committing partner claims to have delivered. */
  | 'not-by-committer'
  /** A quantity counted in another unit than the commitment's. */
  | 'unit-mismatch';

/** What a claim says, as far as the claim rule is concerned. */
export interface ClaimOnCommitment {
  readonly claimedBy: string;
  /** The quantity delivered, if counted, and its unit (the commitment's when absent). */
  readonly quantity?: number;
  readonly unit?: string;
}

/**
 * The one rule of the fulfilment hand-off: whether a commitment takes this claim. The commitment
 * checks it when claimed; a contribution that names the commitment checks it before it is
 * recorded, since recording it hands this very claim over to the commitment (see
 * `fulfilmentClaimFor`), and a contribution must never be recorded with a claim the commitment
 * would refuse.
 */
export function claimRefusalOf(
  commitment: CommitmentFacts,
  claim: ClaimOnCommitment,
): ClaimRefusal | undefined {
  if (commitment.status === 'none') return 'unknown';
  if (ENDED_COMMITMENT_STATUSES.includes(commitment.status)) return 'ended';
  if (commitment.status === 'made') return 'not-accepted';
  if (claim.claimedBy !== commitment.committerId) return 'not-by-committer';
  const counted = commitment.unit;
  if (
    counted !== undefined &&
    claim.quantity !== undefined &&
    (claim.unit ?? counted) !== counted
  ) {
    return 'unit-mismatch';
  }
  return undefined;
}
