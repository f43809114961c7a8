import type { DataSubject, ErasureEvent } from '@cohesion/domain';
import type { RecordedEvent } from '@cohesion/event-store';
import type { Projector } from '../projector';
import { dispatch, toJsonColumn } from '../sql-kit';
import { ERASURES_SCHEMA, ERASURES_TABLES } from './erasures.schema';

/** The id a data subject is found by: the person's, or the feedback's. */
export const dataSubjectIdOf = (subject: DataSubject): string =>
  subject.kind === 'person' ? subject.personId : subject.feedbackId;

/** The erasure requests: one row each, updated when carried out or declined. */
export const erasuresProjector: Projector = {
  name: 'erasures',
  version: 1,
  tables: ERASURES_TABLES,
  schema: ERASURES_SCHEMA,
  bind(db) {
    const request = db.prepare(
      `INSERT INTO erasures_requests (erasure_id, seq, subject_kind, subject_id, subjects, status,
         requested_by, requested_at, request_reason)
       VALUES (@erasureId, @seq, @kind, @subjectId, @subjects, 'requested', @requestedBy, @at,
         @reason)`,
    );
    const answer = db.prepare(
      `UPDATE erasures_requests SET status = @status, answered_by = @by, answered_at = @at,
         answer_reason = @reason
       WHERE erasure_id = @erasureId`,
    );
    const at = (event: RecordedEvent) => event.metadata.recordedAt;
    return dispatch<ErasureEvent>({
      ErasureRequested: (data, event) =>
        request.run({
          erasureId: data.erasureId,
          seq: event.position,
          kind: data.dataSubject.kind,
          subjectId: dataSubjectIdOf(data.dataSubject),
          subjects: toJsonColumn(data.subjects),
          requestedBy: data.requestedBy,
          at: at(event),
          reason: data.reason,
        }),
      ErasureCarriedOut: ({ erasureId, reason, carriedOutBy }, event) =>
        answer.run({ erasureId, status: 'carried_out', by: carriedOutBy, at: at(event), reason }),
      ErasureDeclined: ({ erasureId, reason, declinedBy }, event) =>
        answer.run({ erasureId, status: 'declined', by: declinedBy, at: at(event), reason }),
    });
  },
};
