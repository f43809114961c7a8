import type { CommitmentBeneficiary, CommitmentKind, CommitmentTerms } from './commitment.events';

export type CommitmentStatus =
  | 'none'
  | 'made'
  | 'accepted'
  | 'in_progress'
  | 'fulfilled'
  | 'closed_partial'
  | 'released'
  | 'withdrawn';

export const ENDED_COMMITMENT_STATUSES: readonly CommitmentStatus[] = [
  'fulfilled',
  'closed_partial',
  'released',
  'withdrawn',
];

/** One version of the terms: version 1 as made, then one per amendment. */
export interface TermsVersion extends Readonly<CommitmentTerms> {
  readonly version: number;
  readonly amendedBy?: string;
  readonly reason?: string;
}

export type ClaimStatus = 'claimed' | 'confirmed' | 'disputed';

export interface FulfilmentClaim {
  readonly claimedBy: string;
  readonly evidence: string;
  readonly quantity?: number;
  readonly unit?: string;
  readonly complete: boolean;
  readonly contributionId?: string;
  readonly status: ClaimStatus;
  /** Who confirmed or disputed it. */
  readonly settledBy?: string;
}

/**
 * Plain data. Overdue is deliberately absent: it depends on the day you look, so read models
 * derive it from `terms.dueDate` (see `isCommitmentOverdue`).
 */
export interface CommitmentState {
  readonly status: CommitmentStatus;
  readonly commitmentId?: string;
  readonly partnershipId?: string;
  /** The committing partner. */
  readonly committerId?: string;
  readonly objectiveId?: string;
  readonly beneficiary?: CommitmentBeneficiary;
  /** Absent for a commitment made before commitments had a kind. */
  readonly kind?: CommitmentKind;
  readonly acceptedBy?: string;
  /** The terms in force (the last of `termsHistory`). */
  readonly terms?: Readonly<CommitmentTerms>;
  readonly termsHistory: readonly TermsVersion[];
  readonly claims: Readonly<Record<string, FulfilmentClaim>>;
  /** Sum of confirmed claim quantities, in the unit of the terms. */
  readonly confirmedQuantity: number;
  readonly endReason?: string;
}

export const initialCommitmentState = (): CommitmentState => ({
  status: 'none',
  termsHistory: [],
  claims: {},
  confirmedQuantity: 0,
});

export function isCommitmentEnded(state: CommitmentState): boolean {
  return ENDED_COMMITMENT_STATUSES.includes(state.status);
}

/** Overdue on `today` (YYYY-MM-DD): still open and its due date has passed. */
export function isCommitmentOverdue(state: CommitmentState, today: string): boolean {
  if (state.status === 'none' || isCommitmentEnded(state) || !state.terms) return false;
  return state.terms.dueDate < today;
}

/**
 * What other aggregates (a contribution that fulfils this commitment) need to know about it.
 * The handler folds `commitment-<id>` and passes these facts in the command.
 */
export interface CommitmentFacts {
  readonly commitmentId: string;
  readonly status: CommitmentStatus;
  readonly partnershipId?: string;
  readonly committerId?: string;
  /** The unit of a commitment with a quantity; absent when nothing is counted. */
  readonly unit?: string;
}

export function commitmentFacts(commitmentId: string, state: CommitmentState): CommitmentFacts {
  return {
    commitmentId,
    status: state.status,
    ...(state.partnershipId ? { partnershipId: state.partnershipId } : {}),
    ...(state.committerId ? { committerId: state.committerId } : {}),
    ...(state.terms?.unit !== undefined && state.terms.quantity !== undefined
      ? { unit: state.terms.unit }
      : {}),
  };
}
