import type { ConflictCommand } from './conflict.commands';
import type { ConflictEvent } from './conflict.events';
import {
  assertInMediation,
  assertNotAnswered,
  assertParty,
  today,
  violation,
} from './conflict.rules';
import { type ConflictState, type PendingResolution, partiesOf } from './conflict.state';

/** Decisions taken once a mediator is assigned: statements, sessions and resolution proposals. */

type CommandOf<T extends ConflictCommand['type']> = Extract<ConflictCommand, { type: T }>;

export function decideStatement(
  command: CommandOf<'RecordStatement'>,
  state: ConflictState,
): ConflictEvent[] {
  assertInMediation(state);
  assertParty(state, command.data.partyId);
  if (state.statementIds.includes(command.data.statementId)) {
    throw violation(
      'conflict-statement-already-recorded',
      `Statement ${command.data.statementId} is already recorded`,
    );
  }
  return [{ type: 'StatementRecorded', data: command.data }];
}

export function decideSession(
  command: CommandOf<'RecordMediationSession'>,
  state: ConflictState,
): ConflictEvent[] {
  assertInMediation(state);
  const { sessionId, heldOn, attendees, recordedBy } = command.data;
  if (recordedBy !== state.mediatorId) {
    throw violation(
      'conflict-not-the-mediator',
      `Only the accepted mediator records sessions of conflict ${state.conflictId}`,
    );
  }
  if (state.sessionIds.includes(sessionId)) {
    throw violation(
      'conflict-session-already-recorded',
      `Session ${sessionId} is already recorded`,
    );
  }
  if (heldOn > today(command)) {
    throw violation(
      'conflict-session-in-the-future',
      `A session on ${heldOn} has not been held yet`,
    );
  }
  const involved = [...partiesOf(state), recordedBy];
  const strangers = attendees.filter((attendee) => !involved.includes(attendee));
  if (strangers.length > 0) {
    throw violation(
      'conflict-session-attendee-not-involved',
      `Attendees are neither parties nor the mediator: ${strangers.join(', ')}`,
    );
  }
  return [{ type: 'MediationSessionHeld', data: command.data }];
}

export function decideResolutionProposal(
  command: CommandOf<'ProposeResolution'>,
  state: ConflictState,
): ConflictEvent[] {
  assertInMediation(state);
  const { proposalId, proposedBy } = command.data;
  if (proposedBy !== state.mediatorId && !partiesOf(state).includes(proposedBy)) {
    throw violation(
      'conflict-proposer-not-involved',
      `${proposedBy} is neither the mediator nor a party`,
    );
  }
  if (state.proposalIds.includes(proposalId)) {
    throw violation('conflict-proposal-already-made', `Proposal ${proposalId} was already made`);
  }
  // A new proposal supersedes the pending one, whose acceptances lapse with it.
  return [{ type: 'ResolutionProposed', data: command.data }];
}

export function decideResolutionAnswer(
  command: CommandOf<'AcceptResolution'> | CommandOf<'RejectResolution'>,
  state: ConflictState,
): ConflictEvent[] {
  assertInMediation(state);
  const { conflictId, proposalId, partyId } = command.data;
  const current = assertCurrentProposal(state, proposalId);
  assertParty(state, partyId);
  assertNotAnswered(current.acceptedBy, partyId);
  if (command.type === 'RejectResolution') {
    return [{ type: 'ResolutionRejected', data: command.data }];
  }
  const accepted: ConflictEvent = {
    type: 'ResolutionAccepted',
    data: { conflictId, proposalId, partyId },
  };
  const everyPartyAccepted = partiesOf(state).every(
    (party) => party === partyId || current.acceptedBy.includes(party),
  );
  if (!everyPartyAccepted) return [accepted];
  const { amendsAgreementId } = current;
  return [
    accepted,
    {
      type: 'ConflictResolved',
      data: {
        conflictId,
        proposalId,
        ...(amendsAgreementId !== undefined ? { amendsAgreementId } : {}),
      },
    },
  ];
}

function assertCurrentProposal(state: ConflictState, proposalId: string): PendingResolution {
  const current = state.currentProposal;
  if (current?.proposalId !== proposalId) {
    throw violation(
      'conflict-proposal-not-current',
      `Proposal ${proposalId} is not the resolution on the table`,
    );
  }
  return current;
}
