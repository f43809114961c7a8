import type { FeedbackSubject } from '@cohesion/domain';
import { IsIdOfKind } from '../validation/dto-validators';

export const FEEDBACK_SUBJECT_KINDS = [
  'partnership',
  'objective',
  'commitment',
  'meeting',
] as const satisfies readonly FeedbackSubject['kind'][];
export type FeedbackSubjectKind = (typeof FEEDBACK_SUBJECT_KINDS)[number];

/**
 * The id that a subject of this kind must name, and that no other kind may carry (see
 * `IsIdOfKind`): `{ kind: 'partnership', meetingId }` is refused rather than recorded with a
 * stray id.
 */
export const IsSubjectIdOf = (kind: FeedbackSubjectKind, description: string) =>
  IsIdOfKind(kind, description);
