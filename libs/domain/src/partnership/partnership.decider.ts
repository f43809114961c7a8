import { todayOf } from '../calendar';
import type { Decider } from '../decider';
import { AggregateNotFound, RuleViolation } from '../domain-errors';
import type { PartnershipCommand } from './partnership.commands';
import type { PartnershipEvent } from './partnership.events';
import {
  initialPartnershipState,
  isMember,
  type Objective,
  type PartnershipState,
} from './partnership.state';

export const PARTNERSHIP_RULES = [
  'partnership-already-founded',
  'partnership-closed',
  'partnership-suspended',
  'partnership-not-suspended',
  'partner-already-member',
  'partner-not-member',
  'objective-already-set',
  'objective-unknown',
  'objective-not-open',
  'meeting-already-recorded',
  'meeting-in-the-future',
  'meeting-attendee-not-member',
  'valuation-policy-not-defined',
  'retention-out-of-range',
] as const;

/** The longest retention of feedback contact details a partnership may set: ten years. */
export const MAX_FEEDBACK_CONTACT_RETENTION_MONTHS = 120;
export type PartnershipRule = (typeof PARTNERSHIP_RULES)[number];

const violation = (rule: PartnershipRule, message: string) => new RuleViolation(rule, message);

export function decidePartnership(
  command: PartnershipCommand,
  state: PartnershipState,
): PartnershipEvent[] {
  const { data } = command;
  if (command.type === 'FoundPartnership') {
    if (state.status !== 'none') {
      throw violation(
        'partnership-already-founded',
        `Partnership ${data.partnershipId} already exists`,
      );
    }
    return [{ type: 'PartnershipFounded', data: command.data }];
  }
  assertExists(state, data.partnershipId);
  if (state.status === 'closed') {
    throw violation(
      'partnership-closed',
      `Partnership ${data.partnershipId} is closed and accepts nothing new`,
    );
  }
  switch (command.type) {
    case 'JoinPartner':
      assertNotSuspended(state);
      if (isMember(state, command.data.partnerId)) {
        throw violation(
          'partner-already-member',
          `Partner ${command.data.partnerId} is already a member`,
        );
      }
      return [{ type: 'PartnerJoined', data: command.data }];
    case 'LeavePartnership':
      assertMember(state, command.data.partnerId);
      return [{ type: 'PartnerLeft', data: command.data }];
    case 'ChangePartnerRole':
      assertMember(state, command.data.partnerId);
      return [{ type: 'PartnerRoleChanged', data: command.data }];
    case 'SetObjective':
      assertNotSuspended(state);
      if (Object.hasOwn(state.objectives, command.data.objectiveId)) {
        throw violation(
          'objective-already-set',
          `Objective ${command.data.objectiveId} already exists`,
        );
      }
      return [{ type: 'ObjectiveSet', data: command.data }];
    case 'ReviseObjective':
      assertOpenObjective(state, command.data.objectiveId);
      return [{ type: 'ObjectiveRevised', data: command.data }];
    case 'AchieveObjective':
      assertOpenObjective(state, command.data.objectiveId);
      return [{ type: 'ObjectiveAchieved', data: command.data }];
    case 'RetireObjective':
      assertOpenObjective(state, command.data.objectiveId);
      return [{ type: 'ObjectiveRetired', data: command.data }];
    case 'RecordMeeting':
      return decideMeeting(command, state);
    case 'SuspendPartnership':
      assertNotSuspended(state);
      return [{ type: 'PartnershipSuspended', data: command.data }];
    case 'ReactivatePartnership':
      if (state.status !== 'suspended') {
        throw violation(
          'partnership-not-suspended',
          `Partnership ${command.data.partnershipId} is not suspended`,
        );
      }
      return [{ type: 'PartnershipReactivated', data: command.data }];
    case 'ClosePartnership':
      return [{ type: 'PartnershipClosed', data: command.data }];
    case 'SetDefaultValuationPolicy':
      if (!command.policyDefined) {
        throw violation(
          'valuation-policy-not-defined',
          `No valuation policy ${command.data.policyId} is defined: define it first`,
        );
      }
      return [{ type: 'DefaultValuationPolicySet', data: command.data }];
    case 'SetFeedbackContactRetention':
      assertRetention(command.data.months);
      return [{ type: 'FeedbackContactRetentionSet', data: command.data }];
  }
}

function assertRetention(months: number | null): void {
  if (months === null) return;
  if (!Number.isInteger(months) || months < 1 || months > MAX_FEEDBACK_CONTACT_RETENTION_MONTHS) {
    throw violation(
      'retention-out-of-range',
      `A retention is a whole number of months from 1 to ${MAX_FEEDBACK_CONTACT_RETENTION_MONTHS} ` +
        `(or none), not ${months}`,
    );
  }
}

