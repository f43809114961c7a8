import { BadRequestException } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { type DataSubject, ERASURE_REASON_MAX_LENGTH } from '@cohesion/domain';
import { ERASURE_STATUSES, type ErasureStep, type ErasureView } from '@cohesion/projections';
import { PageDocument } from '../queries/page-document';
import { PageQueryDto } from '../queries/read-model-query.dto';
import {
  IsIdOfKind,
  IsOptionalLedgerId,
  IsOptionalReference,
  IsText,
} from '../validation/dto-validators';

export const DATA_SUBJECT_KINDS = [
  'person',
  'resident',
] as const satisfies readonly DataSubject['kind'][];

/** The union `person(personId) | resident(feedbackId)` as one checked DTO. */
export class DataSubjectDto {
  @ApiProperty({
    enum: DATA_SUBJECT_KINDS,
    description:
      'A person of the directory, or the resident who gave a piece of feedback through the ' +
      'public form (named by that feedback)',
    example: 'person',
  })
  @IsIn(DATA_SUBJECT_KINDS)
  kind!: DataSubject['kind'];
  @IsIdOfKind('person', 'The person id')
  personId?: string;
  @IsIdOfKind('resident', 'The feedback the resident gave (<partnershipId>--<id>)')
  feedbackId?: string;
}

/** The domain's data subject; the validators already guarantee the id that goes with the kind. */
export function dataSubjectOf({ kind, personId, feedbackId }: DataSubjectDto): DataSubject {
  const id = kind === 'person' ? personId : feedbackId;
  if (id === undefined) throw new BadRequestException(`A ${kind} subject names its id`);
  return kind === 'person' ? { kind, personId: id } : { kind, feedbackId: id };
}

const IsReason = (description: string, example: string) =>
  IsText(description, example, ERASURE_REASON_MAX_LENGTH);

export class RequestErasureDto {
  @IsOptionalLedgerId('Erasure id')
  erasureId?: string;

  @ApiProperty({ type: DataSubjectDto })
  @IsObject()
  @ValidateNested()
  @Type(() => DataSubjectDto)
  dataSubject!: DataSubjectDto;

  @IsReason(
    'Why: who asked, how, and when (no personal data: the reason stays in the log)',
    'Asked by letter of 28 November 2026, identity checked',
  )
  reason!: string;
}

export class ErasureReasonDto {
  @IsReason('Why (kept in the log for good)', 'Identity checked; nothing keeps us from erasing')
  reason!: string;
}

export class ErasuresQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ERASURE_STATUSES })
  @IsOptional()
  @IsIn(ERASURE_STATUSES)
  status?: ErasureView['status'];

  @IsOptionalReference('Only the erasures of this person, or of the resident of this feedback')
  subjectId?: string;
}

export class ErasureStepDocument implements ErasureStep {
  @ApiProperty({ description: 'Who took the step (a person id, or a token subject)' })
  by!: string;
  @ApiProperty({ format: 'date-time', description: 'When the ledger recorded it' })
  at!: string;
  @ApiProperty()
  reason!: string;
}

export class DataSubjectDocument {
  @ApiProperty({ enum: DATA_SUBJECT_KINDS })
  kind!: DataSubject['kind'];
  @ApiPropertyOptional({ description: 'For a person' })
  personId?: string;
  @ApiPropertyOptional({ description: 'For a resident: the feedback they gave' })
  feedbackId?: string;
}

export class ErasureDocument implements ErasureView {
  @ApiProperty()
  erasureId!: string;
  @ApiProperty({ type: DataSubjectDocument })
  dataSubject!: DataSubject;
  @ApiProperty({
    type: [String],
    description: 'The key-store subjects whose keys the erasure destroys (or destroyed)',
    example: ['resident-youth--f-1', 'resident-youth--f-1-contact'],
  })
  subjects!: string[];
  @ApiProperty({ enum: ERASURE_STATUSES })
  status!: ErasureView['status'];
  @ApiProperty({ type: ErasureStepDocument })
  requested!: ErasureStepDocument;
  @ApiProperty({ type: ErasureStepDocument, nullable: true })
  carriedOut!: ErasureStepDocument | null;
  @ApiProperty({ type: ErasureStepDocument, nullable: true })
  declined!: ErasureStepDocument | null;
}

export class ErasuresPageDocument extends PageDocument(ErasureDocument) {}
