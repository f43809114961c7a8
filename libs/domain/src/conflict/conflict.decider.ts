import { effectiveDateOf } from '../calendar';
import { isOpenForActivity } from '../partnership/partnership.state';
import type { Decider } from '../decider';
import { AggregateNotFound } from '../domain-errors';
import type { ConflictCommand, RaiseConflict } from './conflict.commands';
import type { ConflictEvent } from './conflict.events';
import {
  decideResolutionAnswer,
  decideResolutionProposal,
  decideSession,
  decideStatement,
} from './conflict.mediation';
import { assertNotAnswered, assertParty, violation } from './conflict.rules';
import {
  type ConflictState,
  initialConflictState,
  isConflictClosed,
  partiesOf,
  type PendingMediator,
} from './conflict.state';

export function decideConflict(command: ConflictCommand, state: ConflictState): ConflictEvent[] {
  if (command.type === 'RaiseConflict') return decideRaise(command, state);
  const { conflictId } = command.data;
  if (state.status === 'none') throw new AggregateNotFound('Conflict', conflictId);
  // The one thing a closed case still takes: a date to look back at how the resolution holds.
  if (command.type === 'ScheduleFollowUpReview') {
    if (state.status !== 'resolved') {
      throw violation('conflict-not-resolved', `Conflict ${conflictId} is ${state.status}`);
    }
    if (command.data.reviewOn <= effectiveDateOf(command.metadata)) {
      throw violation(
        'conflict-follow-up-not-in-the-future',
        `A follow-up review on ${command.data.reviewOn} is not in the future`,
      );
    }
    return [{ type: 'FollowUpReviewScheduled', data: command.data }];
  }
  if (isConflictClosed(state)) {
    throw violation(
      'conflict-closed',
      `Conflict ${conflictId} is ${state.status} and accepts nothing new`,
    );
  }
  switch (command.type) {
    case 'AcknowledgeConflict':
      if (state.status !== 'raised') {
        throw violation('conflict-already-acknowledged', `Conflict ${conflictId} is acknowledged`);
      }
      if (!state.parties.includes(command.data.acknowledgedBy)) {
        throw violation(
          'conflict-acknowledger-not-a-party',
          'Only a party the conflict is raised against acknowledges it',
        );
      }
      return [{ type: 'ConflictAcknowledged', data: command.data }];
    case 'ProposeMediator':
      return decideMediatorProposal(command, state);
    case 'ObjectToMediator': {
      const { mediatorId, partyId } = command.data;
      const pending = assertProposedMediator(state, mediatorId);
      assertParty(state, partyId);
      assertNotAnswered(pending.acceptedBy, partyId);
      return [{ type: 'MediatorObjected', data: command.data }];
    }
    case 'AcceptMediator': {
      const { mediatorId, partyId } = command.data;
      const pending = assertProposedMediator(state, mediatorId);
      assertParty(state, partyId);
      assertNotAnswered(pending.acceptedBy, partyId);
      const accepted: ConflictEvent = { type: 'MediatorAccepted', data: command.data };
      const everyPartyAccepted = partiesOf(state).every(
        (party) => party === partyId || pending.acceptedBy.includes(party),
      );
      if (!everyPartyAccepted) return [accepted];
      return [accepted, { type: 'MediatorAssigned', data: { conflictId, mediatorId } }];
    }
    case 'RecordStatement':
      return decideStatement(command, state);
    case 'RecordMediationSession':
      return decideSession(command, state);
    case 'ProposeResolution':
      return decideResolutionProposal(command, state);
    case 'AcceptResolution':
    case 'RejectResolution':
      return decideResolutionAnswer(command, state);
    case 'EscalateConflict':
      return [{ type: 'ConflictEscalated', data: command.data }];
    case 'WithdrawConflict':
      if (command.data.withdrawnBy !== state.raisedBy) {
        throw violation(
          'conflict-withdrawn-only-by-raiser',
          `Only ${state.raisedBy}, who raised conflict ${conflictId}, may withdraw it`,
        );
      }
      return [{ type: 'ConflictWithdrawn', data: command.data }];
  }
}

function decideRaise(command: RaiseConflict, state: ConflictState): ConflictEvent[] {
  const { conflictId, partnershipId, raisedBy, parties } = command.data;
  const { partnership } = command;
  if (state.status !== 'none') {
    throw violation('conflict-already-raised', `Conflict ${conflictId} already exists`);
  }
  // Guards the handler: the facts must describe the partnership the conflict is raised in.
  if (partnership.partnershipId !== partnershipId) {
    throw violation(
      'conflict-partnership-mismatch',
      `Facts about ${partnership.partnershipId} cannot decide for partnership ${partnershipId}`,
    );
  }
  if (!isOpenForActivity(partnership)) {
    throw violation(
      'conflict-partnership-not-open',
      `Partnership ${partnershipId} is ${partnership.status}`,
    );
  }
  if (!partnership.memberIds.includes(raisedBy)) {
    throw violation(
      'conflict-raiser-not-member',
      `${raisedBy} is not a member of ${partnershipId}`,
    );
  }
  if (new Set(parties).size !== parties.length) {
    throw violation('conflict-parties-duplicated', 'A party is named more than once');
  }
  if (parties.includes(raisedBy)) {
    throw violation(
      'conflict-raised-against-oneself',
      `${raisedBy} cannot be a party against itself`,
    );
  }
  if (parties.length === 0) {
    throw violation('conflict-needs-a-party', 'A conflict is raised against at least one party');
  }
  const strangers = parties.filter((partyId) => !partnership.memberIds.includes(partyId));
  if (strangers.length > 0) {
    throw violation(
      'conflict-party-not-member',
      `Parties are not members of ${partnershipId}: ${strangers.join(', ')}`,
    );
  }
  return [{ type: 'ConflictRaised', data: command.data }];
}

