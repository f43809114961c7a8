import type {
  CommitmentBeneficiary,
  CommitmentKind,
  CommitmentStatus,
  UNSPECIFIED_COMMITMENT_KIND,
} from '@cohesion/domain';
import type { BackfillMark } from '../projection-kit';

export type CommitmentStatusView = Exclude<CommitmentStatus, 'none'>;

/** The kind of resource promised; `unspecified` for commitments made before kinds existed. */
export type CommitmentKindView = CommitmentKind | typeof UNSPECIFIED_COMMITMENT_KIND;

/** A commitment as the accountability read model answers it. */
export interface CommitmentView extends BackfillMark {
  readonly commitmentId: string;
  /** Log position at which it was made: the order of lists and exports. */
  readonly position: number;
  readonly partnershipId: string;
  /** The committing partner. */
  readonly partnerId: string;
  readonly objectiveId: string | null;
  readonly beneficiary: CommitmentBeneficiary;
  readonly kind: CommitmentKindView;
  /** The terms in force (version `termsVersion`). */
  readonly what: string;
  readonly dueDate: string;
  readonly quantity: number | null;
  readonly unit: string | null;
  readonly termsVersion: number;
  readonly status: CommitmentStatusView;
  /** Sum of the confirmed claims, in `unit`: what was delivered against `quantity`. */
  readonly confirmedQuantity: number;
  readonly acceptedBy: string | null;
  /** Recorded at (the ledger's instant). */
  readonly madeAt: string;
  /** The day it was made (effective date, as its recorder said). */
  readonly madeOn: string;
  readonly endedAt: string | null;
  readonly endedOn: string | null;
  readonly endReason: string | null;
  /** The day the completing claim says it was delivered; null unless fulfilled. */
  readonly deliveredOn: string | null;
  /** Delivered (`deliveredOn`) on or before the due date; null unless fulfilled. */
  readonly fulfilledOnTime: boolean | null;
  /** Open with its due date before the day asked about (`asOf`); never stored. */
  readonly overdue: boolean;
  readonly claims: {
    readonly pending: number;
    readonly confirmed: number;
    readonly disputed: number;
  };
}

export interface TermsVersionView extends BackfillMark {
  readonly version: number;
  readonly what: string;
  readonly dueDate: string;
  readonly quantity: number | null;
  readonly unit: string | null;
  /** Null for version 1, as made. */
  readonly amendedBy: string | null;
  readonly reason: string | null;
  readonly recordedAt: string;
  readonly effectiveDate: string;
}

/** A fulfilment claim: the evidence, and how the partnership settled it. */
export interface CommitmentClaimView extends BackfillMark {
  readonly claimId: string;
  readonly claimedBy: string;
  readonly evidence: string;
  readonly quantity: number | null;
  readonly unit: string | null;
  readonly complete: boolean;
  readonly contributionId: string | null;
  readonly status: 'claimed' | 'confirmed' | 'disputed';
  readonly claimedAt: string;
  /** The day delivered, as the claim (or its contribution) says. */
  readonly deliveredOn: string;
  readonly settledBy: string | null;
  readonly settledAt: string | null;
  readonly disputeReason: string | null;
}

export interface StatusChangeView extends BackfillMark {
  readonly from: CommitmentStatusView | null;
  readonly to: CommitmentStatusView;
  /** The partner whose act changed it (committer, accepter, confirmer, closer…). */
  readonly by: string;
  /** The authenticated principal who recorded that act. */
  readonly actor: string;
  readonly reason: string | null;
  /** Recorded at. */
  readonly at: string;
  /** The day the act that changed it took effect. */
  readonly effectiveDate: string;
  readonly position: number;
}

export interface CommitmentDetailView extends CommitmentView {
  readonly termsHistory: readonly TermsVersionView[];
  readonly evidence: readonly CommitmentClaimView[];
  readonly statusHistory: readonly StatusChangeView[];
}

/** How many commitments are in each state; `overdue` as of the day asked about. */
export interface AccountabilityCounts {
  readonly made: number;
  readonly open: number;
  readonly fulfilled: number;
  readonly closedPartial: number;
  readonly released: number;
  readonly withdrawn: number;
  readonly overdue: number;
  readonly fulfilledOnTime: number;
}

export interface AccountabilitySummary extends AccountabilityCounts {
  /**
   * fulfilled ÷ commitments that came to term: ended other than released (the beneficiary waived
   * those), or still open and overdue. Null while none came to term.
   */
  readonly fulfilmentRate: number | null;
  /** fulfilled on or before the due date in force ÷ fulfilled; null while none is fulfilled. */
  readonly onTimeRate: number | null;
}
