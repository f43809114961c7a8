import type { ConflictSubject } from './conflict.events';

export type ConflictStatus =
  | 'none'
  | 'raised'
  | 'acknowledged'
  | 'mediator_proposed'
  | 'in_mediation'
  | 'resolved'
  | 'escalated'
  | 'withdrawn';

/** A proposal (of a mediator, or of a resolution) awaiting the answer of every party. */
export interface PendingMediator {
  readonly mediatorId: string;
  readonly acceptedBy: readonly string[];
}

export interface PendingResolution {
  readonly proposalId: string;
  readonly amendsAgreementId?: string;
  readonly acceptedBy: readonly string[];
}

/** Plain data (no Map) so that the state can be served as JSON as it stood at any revision. */
export interface ConflictState {
  readonly status: ConflictStatus;
  readonly conflictId?: string;
  readonly partnershipId?: string;
  readonly raisedBy?: string;
  /** The partners raised against; see `partiesOf` for everyone who answers proposals. */
  readonly parties: readonly string[];
  readonly subject?: ConflictSubject;
  readonly summary?: string;
  readonly proposedMediator?: PendingMediator;
  readonly mediatorId?: string;
  readonly statementIds: readonly string[];
  readonly sessionIds: readonly string[];
  /** Every proposal id ever made, so that none is reused. */
  readonly proposalIds: readonly string[];
  readonly currentProposal?: PendingResolution;
  readonly resolvedBy?: string;
  readonly followUpReviewOn?: string;
}

export const initialConflictState = (): ConflictState => ({
  status: 'none',
  parties: [],
  statementIds: [],
  sessionIds: [],
  proposalIds: [],
});

/** The raiser and the parties raised against: each must accept a mediator and a resolution. */
export function partiesOf(state: ConflictState): readonly string[] {
  return state.raisedBy === undefined ? state.parties : [state.raisedBy, ...state.parties];
}

/** Resolved, escalated or withdrawn. */
export function isConflictClosed(state: ConflictState): boolean {
  return (
    state.status === 'resolved' || state.status === 'escalated' || state.status === 'withdrawn'
  );
}
