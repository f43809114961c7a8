import { backfillMarkOf } from '../projection-kit';
import type { ObjectiveStatus, PartnerKind } from '@cohesion/domain';
import { fromJsonColumn } from '../sql-kit';
import type {
  MeetingView,
  ObjectiveView,
  PartnershipSummaryView,
  PartnerView,
} from './partnership-overview.views';

export interface PartnershipRow {
  readonly partnership_id: string;
  readonly name: string;
  readonly purpose: string;
  readonly territory: string;
  readonly neighbourhoods: string;
  readonly status: PartnershipSummaryView['status'];
  readonly status_reason: string | null;
  readonly default_valuation_policy_id: string | null;
  readonly founded_at: string;
  readonly founded_on: string;
  readonly backfill_reason: string | null;
  readonly updated_at: string;
  readonly revision: number;
  readonly members: number;
  readonly former_members: number;
  readonly objectives_open: number;
  readonly objectives_achieved: number;
  readonly objectives_retired: number;
  readonly meetings: number;
  readonly decisions: number;
  readonly last_meeting_on: string | null;
  readonly commitments: number;
  readonly contributions: number;
  readonly agreements: number;
  readonly conflicts: number;
}

export function partnershipSummary(row: PartnershipRow): PartnershipSummaryView {
  return {
    partnershipId: row.partnership_id,
    name: row.name,
    purpose: row.purpose,
    territory: row.territory,
    neighbourhoods: fromJsonColumn<string[]>(row.neighbourhoods),
    status: row.status,
    statusReason: row.status_reason,
    defaultValuationPolicyId: row.default_valuation_policy_id,
    foundedAt: row.founded_at,
    foundedOn: row.founded_on,
    ...backfillMarkOf(row.backfill_reason),
    updatedAt: row.updated_at,
    revision: String(row.revision),
    lastMeetingOn: row.last_meeting_on,
    counts: {
      members: row.members,
      formerMembers: row.former_members,
      objectives: {
        open: row.objectives_open,
        achieved: row.objectives_achieved,
        retired: row.objectives_retired,
      },
      meetings: row.meetings,
      decisions: row.decisions,
      commitments: row.commitments,
      contributions: row.contributions,
      agreements: row.agreements,
      conflicts: row.conflicts,
    },
  };
}

export interface PartnerRow {
  readonly partner_id: string;
  readonly name: string;
  readonly kind: PartnerKind;
  readonly role: string;
  readonly responsibilities: string;
  readonly status: 'member' | 'left';
  readonly joined_at: string;
  readonly joined_on: string;
  readonly backfill_reason: string | null;
  readonly role_changed_at: string | null;
  readonly left_at: string | null;
  readonly left_reason: string | null;
}

export function partnerView(row: PartnerRow): PartnerView {
  return {
    partnerId: row.partner_id,
    name: row.name,
    kind: row.kind,
    role: row.role,
    responsibilities: fromJsonColumn<string[]>(row.responsibilities),
    status: row.status,
    joinedAt: row.joined_at,
    joinedOn: row.joined_on,
    ...backfillMarkOf(row.backfill_reason),
    roleChangedAt: row.role_changed_at,
    leftAt: row.left_at,
    leftReason: row.left_reason,
  };
}

export interface ObjectiveRow {
  readonly objective_id: string;
  readonly title: string;
  readonly description: string;
  readonly target_date: string | null;
  readonly status: ObjectiveStatus;
  readonly set_at: string;
  readonly set_on: string;
  readonly backfill_reason: string | null;
  readonly revisions: number;
  readonly revised_at: string | null;
  readonly revision_reason: string | null;
  readonly closed_at: string | null;
  readonly evidence: string | null;
  readonly retired_reason: string | null;
}

export function objectiveView(row: ObjectiveRow): ObjectiveView {
  return {
    objectiveId: row.objective_id,
    title: row.title,
    description: row.description,
    targetDate: row.target_date,
    status: row.status,
    setAt: row.set_at,
    setOn: row.set_on,
    ...backfillMarkOf(row.backfill_reason),
    revisions: row.revisions,
    revisedAt: row.revised_at,
    revisionReason: row.revision_reason,
    closedAt: row.closed_at,
    evidence: row.evidence,
    retirementReason: row.retired_reason,
  };
}

export interface MeetingRow {
  readonly partnership_id: string;
  readonly meeting_id: string;
  readonly held_on: string;
  readonly attendees: string;
  readonly decisions: string;
  readonly notes: string | null;
  readonly recorded_at: string;
  readonly backfill_reason: string | null;
}

export function meetingView(row: MeetingRow): MeetingView {
  return {
    partnershipId: row.partnership_id,
    meetingId: row.meeting_id,
    heldOn: row.held_on,
    attendees: fromJsonColumn<string[]>(row.attendees),
    decisions: fromJsonColumn<string[]>(row.decisions),
    notes: row.notes,
    recordedAt: row.recorded_at,
    ...backfillMarkOf(row.backfill_reason),
  };
}
