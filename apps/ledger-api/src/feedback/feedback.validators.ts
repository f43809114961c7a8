import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsString,
  Matches,
  ValidateBy,
  ValidateIf,
  type ValidationArguments,
} from 'class-validator';
import type { FeedbackSubject } from '@cohesion/domain';
import { ID_MESSAGE, ID_PATTERN } from '../validation/dto-validators';

export const FEEDBACK_SUBJECT_KINDS = [
  'partnership',
  'objective',
  'commitment',
  'meeting',
] as const satisfies readonly FeedbackSubject['kind'][];
export type FeedbackSubjectKind = (typeof FEEDBACK_SUBJECT_KINDS)[number];

const subjectKindOf = (args?: ValidationArguments) =>
  (args?.object as { kind?: unknown } | undefined)?.kind;

/**
 * The id that a subject of this kind must name, and that no other kind may carry: checked
 * whenever the kind matches or the id is sent, so `{ kind: 'partnership', meetingId }` is refused
 * rather than recorded with a stray id.
 */
export const IsSubjectIdOf = (kind: FeedbackSubjectKind, description: string) =>
  applyDecorators(
    ApiPropertyOptional({
      description: `${description} (${kind} subjects only)`,
      pattern: ID_PATTERN.source,
    }),
    ValidateIf(
      (subject: { kind?: unknown }, id: unknown) => subject.kind === kind || id !== undefined,
    ),
    ValidateBy({
      name: 'isSubjectIdOf',
      constraints: [kind],
      validator: {
        validate: (id: unknown, args) => subjectKindOf(args) === kind && id !== undefined,
        defaultMessage: (args) =>
          subjectKindOf(args) === kind
            ? `$property is required for a ${kind} subject`
            : `$property is only for a ${kind} subject`,
      },
    }),
    IsString(),
    Matches(ID_PATTERN, { message: ID_MESSAGE }),
  );
