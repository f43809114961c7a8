import type { ContributionKind } from '../contribution/contribution.events';

/** What kind of resource is promised: the kinds contributions are given in. */
export type CommitmentKind = ContributionKind;

/** What read models say of a commitment made before commitments had a kind. */
export const UNSPECIFIED_COMMITMENT_KIND = 'unspecified';

/** To whom the commitment is made: a partner of the partnership, or a group described in words. */
export type CommitmentBeneficiary =
  | { kind: 'partner'; partnerId: string }
  | { kind: 'group'; name: string };

/** What is promised, and by when; a quantity always comes with its unit. */
export interface CommitmentTerms {
  what: string;
  dueDate: string;
  quantity?: number;
  unit?: string;
}

export type CommitmentEvent =
  | {
      type: 'CommitmentMade';
      data: CommitmentTerms & {
        commitmentId: string;
        partnershipId: string;
        /** The committing partner. */
        partnerId: string;
        objectiveId?: string;
        beneficiary: CommitmentBeneficiary;
        /** Required of new commitments; absent from those made before commitments had a kind. */
        kind?: CommitmentKind;
      };
    }
  | { type: 'CommitmentAccepted'; data: { commitmentId: string; acceptedBy: string } }
  | {
      /** Renegotiated terms; the earlier ones stay in the stream (and in `termsHistory`). */
      type: 'CommitmentAmended';
      data: CommitmentTerms & { commitmentId: string; amendedBy: string; reason: string };
    }
  | {
      type: 'FulfilmentClaimed';
      data: {
        commitmentId: string;
        claimId: string;
        claimedBy: string;
        evidence: string;
        quantity?: number;
        unit?: string;
        /** For a commitment without quantity: the claimant says this delivery completes it. */
        complete: boolean;
        contributionId?: string;
        /**
         * The day delivered, on which on-time is judged (absent from claims recorded before
         * effective dates: then the day the claim was recorded).
         */
        deliveredOn?: string;
      };
    }
  | {
      type: 'FulfilmentConfirmed';
      data: {
        commitmentId: string;
        claimId: string;
        confirmedBy: string;
        /** The quantity that now counts as delivered (the claim's), when the claim had one. */
        quantity?: number;
        unit?: string;
      };
    }
  | {
      type: 'FulfilmentDisputed';
      data: { commitmentId: string; claimId: string; disputedBy: string; reason: string };
    }
  | {
      /** Emitted with the confirmation that completes the commitment. */
      type: 'CommitmentFulfilled';
      data: { commitmentId: string; claimId: string; deliveredQuantity?: number; unit?: string };
    }
  | {
      type: 'CommitmentClosedAsPartial';
      data: {
        commitmentId: string;
        closedBy: string;
        reason: string;
        deliveredQuantity?: number;
        unit?: string;
      };
    }
  | {
      type: 'CommitmentReleased';
      data: { commitmentId: string; releasedBy: string; reason: string };
    }
  | {
      type: 'CommitmentWithdrawn';
      data: { commitmentId: string; withdrawnBy: string; reason: string };
    };
