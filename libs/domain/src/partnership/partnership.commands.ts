import type { Command } from '../decider';
import type { PartnerKind } from './partnership.events';

export type PartnershipCommand =
  | Command<
      'FoundPartnership',
      {
        partnershipId: string;
        name: string;
        purpose: string;
        territory: string;
        neighbourhoods: string[];
      }
    >
  | Command<
      'JoinPartner',
      {
        partnershipId: string;
        partnerId: string;
        name: string;
        kind: PartnerKind;
        role: string;
        responsibilities: string[];
      }
    >
  | Command<'LeavePartnership', { partnershipId: string; partnerId: string; reason: string }>
  | Command<
      'ChangePartnerRole',
      { partnershipId: string; partnerId: string; role: string; responsibilities: string[] }
    >
  | Command<
      'SetObjective',
      {
        partnershipId: string;
        objectiveId: string;
        title: string;
        description: string;
        targetDate?: string;
      }
    >
  | Command<
      'ReviseObjective',
      {
        partnershipId: string;
        objectiveId: string;
        title: string;
        description: string;
        targetDate?: string;
        reason: string;
      }
    >
  | Command<'AchieveObjective', { partnershipId: string; objectiveId: string; evidence: string }>
  | Command<'RetireObjective', { partnershipId: string; objectiveId: string; reason: string }>
  | Command<
      'RecordMeeting',
      {
        partnershipId: string;
        meetingId: string;
        heldOn: string;
        attendees: string[];
        decisions: string[];
        notes?: string;
      }
    >
  | Command<'SuspendPartnership', { partnershipId: string; reason: string }>
  | Command<'ReactivatePartnership', { partnershipId: string }>
  | Command<'ClosePartnership', { partnershipId: string; reason: string }>;

export type PartnershipCommandType = PartnershipCommand['type'];
