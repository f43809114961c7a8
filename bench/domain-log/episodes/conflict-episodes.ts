import { conflictDecider, type ConflictCommand } from '@cohesion/domain';
import { ADMIN, type Episode, type EpisodeContext, partnerActor } from '../episode-context';
import type { Actor } from '../simulated-ledger';

const mediatorActor = (mediatorId: string): Actor => ({ sub: mediatorId, roles: ['mediator'] });

/** One party raising a conflict against others, and the mediator both accept. */
interface Case {
  readonly conflictId: string;
  readonly stream: string;
  readonly raisedBy: string;
  readonly parties: readonly string[];
  readonly mediatorId: string;
}

const everyone = (conflict: Case) => [conflict.raisedBy, ...conflict.parties];

type WithoutMetadata<C> = C extends unknown ? Omit<C, 'metadata'> : never;

/** Sends one conflict command as `actor` and yields. */
function* act(
  context: EpisodeContext,
  conflict: Case,
  actor: Actor,
  command: WithoutMetadata<ConflictCommand>,
): Episode {
  // Spreading a union member back together is beyond TypeScript's narrowing; it is the same member.
  const complete = { ...command, metadata: context.ledger.metadata(actor) } as ConflictCommand;
  context.ledger.execute(conflict.stream, conflictDecider, complete);
  yield;
}

/** Raised, acknowledged, a mediator proposed (perhaps objected to) then accepted by everyone. */
function* openCase(context: EpisodeContext, partnershipId: string, partyCount: number) {
  const { ledger, random } = context;
  const [raisedBy, ...parties] = context.someMembers(partnershipId, partyCount + 1);
  const conflictId = context.nextId('conflict');
  const conflict: Case = {
    conflictId,
    stream: `conflict-${conflictId}`,
    raisedBy,
    parties,
    mediatorId: `mediator-${random.int(1, 40)}@mediation.example`,
  };
  ledger.execute(conflict.stream, conflictDecider, {
    type: 'RaiseConflict',
    data: {
      conflictId,
      partnershipId,
      raisedBy,
      parties,
      subject: { kind: 'free', description: 'Use of the shared venue on Saturdays' },
      summary: 'The venue was double-booked three times this month',
    },
    partnership: context.facts(partnershipId),
    metadata: ledger.metadata(partnerActor(raisedBy)),
  });
  yield;
  yield* act(context, conflict, partnerActor(parties[0]), {
    type: 'AcknowledgeConflict',
    data: { conflictId, acknowledgedBy: parties[0] },
  });
  if (random.chance(0.15)) {
    const rejected = 'mediator-0@mediation.example';
    yield* act(context, conflict, ADMIN, {
      type: 'ProposeMediator',
      data: { conflictId, mediatorId: rejected },
      mediator: { actsFor: null },
    });
    yield* act(context, conflict, partnerActor(parties[0]), {
      type: 'ObjectToMediator',
      data: { conflictId, mediatorId: rejected, partyId: parties[0], reason: 'Works with them' },
    });
  }
  yield* act(context, conflict, ADMIN, {
    type: 'ProposeMediator',
    data: { conflictId, mediatorId: conflict.mediatorId },
    // The episodes' mediators are outside every partnership.
    mediator: { actsFor: null },
  });
  for (const partyId of everyone(conflict)) {
    yield* act(context, conflict, partnerActor(partyId), {
      type: 'AcceptMediator',
      data: { conflictId, mediatorId: conflict.mediatorId, partyId },
    });
  }
  return conflict;
}

function* statement(context: EpisodeContext, conflict: Case): Episode {
  const partyId = context.random.pick(everyone(conflict));
  yield* act(context, conflict, partnerActor(partyId), {
    type: 'RecordStatement',
    data: {
      conflictId: conflict.conflictId,
      statementId: context.nextId('statement'),
      partyId,
      text: 'We booked the hall in September; the calendar shows it.',
    },
  });
}

