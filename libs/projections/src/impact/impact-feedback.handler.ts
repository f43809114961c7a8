import { actColumnsOf } from '../projection-kit';
import type Database from 'better-sqlite3';
import { type FeedbackEvent, type FeedbackStatus, feedbackSubjectIdOf } from '@cohesion/domain';
import type { RecordedEvent } from '@cohesion/event-store';
import type { ProjectionHandler } from '../projector';
import { domainEventOf, toPersonalColumn } from '../sql-kit';

/** What a partnership's feedback is counted by. */
export type FeedbackFacet = 'status' | 'channel' | 'category' | 'rating';

function prepare(db: Database.Database) {
  return {
    // The contact (personal data) is never copied here: only whether there is one.
    submit: db.prepare(
      `INSERT INTO impact_feedback (feedback_id, partnership_id, subject_kind, subject_id, rating,
         text, channel, submitter_category, has_contact, status, submitted_at, submitted_on,
         backfill_reason, submitted_position)
       VALUES (@feedbackId, @partnershipId, @subjectKind, @subjectId, @rating, @text, @channel,
         @submitterCategory, @hasContact, 'submitted', @at, @effectiveDate, @backfillReason,
         @position)`,
    ),
    current: db.prepare('SELECT partnership_id, status FROM impact_feedback WHERE feedback_id = ?'),
    acknowledge: db.prepare(
      `UPDATE impact_feedback
       SET status = 'acknowledged', acknowledged_at = @at, acknowledged_by = @acknowledgedBy
       WHERE feedback_id = @feedbackId`,
    ),
    actOn: db.prepare(
      `UPDATE impact_feedback
       SET status = 'acted_on', acted_on_at = @at, acted_on_by = @markedBy, action = @action,
         action_references = @references
       WHERE feedback_id = @feedbackId`,
    ),
    tally: db.prepare(
      `INSERT INTO impact_feedback_tallies (partnership_id, facet, value, count) VALUES (?, ?, ?, ?)
       ON CONFLICT (partnership_id, facet, value) DO UPDATE SET count = count + excluded.count`,
    ),
  };
}

/** Feedback without its contact, and per partnership the counts its summary reads in O(1). */
export function feedbackHandler(db: Database.Database): ProjectionHandler {
  const statements = prepare(db);
  const tally = (partnershipId: string, facet: FeedbackFacet, value: string, by = 1) =>
    statements.tally.run(partnershipId, facet, value, by);
  const moveStatus = (feedbackId: string, to: FeedbackStatus) => {
    const current = statements.current.get(feedbackId) as
      | { partnership_id: string; status: FeedbackStatus }
      | undefined;
    if (!current) return false;
    tally(current.partnership_id, 'status', current.status, -1);
    tally(current.partnership_id, 'status', to);
    return true;
  };
  return (recorded: RecordedEvent) => {
    const event = domainEventOf<FeedbackEvent>(recorded);
    const at = recorded.metadata.recordedAt;
    switch (event.type) {
      case 'FeedbackSubmitted': {
        const { feedbackId, partnershipId, subject, rating, text, channel, submitterCategory } =
          event.data;
        statements.submit.run({
          feedbackId,
          partnershipId,
          subjectKind: subject.kind,
          subjectId: feedbackSubjectIdOf(subject) ?? null,
          rating: rating ?? null,
          text: toPersonalColumn(text),
          channel,
          submitterCategory,
          hasContact: event.data.contact === undefined ? 0 : 1,
          at,
          position: recorded.position,
          ...actColumnsOf(recorded),
        });
        tally(partnershipId, 'status', 'submitted');
        tally(partnershipId, 'channel', channel);
        tally(partnershipId, 'category', submitterCategory);
        if (rating !== undefined) tally(partnershipId, 'rating', String(rating));
        return;
      }
      case 'FeedbackAcknowledged':
        if (moveStatus(event.data.feedbackId, 'acknowledged'))
          statements.acknowledge.run({ ...event.data, at });
        return;
      case 'FeedbackActedOn':
        if (moveStatus(event.data.feedbackId, 'acted_on'))
          statements.actOn.run({
            ...event.data,
            references: JSON.stringify(event.data.references),
            at,
          });
        return;
      default:
        return;
    }
  };
}
