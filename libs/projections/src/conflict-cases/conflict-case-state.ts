import type { ConflictEvent, ConflictStatus, ConflictSubject } from '@cohesion/domain';
import type { PersonalText } from '../sql-kit';

export type CaseStatus = Exclude<ConflictStatus, 'none'>;

export const CASE_STATUSES = [
  'raised',
  'acknowledged',
  'mediator_proposed',
  'in_mediation',
  'resolved',
  'escalated',
  'withdrawn',
] as const satisfies readonly CaseStatus[];

/** A proposal (of a mediator or of a resolution) and the parties who accepted it so far. */
export interface PendingMediatorView {
  readonly mediatorId: string;
  readonly acceptedBy: readonly string[];
}

export interface PendingResolutionView {
  readonly proposalId: string;
  readonly proposedBy: string;
  readonly amendsAgreementId: string | null;
  readonly acceptedBy: readonly string[];
}

export interface LatestSessionView {
  readonly sessionId: string;
  readonly heldOn: string;
  /** Sealed for the mediator who wrote it (opened when served), or in clear from before sealing. */
  readonly summary: PersonalText;
}

export type CaseOutcome =
  | {
      readonly kind: 'resolved';
      readonly proposalId: string;
      readonly amendsAgreementId: string | null;
    }
  | { readonly kind: 'escalated'; readonly escalatedTo: string; readonly reason: string }
  | { readonly kind: 'withdrawn'; readonly withdrawnBy: string; readonly reason: string };

/**
 * A conflict case as a mediator sees it after an event. Compact on purpose: of the growing lists
 * (statements, sessions, proposals) it keeps counts and the latest session, so that the state
 * stored after each of thousands of events stays the same small size.
 */
export interface CaseState {
  readonly status: CaseStatus;
  readonly partnershipId: string;
  readonly raisedBy: string;
  /** The partners the conflict is raised against. */
  readonly parties: readonly string[];
  readonly subject: ConflictSubject;
  /** Sealed for who raised it (opened when served), or in clear from before sealing. */
  readonly summary: PersonalText;
  readonly mediatorId: string | null;
  readonly pendingMediator: PendingMediatorView | null;
  readonly pendingResolution: PendingResolutionView | null;
  readonly statements: number;
  readonly sessions: number;
  readonly proposals: number;
  readonly mediatorObjections: number;
  readonly rejectedProposals: number;
  readonly latestSession: LatestSessionView | null;
  readonly outcome: CaseOutcome | null;
  readonly followUpReviewOn: string | null;
}

export const isCaseOpen = (status: CaseStatus): boolean =>
  status !== 'resolved' && status !== 'escalated' && status !== 'withdrawn';

/** The raiser and the parties raised against. */
export const everyParty = (state: CaseState): string[] => [state.raisedBy, ...state.parties];

/**
 * The case after an event, from the case before it (`undefined` before it was raised). Pure and
 * O(1): mirrors the conflict decider's `evolve` without copying ever-growing lists.
 */
export function evolveCase(
  state: CaseState | undefined,
  event: ConflictEvent,
): CaseState | undefined {
  if (event.type === 'ConflictRaised') {
    const { partnershipId, raisedBy, parties, subject, summary } = event.data;
    return {
      status: 'raised',
      partnershipId,
      raisedBy,
      parties,
      subject,
      summary,
      mediatorId: null,
      pendingMediator: null,
      pendingResolution: null,
      statements: 0,
      sessions: 0,
      proposals: 0,
      mediatorObjections: 0,
      rejectedProposals: 0,
      latestSession: null,
      outcome: null,
      followUpReviewOn: null,
    };
  }
  return state && evolveRaised(state, event);
}

function evolveRaised(state: CaseState, event: ConflictEvent): CaseState {
  switch (event.type) {
    case 'ConflictRaised':
      return state;
    case 'ConflictAcknowledged':
      return { ...state, status: 'acknowledged' };
    case 'MediatorProposed':
      return {
        ...state,
        status: 'mediator_proposed',
        pendingMediator: { mediatorId: event.data.mediatorId, acceptedBy: [] },
      };
    case 'MediatorObjected':
      return {
        ...state,
        status: 'acknowledged',
        pendingMediator: null,
        mediatorObjections: state.mediatorObjections + 1,
      };
    case 'MediatorAccepted': {
      const pending = state.pendingMediator;
      if (!pending) return state;
      const acceptedBy = [...pending.acceptedBy, event.data.partyId];
      return { ...state, pendingMediator: { ...pending, acceptedBy } };
    }
    case 'MediatorAssigned':
      return {
        ...state,
        status: 'in_mediation',
        mediatorId: event.data.mediatorId,
        pendingMediator: null,
      };
    case 'StatementRecorded':
      return { ...state, statements: state.statements + 1 };
    case 'MediationSessionHeld': {
      const { sessionId, heldOn, summary } = event.data;
      return {
        ...state,
        sessions: state.sessions + 1,
        latestSession: { sessionId, heldOn, summary },
      };
    }
    case 'ResolutionProposed': {
      const { proposalId, proposedBy, amendsAgreementId } = event.data;
      // A new proposal supersedes the pending one, whose acceptances lapse with it.
      return {
        ...state,
        proposals: state.proposals + 1,
        pendingResolution: {
          proposalId,
          proposedBy,
          amendsAgreementId: amendsAgreementId ?? null,
          acceptedBy: [],
        },
      };
    }
    case 'ResolutionAccepted': {
      const pending = state.pendingResolution;
      if (!pending) return state;
      const acceptedBy = [...pending.acceptedBy, event.data.partyId];
      return { ...state, pendingResolution: { ...pending, acceptedBy } };
    }
    case 'ResolutionRejected':
      return {
        ...state,
        pendingResolution: null,
        rejectedProposals: state.rejectedProposals + 1,
      };
    case 'ConflictResolved': {
      const { proposalId, amendsAgreementId } = event.data;
      return {
        ...state,
        status: 'resolved',
        pendingResolution: null,
        outcome: { kind: 'resolved', proposalId, amendsAgreementId: amendsAgreementId ?? null },
      };
    }
    case 'ConflictEscalated': {
      const { escalatedTo, reason } = event.data;
      return {
        ...closed(state),
        status: 'escalated',
        outcome: { kind: 'escalated', escalatedTo, reason },
      };
    }
    case 'ConflictWithdrawn': {
      const { withdrawnBy, reason } = event.data;
      return {
        ...closed(state),
        status: 'withdrawn',
        outcome: { kind: 'withdrawn', withdrawnBy, reason },
      };
    }
    case 'FollowUpReviewScheduled':
      return { ...state, followUpReviewOn: event.data.reviewOn };
  }
}

/** A closed case awaits no answer any more. */
const closed = (state: CaseState): CaseState => ({
  ...state,
  pendingMediator: null,
  pendingResolution: null,
});