function decideMediatorProposal(
  command: Extract<ConflictCommand, { type: 'ProposeMediator' }>,
  state: ConflictState,
): ConflictEvent[] {
  const { conflictId, mediatorId } = command.data;
  if (state.status === 'raised') {
    throw violation(
      'conflict-not-acknowledged',
      `Conflict ${conflictId} must be acknowledged before a mediator is proposed`,
    );
  }
  if (state.status === 'mediator_proposed') {
    throw violation(
      'conflict-mediator-already-proposed',
      `${state.proposedMediator?.mediatorId} awaits the parties' answers`,
    );
  }
  if (state.status === 'in_mediation') {
    throw violation('conflict-mediator-already-assigned', `${state.mediatorId} mediates`);
  }
  if (partiesOf(state).includes(mediatorId)) {
    throw violation(
      'conflict-mediator-not-impartial',
      `${mediatorId} is a party to conflict ${conflictId}`,
    );
  }
  const { actsFor } = command.mediator;
  if (actsFor !== null && partiesOf(state).includes(actsFor)) {
    throw violation(
      'conflict-mediator-acts-for-party',
      `${mediatorId} acts for ${actsFor}, a party to conflict ${conflictId}: a mediator must be impartial`,
    );
  }
  return [{ type: 'MediatorProposed', data: command.data }];
}

function assertProposedMediator(state: ConflictState, mediatorId: string): PendingMediator {
  const pending = state.proposedMediator;
  if (pending?.mediatorId !== mediatorId) {
    throw violation(
      'conflict-mediator-not-proposed',
      `${mediatorId} is not the mediator awaiting the parties' answers`,
    );
  }
  return pending;
}

export function evolveConflict(state: ConflictState, event: ConflictEvent): ConflictState {
  switch (event.type) {
    case 'ConflictRaised': {
      const { conflictId, partnershipId, raisedBy, parties, subject, summary } = event.data;
      return {
        ...state,
        status: 'raised',
        conflictId,
        partnershipId,
        raisedBy,
        parties,
        subject,
        summary,
      };
    }
    case 'ConflictAcknowledged':
      return { ...state, status: 'acknowledged' };
    case 'MediatorProposed':
      return {
        ...state,
        status: 'mediator_proposed',
        proposedMediator: { mediatorId: event.data.mediatorId, acceptedBy: [] },
      };
    case 'MediatorObjected': {
      // The proposal is void: back to acknowledged, where another mediator may be proposed.
      const { proposedMediator: _void, ...rest } = state;
      return { ...rest, status: 'acknowledged' };
    }
    case 'MediatorAccepted': {
      const pending = state.proposedMediator;
      if (!pending) return state;
      const acceptedBy = [...pending.acceptedBy, event.data.partyId];
      return { ...state, proposedMediator: { ...pending, acceptedBy } };
    }
    case 'MediatorAssigned': {
      const { proposedMediator: _assigned, ...rest } = state;
      return { ...rest, status: 'in_mediation', mediatorId: event.data.mediatorId };
    }
    case 'StatementRecorded':
      return { ...state, statementIds: [...state.statementIds, event.data.statementId] };
    case 'MediationSessionHeld':
      return { ...state, sessionIds: [...state.sessionIds, event.data.sessionId] };
    case 'ResolutionProposed': {
      const { proposalId, amendsAgreementId } = event.data;
      return {
        ...state,
        proposalIds: [...state.proposalIds, proposalId],
        currentProposal: {
          proposalId,
          ...(amendsAgreementId !== undefined ? { amendsAgreementId } : {}),
          acceptedBy: [],
        },
      };
    }
    case 'ResolutionAccepted': {
      const current = state.currentProposal;
      if (!current) return state;
      const acceptedBy = [...current.acceptedBy, event.data.partyId];
      return { ...state, currentProposal: { ...current, acceptedBy } };
    }
    case 'ResolutionRejected': {
      const { currentProposal: _rejected, ...rest } = state;
      return rest;
    }
    case 'ConflictResolved':
      return { ...state, status: 'resolved', resolvedBy: event.data.proposalId };
    case 'ConflictEscalated':
      return { ...state, status: 'escalated' };
    case 'ConflictWithdrawn':
      return { ...state, status: 'withdrawn' };
    case 'FollowUpReviewScheduled':
      return { ...state, followUpReviewOn: event.data.reviewOn };
  }
}

export const conflictDecider: Decider<ConflictCommand, ConflictEvent, ConflictState> = {
  initialState: initialConflictState,
  evolve: evolveConflict,
  decide: decideConflict,
};
