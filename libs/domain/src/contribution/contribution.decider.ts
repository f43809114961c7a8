import { isOpenForActivity } from '../partnership/partnership.state';
import { isCalendarDate, todayOf } from '../calendar';
import type { Decider } from '../decider';
import { AggregateNotFound, RuleViolation } from '../domain-errors';
import { type ClaimRefusal, claimRefusalOf } from '../commitment';
import type { PartnershipFacts } from '../partnership';
import type { ContributionCommand } from './contribution.commands';
import type { ContributionEvent } from './contribution.events';
import { initialContributionState, type ContributionState } from './contribution.state';
import { isUnitConsistentWithKind } from './contribution.units';

export const CONTRIBUTION_RULES = [
  'contribution-already-recorded',
  'contribution-reversed',
  'contribution-partnership-mismatch',
  'contribution-partnership-not-open',
  'contribution-partner-not-member',
  'contribution-quantity-not-positive',
  'contribution-unit-inconsistent-with-kind',
  'contribution-date-invalid',
  'contribution-date-in-the-future',
  'contribution-commitment-unknown',
  'contribution-commitment-not-by-contributor',
  'contribution-commitment-not-claimable',
  'contribution-commitment-unit-mismatch',
  'contribution-self-acknowledgement',
  'contribution-already-acknowledged',
] as const;
export type ContributionRule = (typeof CONTRIBUTION_RULES)[number];

const violation = (rule: ContributionRule, message: string) => new RuleViolation(rule, message);

type CommandOf<T extends ContributionCommand['type']> = Extract<ContributionCommand, { type: T }>;

export function decideContribution(
  command: ContributionCommand,
  state: ContributionState,
): ContributionEvent[] {
  if (command.type === 'RecordContribution') return decideRecord(command, state);
  const { contributionId } = command.data;
  if (state.status === 'none') throw new AggregateNotFound('Contribution', contributionId);
  if (state.status === 'reversed') {
    throw violation(
      'contribution-reversed',
      `Contribution ${contributionId} was reversed and accepts nothing more`,
    );
  }
  switch (command.type) {
    case 'AcknowledgeContribution':
      return decideAcknowledge(command, state);
    case 'ReverseContribution':
      return [{ type: 'ContributionReversed', data: command.data }];
  }
}

function decideRecord(
  command: CommandOf<'RecordContribution'>,
  state: ContributionState,
): ContributionEvent[] {
  const { data, partnership } = command;
  if (state.status !== 'none') {
    throw violation(
      'contribution-already-recorded',
      `Contribution ${data.contributionId} already exists`,
    );
  }
  assertOpenPartnership(partnership, data.partnershipId);
  assertMember(partnership, data.partnerId);
  if (!(Number.isFinite(data.quantity) && data.quantity > 0)) {
    throw violation(
      'contribution-quantity-not-positive',
      `Quantity ${data.quantity} is not positive`,
    );
  }
  if (!isUnitConsistentWithKind(data.kind, data.unit)) {
    throw violation(
      'contribution-unit-inconsistent-with-kind',
      `A ${data.kind} contribution cannot be counted in "${data.unit}"`,
    );
  }
  if (!isCalendarDate(data.date)) {
    throw violation('contribution-date-invalid', `${data.date} is not a YYYY-MM-DD date`);
  }
  if (data.date > todayOf(command.metadata)) {
    throw violation(
      'contribution-date-in-the-future',
      `A contribution on ${data.date} is not given yet`,
    );
  }
  if (data.commitmentId !== undefined) assertFulfils(command, data.commitmentId);
  return [{ type: 'ContributionRecorded', data }];
}

/**
 * Recording the contribution hands a fulfilment claim over to the commitment (see
 * `fulfilmentClaimFor`), so the commitment's claim rule is checked here first: never record a
 * contribution whose claim the commitment would refuse.
 */
