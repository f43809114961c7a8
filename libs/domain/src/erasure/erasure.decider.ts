import type { Decider } from '../decider';
import { AggregateNotFound, RuleViolation } from '../domain-errors';
import type { ErasureCommand } from './erasure.commands';
import type { ErasureEvent } from './erasure.events';
import { type ErasureState, initialErasureState } from './erasure.state';

export const ERASURE_RULES = [
  'erasure-already-requested',
  'erasure-subjects-required',
  'erasure-reason-required',
  'erasure-reason-too-long',
  'erasure-already-carried-out',
  'erasure-already-declined',
  'person-not-removed',
] as const;
export type ErasureRule = (typeof ERASURE_RULES)[number];

/** As long as the edges let a reason be: the log keeps it for good. */
export const ERASURE_REASON_MAX_LENGTH = 2000;

const violation = (rule: ErasureRule, message: string) => new RuleViolation(rule, message);

export function decideErasure(command: ErasureCommand, state: ErasureState): ErasureEvent[] {
  const { erasureId } = command.data;
  const by = command.metadata.actor.sub;
  if (command.type === 'RequestErasure') {
    if (state.status !== 'none') {
      throw violation('erasure-already-requested', `Erasure ${erasureId} was already requested`);
    }
    const reason = reasonOf(command.data.reason);
    const subjects = [...new Set(command.subjects)];
    if (subjects.length === 0 || subjects.some((subject) => subject.trim() === '')) {
      throw violation('erasure-subjects-required', 'An erasure names whose keys it destroys');
    }
    const { dataSubject } = command.data;
    return [
      {
        type: 'ErasureRequested',
        data: { erasureId, dataSubject, subjects, reason, requestedBy: by },
      },
    ];
  }
  assertStillRequested(state, erasureId);
  const reason = reasonOf(command.data.reason);
  switch (command.type) {
    case 'CarryOutErasure':
      if (state.dataSubject?.kind === 'person' && command.person?.removed !== true) {
        throw violation(
          'person-not-removed',
          `Remove person ${state.dataSubject.personId} from the directory first: they still sign in with their e-mail`,
        );
      }
      return [
        {
          type: 'ErasureCarriedOut',
          data: {
            erasureId,
            subjects: [...state.subjects],
            reason,
            carriedOutBy: by,
            carriedOutAt: command.metadata.now,
          },
        },
      ];
    case 'DeclineErasure':
      return [{ type: 'ErasureDeclined', data: { erasureId, reason, declinedBy: by } }];
  }
}

/** An erasure is carried out or declined once, and only once requested. */
function assertStillRequested(state: ErasureState, erasureId: string): void {
  switch (state.status) {
    case 'none':
      throw new AggregateNotFound('Erasure', erasureId);
    case 'carried_out':
      throw violation('erasure-already-carried-out', `Erasure ${erasureId} was carried out`);
    case 'declined':
      throw violation('erasure-already-declined', `Erasure ${erasureId} was declined`);
    case 'requested':
      return;
  }
}

/** Every step of an erasure says why: the reason is trimmed, required, and bounded. */
function reasonOf(given: string): string {
  const reason = given.trim();
  if (reason === '') throw violation('erasure-reason-required', 'Say why');
  if (reason.length > ERASURE_REASON_MAX_LENGTH) {
    throw violation(
      'erasure-reason-too-long',
      `A reason takes at most ${ERASURE_REASON_MAX_LENGTH} characters`,
    );
  }
  return reason;
}

export function evolveErasure(state: ErasureState, event: ErasureEvent): ErasureState {
  switch (event.type) {
    case 'ErasureRequested': {
      const { erasureId, dataSubject, subjects } = event.data;
      return { ...state, status: 'requested', erasureId, dataSubject, subjects };
    }
    case 'ErasureCarriedOut':
      return { ...state, status: 'carried_out', carriedOutAt: event.data.carriedOutAt };
    case 'ErasureDeclined':
      return { ...state, status: 'declined' };
  }
}

export const erasureDecider: Decider<ErasureCommand, ErasureEvent, ErasureState> = {
  initialState: initialErasureState,
  evolve: evolveErasure,
  decide: decideErasure,
};