function* session(context: EpisodeContext, conflict: Case): Episode {
  yield* act(context, conflict, mediatorActor(conflict.mediatorId), {
    type: 'RecordMediationSession',
    data: {
      conflictId: conflict.conflictId,
      sessionId: context.nextId('session'),
      heldOn: context.ledger.today,
      attendees: [conflict.mediatorId, ...everyone(conflict)],
      summary: 'Each party explained its needs; a shared calendar was discussed.',
      recordedBy: conflict.mediatorId,
    },
  });
}

function* proposal(context: EpisodeContext, conflict: Case): Generator<void, string, void> {
  const proposalId = context.nextId('proposal');
  yield* act(context, conflict, mediatorActor(conflict.mediatorId), {
    type: 'ProposeResolution',
    data: {
      conflictId: conflict.conflictId,
      proposalId,
      proposedBy: conflict.mediatorId,
      terms: 'One shared calendar, kept by the centre; Saturdays alternate.',
    },
  });
  return proposalId;
}

function* rejectedProposal(context: EpisodeContext, conflict: Case): Episode {
  const proposalId = yield* proposal(context, conflict);
  const partyId = conflict.parties[0];
  yield* act(context, conflict, partnerActor(partyId), {
    type: 'RejectResolution',
    data: { conflictId: conflict.conflictId, proposalId, partyId, reason: 'Not fair to us' },
  });
}

/** Accepted by everyone: resolved; then a follow-up review. */
function* resolution(context: EpisodeContext, conflict: Case): Episode {
  const proposalId = yield* proposal(context, conflict);
  for (const partyId of everyone(conflict)) {
    yield* act(context, conflict, partnerActor(partyId), {
      type: 'AcceptResolution',
      data: { conflictId: conflict.conflictId, proposalId, partyId },
    });
  }
  yield* act(context, conflict, mediatorActor(conflict.mediatorId), {
    type: 'ScheduleFollowUpReview',
    data: { conflictId: conflict.conflictId, reviewOn: context.ledger.day(90) },
  });
}

/** An ordinary case: a few statements and sessions, then resolved, escalated or withdrawn. */
export function* conflictCase(context: EpisodeContext, partnershipId: string): Episode {
  const { random } = context;
  const conflict = yield* openCase(context, partnershipId, random.int(1, 2));
  for (let step = random.int(3, 10); step > 0; step--) {
    yield* random.chance(0.7) ? statement(context, conflict) : session(context, conflict);
  }
  if (random.chance(0.3)) yield* rejectedProposal(context, conflict);
  const outcome = random.weighted({ resolved: 7, escalated: 1.5, withdrawn: 1.5 });
  if (outcome === 'resolved') {
    yield* resolution(context, conflict);
  } else if (outcome === 'escalated') {
    yield* act(context, conflict, mediatorActor(conflict.mediatorId), {
      type: 'EscalateConflict',
      data: {
        conflictId: conflict.conflictId,
        escalatedTo: 'Municipal ombudsman',
        reason: 'No agreement after the sessions',
      },
    });
  } else {
    yield* act(context, conflict, partnerActor(conflict.raisedBy), {
      type: 'WithdrawConflict',
      data: {
        conflictId: conflict.conflictId,
        withdrawnBy: conflict.raisedBy,
        reason: 'Settled between us',
      },
    });
  }
  context.ledger.retire(conflict.stream);
}

/** Events of a resolution with three parties: proposal, 3 acceptances (+ resolved), review. */
const RESOLUTION_EVENTS = 6;

/**
 * One very long case of exactly `events` events (two parties against the raiser): months of
 * statements and sessions with rejected proposals, then resolved. The conflict id is returned
 * through `named` as soon as it is raised.
 */
export function* longConflictCase(
  context: EpisodeContext,
  partnershipId: string,
  events: number,
  named: (conflictId: string) => void,
): Episode {
  const { ledger, random } = context;
  const conflict = yield* openCase(context, partnershipId, 2);
  named(conflict.conflictId);
  const remaining = () => events - RESOLUTION_EVENTS - ledger.length(conflict.stream);
  while (remaining() > 0) {
    if (remaining() >= 2 && random.chance(0.002)) yield* rejectedProposal(context, conflict);
    else yield* random.chance(0.5) ? statement(context, conflict) : session(context, conflict);
  }
  yield* resolution(context, conflict);
  ledger.retire(conflict.stream);
}
