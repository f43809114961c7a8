import type { Command } from '../decider';
import type { PartnershipEvent } from './partnership.events';

/** Each command asks for exactly the fact its event records, so they share one shape. */
type FactOf<T extends PartnershipEvent['type']> = Extract<PartnershipEvent, { type: T }>['data'];

export type PartnershipCommand =
  | Command<'FoundPartnership', FactOf<'PartnershipFounded'>>
  | Command<'JoinPartner', FactOf<'PartnerJoined'>>
  | Command<'LeavePartnership', FactOf<'PartnerLeft'>>
  | Command<'ChangePartnerRole', FactOf<'PartnerRoleChanged'>>
  | Command<'SetObjective', FactOf<'ObjectiveSet'>>
  | Command<'ReviseObjective', FactOf<'ObjectiveRevised'>>
  | Command<'AchieveObjective', FactOf<'ObjectiveAchieved'>>
  | Command<'RetireObjective', FactOf<'ObjectiveRetired'>>
  | Command<'RecordMeeting', FactOf<'MeetingHeld'>>
  | Command<'SuspendPartnership', FactOf<'PartnershipSuspended'>>
  | Command<'ReactivatePartnership', FactOf<'PartnershipReactivated'>>
  | Command<'ClosePartnership', FactOf<'PartnershipClosed'>>
  | Command<'SetFeedbackContactRetention', FactOf<'FeedbackContactRetentionSet'>>
  | (Command<'SetDefaultValuationPolicy', FactOf<'DefaultValuationPolicySet'>> & {
      /** Whether the policy is defined: the handler reads its stream before deciding. */
      readonly policyDefined: boolean;
    });