function assertFulfils(command: CommandOf<'RecordContribution'>, commitmentId: string): void {
  const { commitment, data } = command;
  // Another partnership's commitment is answered exactly as one never made.
  if (
    !commitment ||
    commitment.commitmentId !== commitmentId ||
    (commitment.status !== 'none' && commitment.partnershipId !== data.partnershipId)
  ) {
    throw claimRefused('unknown', commitmentId, command);
  }
  const refusal = claimRefusalOf(commitment, { claimedBy: data.partnerId, ...data });
  if (refusal !== undefined) throw claimRefused(refusal, commitmentId, command);
}

/** The claim rule's refusals, in the contribution's words. */
function claimRefused(
  refusal: ClaimRefusal,
  commitmentId: string,
  { commitment, data }: CommandOf<'RecordContribution'>,
): RuleViolation {
  switch (refusal) {
    case 'unknown':
      return violation(
        'contribution-commitment-unknown',
        `Commitment ${commitmentId} does not exist`,
      );
    case 'not-by-committer':
      return violation(
        'contribution-commitment-not-by-contributor',
        `Commitment ${commitmentId} was made by ${commitment?.committerId}, not ${data.partnerId}`,
      );
    case 'not-accepted':
    case 'ended':
      return violation(
        'contribution-commitment-not-claimable',
        `Commitment ${commitmentId} is ${commitment?.status}: it takes no fulfilment claims`,
      );
    case 'unit-mismatch':
      return violation(
        'contribution-commitment-unit-mismatch',
        `Commitment ${commitmentId} counts ${commitment?.unit}, the contribution is in ${data.unit}`,
      );
  }
}

function decideAcknowledge(
  command: CommandOf<'AcknowledgeContribution'>,
  state: ContributionState,
): ContributionEvent[] {
  const { contributionId, acknowledgedBy } = command.data;
  assertOpenPartnership(command.partnership, state.partnershipId ?? '');
  if (acknowledgedBy === state.contributorId) {
    throw violation(
      'contribution-self-acknowledgement',
      `Partner ${acknowledgedBy} cannot acknowledge its own contribution`,
    );
  }
  assertMember(command.partnership, acknowledgedBy);
  if (state.acknowledgedBy.includes(acknowledgedBy)) {
    throw violation(
      'contribution-already-acknowledged',
      `Partner ${acknowledgedBy} already acknowledged contribution ${contributionId}`,
    );
  }
  return [{ type: 'ContributionAcknowledged', data: command.data }];
}

function assertOpenPartnership(partnership: PartnershipFacts, partnershipId: string): void {
  if (partnership.partnershipId !== partnershipId) {
    throw violation(
      'contribution-partnership-mismatch',
      `Facts about ${partnership.partnershipId} were given for partnership ${partnershipId}`,
    );
  }
  if (!isOpenForActivity(partnership)) {
    throw violation(
      'contribution-partnership-not-open',
      `Partnership ${partnershipId} is ${partnership.status}`,
    );
  }
}

function assertMember(partnership: PartnershipFacts, partnerId: string): void {
  if (!partnership.memberIds.includes(partnerId)) {
    throw violation(
      'contribution-partner-not-member',
      `Partner ${partnerId} is not a member of ${partnership.partnershipId}`,
    );
  }
}

export function evolveContribution(
  state: ContributionState,
  event: ContributionEvent,
): ContributionState {
  switch (event.type) {
    case 'ContributionRecorded': {
      const { partnerId, ...recorded } = event.data;
      return { ...state, ...recorded, status: 'recorded', contributorId: partnerId };
    }
    case 'ContributionAcknowledged':
      return {
        ...state,
        status: 'acknowledged',
        acknowledgedBy: [...state.acknowledgedBy, event.data.acknowledgedBy],
      };
    case 'ContributionReversed':
      return { ...state, status: 'reversed', reversalReason: event.data.reason };
  }
}

export const contributionDecider: Decider<
  ContributionCommand,
  ContributionEvent,
  ContributionState
> = {
  initialState: initialContributionState,
  evolve: evolveContribution,
  decide: decideContribution,
};