function decideMeeting(
  command: Extract<PartnershipCommand, { type: 'RecordMeeting' }>,
  state: PartnershipState,
): PartnershipEvent[] {
  assertNotSuspended(state);
  const { meetingId, heldOn, attendees } = command.data;
  if (state.meetingIds.includes(meetingId)) {
    throw violation('meeting-already-recorded', `Meeting ${meetingId} is already recorded`);
  }
  if (heldOn > todayOf(command.metadata)) {
    throw violation('meeting-in-the-future', `A meeting on ${heldOn} has not been held yet`);
  }
  const strangers = attendees.filter((partnerId) => !isMember(state, partnerId));
  if (strangers.length > 0) {
    throw violation(
      'meeting-attendee-not-member',
      `Attendees are not members: ${strangers.join(', ')}`,
    );
  }
  return [{ type: 'MeetingHeld', data: command.data }];
}

function assertExists(state: PartnershipState, partnershipId: string): void {
  if (state.status === 'none') throw new AggregateNotFound('Partnership', partnershipId);
}

function assertNotSuspended(state: PartnershipState): void {
  if (state.status === 'suspended') {
    throw violation('partnership-suspended', `Partnership ${state.partnershipId} is suspended`);
  }
}

function assertMember(state: PartnershipState, partnerId: string): void {
  if (!isMember(state, partnerId)) {
    throw violation(
      'partner-not-member',
      `Partner ${partnerId} is not a member of ${state.partnershipId}`,
    );
  }
}

function assertOpenObjective(state: PartnershipState, objectiveId: string): Objective {
  const objective = state.objectives[objectiveId];
  if (!objective) throw violation('objective-unknown', `Objective ${objectiveId} does not exist`);
  if (objective.status !== 'open') {
    throw violation(
      'objective-not-open',
      `Objective ${objectiveId} is already ${objective.status}`,
    );
  }
  return objective;
}

export function evolvePartnership(
  state: PartnershipState,
  event: PartnershipEvent,
): PartnershipState {
  switch (event.type) {
    case 'PartnershipFounded': {
      const { partnershipId, name, purpose, territory, neighbourhoods } = event.data;
      return {
        ...state,
        status: 'founded',
        partnershipId,
        name,
        purpose,
        territory,
        neighbourhoods,
      };
    }
    case 'PartnerJoined': {
      const { partnerId, name, kind, role, responsibilities } = event.data;
      return {
        ...state,
        status: state.status === 'founded' ? 'active' : state.status,
        members: { ...state.members, [partnerId]: { name, kind, role, responsibilities } },
      };
    }
    case 'PartnerLeft': {
      const { [event.data.partnerId]: _left, ...members } = state.members;
      return { ...state, members };
    }
    case 'PartnerRoleChanged': {
      const { partnerId, role, responsibilities } = event.data;
      return {
        ...state,
        members: {
          ...state.members,
          [partnerId]: { ...state.members[partnerId], role, responsibilities },
        },
      };
    }
    case 'ObjectiveSet':
    case 'ObjectiveRevised': {
      const { objectiveId, title, description, targetDate } = event.data;
      const objective: Objective = {
        title,
        description,
        status: 'open',
        ...(targetDate ? { targetDate } : {}),
      };
      return { ...state, objectives: { ...state.objectives, [objectiveId]: objective } };
    }
    case 'ObjectiveAchieved':
      return withObjectiveStatus(state, event.data.objectiveId, 'achieved');
    case 'ObjectiveRetired':
      return withObjectiveStatus(state, event.data.objectiveId, 'retired');
    case 'MeetingHeld':
      return { ...state, meetingIds: [...state.meetingIds, event.data.meetingId] };
    case 'PartnershipSuspended':
      return { ...state, status: 'suspended' };
    case 'PartnershipReactivated':
      return { ...state, status: 'active' };
    case 'PartnershipClosed':
      return { ...state, status: 'closed' };
    case 'DefaultValuationPolicySet':
      return { ...state, defaultValuationPolicyId: event.data.policyId };
    case 'FeedbackContactRetentionSet': {
      const { feedbackContactRetentionMonths: _previous, ...rest } = state;
      const { months } = event.data;
      return months === null ? rest : { ...rest, feedbackContactRetentionMonths: months };
    }
  }
}

function withObjectiveStatus(
  state: PartnershipState,
  objectiveId: string,
  status: Objective['status'],
): PartnershipState {
  return {
    ...state,
    objectives: {
      ...state.objectives,
      [objectiveId]: { ...state.objectives[objectiveId], status },
    },
  };
}

export const partnershipDecider: Decider<PartnershipCommand, PartnershipEvent, PartnershipState> = {
  initialState: initialPartnershipState,
  evolve: evolvePartnership,
  decide: decidePartnership,
};
