import { todayOf } from '../calendar';
import type { CommandMetadata } from '../decider';
import { RuleViolation } from '../domain-errors';
import { type ConflictState, partiesOf } from './conflict.state';

export const CONFLICT_RULES = [
  'conflict-already-raised',
  'conflict-partnership-mismatch',
  'conflict-partnership-not-open',
  'conflict-raiser-not-member',
  'conflict-parties-duplicated',
  'conflict-raised-against-oneself',
  'conflict-needs-a-party',
  'conflict-party-not-member',
  'conflict-closed',
  'conflict-not-a-party',
  'conflict-acknowledger-not-a-party',
  'conflict-already-acknowledged',
  'conflict-not-acknowledged',
  'conflict-mediator-already-proposed',
  'conflict-mediator-already-assigned',
  'conflict-mediator-not-impartial',
  'conflict-mediator-acts-for-party',
  'conflict-mediator-not-proposed',
  'conflict-party-already-answered',
  'conflict-not-in-mediation',
  'conflict-statement-already-recorded',
  'conflict-not-the-mediator',
  'conflict-session-already-recorded',
  'conflict-session-in-the-future',
  'conflict-session-attendee-not-involved',
  'conflict-proposer-not-involved',
  'conflict-proposal-already-made',
  'conflict-proposal-not-current',
  'conflict-withdrawn-only-by-raiser',
  'conflict-not-resolved',
  'conflict-follow-up-not-in-the-future',
] as const;
export type ConflictRule = (typeof CONFLICT_RULES)[number];

export const violation = (rule: ConflictRule, message: string) => new RuleViolation(rule, message);

/** The calendar date of the command's clock, to compare with `YYYY-MM-DD` dates. */
export const today = (command: { metadata: CommandMetadata }): string => todayOf(command.metadata);

/** The raiser or a party raised against. */
export function assertParty(state: ConflictState, partyId: string): void {
  if (!partiesOf(state).includes(partyId)) {
    throw violation(
      'conflict-not-a-party',
      `${partyId} is not a party to conflict ${state.conflictId}`,
    );
  }
}

export function assertInMediation(state: ConflictState): void {
  if (state.status !== 'in_mediation') {
    throw violation(
      'conflict-not-in-mediation',
      `Conflict ${state.conflictId} is ${state.status}, not in mediation`,
    );
  }
}

/** A party answers a proposal (of a mediator, or of a resolution) once. */
export function assertNotAnswered(acceptedBy: readonly string[], partyId: string): void {
  if (acceptedBy.includes(partyId)) {
    throw violation('conflict-party-already-answered', `${partyId} already accepted`);
  }
}
