import { feedbackSubjectIdOf } from '@cohesion/domain';
import type { FeedbackView } from '@cohesion/projections';
import { type Column, columnsOf, joined } from './export-columns';

const c = columnsOf<FeedbackView>();

const subjectIdOf = ({ subject }: FeedbackView): string | null =>
  feedbackSubjectIdOf(subject) ?? null;

/**
 * Feedback, one record per item, as GET /feedback lists it: never the contact details of who gave
 * it (the read model does not even hold them), only whether some were left.
 */
export const FEEDBACK_COLUMNS: readonly Column<FeedbackView>[] = [
  c.text('feedbackId', (row) => row.feedbackId),
  c.text('partnershipId', (row) => row.partnershipId),
  c.name('partnershipName', (row, names) => names.partnership(row.partnershipId)),
  c.text('subjectKind', (row) => row.subject.kind),
  c.text('subjectId', subjectIdOf),
  c.name('subjectName', (row, names) =>
    row.subject.kind === 'objective'
      ? names.objective(row.partnershipId, row.subject.objectiveId)
      : null,
  ),
  c.integer('rating', (row) => row.rating),
  c.text('text', (row, names) => names.personal(row.text)),
  c.text('channel', (row) => row.channel),
  c.text('submitterCategory', (row) => row.submitterCategory),
  c.boolean('hasContact', (row) => row.hasContact),
  c.text('status', (row) => row.status),
  c.instant('submittedAt', (row) => row.submittedAt),
  c.instant('acknowledgedAt', (row) => row.acknowledged?.at ?? null),
  c.text('acknowledgedBy', (row) => row.acknowledged?.by ?? null),
  c.instant('actedOnAt', (row) => row.actedOn?.at ?? null),
  c.text('actedOnBy', (row) => row.actedOn?.by ?? null),
  c.text('action', (row) => row.actedOn?.action ?? null),
  c.text('actionReferences', (row) =>
    joined((row.actedOn?.references ?? []).map(({ kind, id }) => `${kind}:${id}`)),
  ),
  c.integer('position', (row) => Number(row.position)),
];
