import type { MeetingView, PartnershipSummaryView } from '@cohesion/projections';
import { type Column, columnsOf, joined, namesOf } from './export-columns';

const p = columnsOf<PartnershipSummaryView>();

/** Partnerships, one record per partnership with its counts, as GET /partnerships lists them. */
export const PARTNERSHIP_COLUMNS: readonly Column<PartnershipSummaryView>[] = [
  p.text('partnershipId', (row) => row.partnershipId),
  p.text('name', (row) => row.name),
  p.text('purpose', (row) => row.purpose),
  p.text('territory', (row) => row.territory),
  p.text('neighbourhoods', (row) => joined(row.neighbourhoods, ', ')),
  p.text('status', (row) => row.status),
  p.text('statusReason', (row) => row.statusReason),
  p.instant('foundedAt', (row) => row.foundedAt),
  p.date('lastMeetingOn', (row) => row.lastMeetingOn),
  p.integer('members', (row) => row.counts.members),
  p.integer('formerMembers', (row) => row.counts.formerMembers),
  p.integer('objectivesOpen', (row) => row.counts.objectives.open),
  p.integer('objectivesAchieved', (row) => row.counts.objectives.achieved),
  p.integer('objectivesRetired', (row) => row.counts.objectives.retired),
  p.integer('meetings', (row) => row.counts.meetings),
  p.integer('decisions', (row) => row.counts.decisions),
  p.integer('commitments', (row) => row.counts.commitments),
  p.integer('contributions', (row) => row.counts.contributions),
  p.integer('agreements', (row) => row.counts.agreements),
  p.integer('conflicts', (row) => row.counts.conflicts),
  p.instant('updatedAt', (row) => row.updatedAt),
  p.integer('revision', (row) => Number(row.revision)),
];

const m = columnsOf<MeetingView>();

/** A partnership's meetings, one record per meeting, as GET /partnerships/:id/meetings lists them. */
export const MEETING_COLUMNS: readonly Column<MeetingView>[] = [
  m.text('partnershipId', (row) => row.partnershipId),
  m.name('partnershipName', (row, names) => names.partnership(row.partnershipId)),
  m.text('meetingId', (row) => row.meetingId),
  m.date('heldOn', (row) => row.heldOn),
  m.text('attendees', (row) => joined(row.attendees)),
  m.name('attendeeNames', (row, names) =>
    namesOf(row.attendees, (partnerId) => names.partner(row.partnershipId, partnerId)),
  ),
  // One decision a line: decisions are sentences, and may hold commas.
  m.text('decisions', (row) => joined(row.decisions, '\n')),
  m.text('notes', (row) => row.notes),
  m.instant('recordedAt', (row) => row.recordedAt),
];
