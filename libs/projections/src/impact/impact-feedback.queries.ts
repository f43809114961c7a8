import { backfillMarkOf } from '../projection-kit';
import type Database from 'better-sqlite3';
import {
  type ActionReference,
  FEEDBACK_CHANNELS,
  type FeedbackChannel,
  type FeedbackSubject,
  SUBMITTER_CATEGORIES,
  type SubmitterCategory,
} from '@cohesion/domain';
import { cachedStatement, fromJsonColumn, fromPersonalColumn, when, whereOf } from '../sql-kit';
import type { FeedbackFacet } from './impact-feedback.handler';
import type { FeedbackSummaryView, FeedbackView } from './impact.views';

export interface FeedbackFilters {
  readonly partnershipId?: string;
  /** Only these partnerships (a reader's scope); none when empty. */
  readonly partnershipIn?: readonly string[];
  readonly status?: FeedbackView['status'];
  readonly channel?: FeedbackChannel;
  readonly submitterCategory?: SubmitterCategory;
  readonly subjectKind?: FeedbackSubject['kind'];
  /** The log position of the last feedback of the previous page (feedback is listed in log order). */
  readonly after?: number;
  readonly limit: number;
}

interface FeedbackRow {
  readonly feedback_id: string;
  readonly partnership_id: string;
  readonly subject_kind: FeedbackSubject['kind'];
  readonly subject_id: string | null;
  readonly rating: number | null;
  readonly text: string;
  readonly channel: FeedbackChannel;
  readonly submitter_category: SubmitterCategory;
  readonly has_contact: number;
  readonly status: FeedbackView['status'];
  readonly submitted_at: string;
  readonly submitted_on: string;
  readonly backfill_reason: string | null;
  readonly submitted_position: number;
  readonly acknowledged_at: string | null;
  readonly acknowledged_by: string | null;
  readonly acted_on_at: string | null;
  readonly acted_on_by: string | null;
  readonly action: string | null;
  readonly action_references: string | null;
}

function subjectOf(kind: FeedbackSubject['kind'], id: string | null): FeedbackSubject {
  const subjectId = id ?? '';
  switch (kind) {
    case 'partnership':
      return { kind };
    case 'objective':
      return { kind, objectiveId: subjectId };
    case 'commitment':
      return { kind, commitmentId: subjectId };
    case 'meeting':
      return { kind, meetingId: subjectId };
  }
}

function feedbackView(row: FeedbackRow): FeedbackView {
  return {
    feedbackId: row.feedback_id,
    partnershipId: row.partnership_id,
    subject: subjectOf(row.subject_kind, row.subject_id),
    rating: row.rating,
    text: fromPersonalColumn(row.text),
    channel: row.channel,
    submitterCategory: row.submitter_category,
    hasContact: row.has_contact === 1,
    status: row.status,
    submittedAt: row.submitted_at,
    submittedOn: row.submitted_on,
    ...backfillMarkOf(row.backfill_reason),
    position: String(row.submitted_position),
    acknowledged:
      row.acknowledged_at === null
        ? null
        : { at: row.acknowledged_at, by: row.acknowledged_by ?? '' },
    actedOn:
      row.acted_on_at === null
        ? null
        : {
            at: row.acted_on_at,
            by: row.acted_on_by ?? '',
            action: row.action ?? '',
            references: fromJsonColumn<ActionReference[]>(row.action_references ?? '[]'),
          },
  };
}

/** `limit + 1` feedback items after the position `after`, in log order, without contacts. */
export function listFeedback(db: Database.Database, filters: FeedbackFilters): FeedbackView[] {
  const { where, parameters } = whereOf([
    when(filters.partnershipId, (id) => ['partnership_id = ?', id]),
    when(filters.partnershipIn, (ids) => [
      'partnership_id IN (SELECT value FROM json_each(?))',
      JSON.stringify(ids),
    ]),
    when(filters.status, (status) => ['status = ?', status]),
    when(filters.channel, (channel) => ['channel = ?', channel]),
    when(filters.submitterCategory, (category) => ['submitter_category = ?', category]),
    when(filters.subjectKind, (kind) => ['subject_kind = ?', kind]),
    when(filters.after, (position) => ['submitted_position > ?', position]),
  ]);
  const rows = cachedStatement(
    db,
    `SELECT * FROM impact_feedback ${where} ORDER BY submitted_position LIMIT ?`,
  ).all(...parameters, filters.limit + 1) as FeedbackRow[];
  return rows.map(feedbackView);
}

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

/** Counts kept up to date by the projector: reading them is one indexed lookup. */
export function feedbackSummary(db: Database.Database, partnershipId: string): FeedbackSummaryView {
  const tallies = cachedStatement(
    db,
    'SELECT facet, value, count FROM impact_feedback_tallies WHERE partnership_id = ?',
  ).all(partnershipId) as { facet: FeedbackFacet; value: string; count: number }[];
  const byStatus = zeros(['submitted', 'acknowledged', 'acted_on'] as const);
  const byChannel = zeros(FEEDBACK_CHANNELS);
  const byCategory = zeros(SUBMITTER_CATEGORIES);
  const ratings = zeros(['1', '2', '3', '4', '5'] as const);
  const facets: Record<FeedbackFacet, Record<string, number>> = {
    status: byStatus,
    channel: byChannel,
    category: byCategory,
    rating: ratings,
  };
  for (const { facet, value, count } of tallies) facets[facet][value] = count;
  const received = Object.values(byStatus).reduce((sum, count) => sum + count, 0);
  const rated = Object.values(ratings).reduce((sum, count) => sum + count, 0);
  const ratingSum = Object.entries(ratings).reduce(
    (sum, [rating, count]) => sum + Number(rating) * count,
    0,
  );
  return {
    received,
    byStatus,
    byChannel,
    byCategory,
    ratings,
    rated,
    averageRating: rated === 0 ? null : ratingSum / rated,
    actedOn: byStatus.acted_on,
    actedOnRatio: received === 0 ? null : byStatus.acted_on / received,
  };
}
