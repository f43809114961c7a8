import type { Command } from '../decider';
import type { PartnershipFacts } from '../partnership';
import type { CommitmentBeneficiary, CommitmentKind, CommitmentTerms } from './commitment.events';

/** Facts about the commitment's partnership, folded by the handler from `partnership-<id>`. */
interface WithPartnership {
  readonly partnership: PartnershipFacts;
}

export type ClaimFulfilmentData = {
  commitmentId: string;
  claimId: string;
  /** Must be the committing partner. */
  claimedBy: string;
  evidence: string;
  quantity?: number;
  /** Defaults to the commitment's unit. */
  unit?: string;
  complete?: boolean;
  /** Set when the claim comes from a recorded contribution. */
  contributionId?: string;
  /** The day it was delivered: the contribution's date; else the day the claim took effect. */
  deliveredOn?: string;
};

export type CommitmentCommand =
  | (Command<
      'MakeCommitment',
      CommitmentTerms & {
        commitmentId: string;
        partnershipId: string;
        partnerId: string;
        objectiveId?: string;
        beneficiary: CommitmentBeneficiary;
        kind: CommitmentKind;
      }
    > &
      WithPartnership)
  | (Command<'AcceptCommitment', { commitmentId: string; acceptedBy: string }> & WithPartnership)
  | (Command<
      'AmendCommitment',
      CommitmentTerms & { commitmentId: string; amendedBy: string; reason: string }
    > &
      WithPartnership)
  | (Command<'ClaimFulfilment', ClaimFulfilmentData> & WithPartnership)
  | (Command<'ConfirmFulfilment', { commitmentId: string; claimId: string; confirmedBy: string }> &
      WithPartnership)
  | (Command<
      'DisputeFulfilment',
      { commitmentId: string; claimId: string; disputedBy: string; reason: string }
    > &
      WithPartnership)
  | (Command<
      'CloseCommitmentAsPartial',
      { commitmentId: string; closedBy: string; reason: string }
    > &
      WithPartnership)
  | Command<'ReleaseCommitment', { commitmentId: string; releasedBy: string; reason: string }>
  | Command<'WithdrawCommitment', { commitmentId: string; withdrawnBy: string; reason: string }>;
