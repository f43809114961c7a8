import { IfPresent } from '../validation/dto-validators';
import { BadRequestException } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsNotEmptyObject,
  IsNumber,
  IsObject,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  type ActionReference,
  FEEDBACK_CHANNELS,
  type FeedbackChannel,
  type FeedbackContact,
  type FeedbackSubject,
  SUBMITTER_CATEGORIES,
  type SubmitterCategory,
} from '@cohesion/domain';
import { IsLedgerId, IsOptionalIdInPartnership, IsText } from '../validation/dto-validators';
import {
  FEEDBACK_SUBJECT_KINDS,
  type FeedbackSubjectKind,
  IsSubjectIdOf,
} from './feedback.validators';
import { ActDto } from '../commands/act.dto';

/** Optional means absent, not null: a `null` would be recorded as if it were a value. */

export const ACTION_REFERENCE_KINDS = [
  'commitment',
  'meeting',
  'objective',
  'agreement',
] as const satisfies readonly ActionReference['kind'][];

/** The union `partnership | objective(id) | commitment(id) | meeting(id)` as one checked DTO. */
export class FeedbackSubjectDto {
  @ApiProperty({ enum: FEEDBACK_SUBJECT_KINDS, example: 'objective' })
  @IsIn(FEEDBACK_SUBJECT_KINDS)
  kind!: FeedbackSubjectKind;
  @IsSubjectIdOf('objective', 'The objective it is about')
  objectiveId?: string;
  @IsSubjectIdOf('commitment', 'The commitment it is about')
  commitmentId?: string;
  @IsSubjectIdOf('meeting', 'The meeting it is about')
  meetingId?: string;
}

/** Personal data, kept apart from the feedback so that it can be withheld or erased. */
export class FeedbackContactDto implements FeedbackContact {
  @ApiPropertyOptional({ maxLength: 200 })
  @IfPresent()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;
  @ApiPropertyOptional({ example: 'resident@example.org' })
  @IfPresent()
  @IsEmail()
  @MaxLength(320)
  email?: string;
  @ApiPropertyOptional({ example: '+33 6 12 34 56 78' })
  @IfPresent()
  @Matches(/^\+?[0-9][0-9 ().-]{2,29}$/, { message: '$property must be a phone number' })
  phone?: string;
  @ApiPropertyOptional({ maxLength: 500 })
  @IfPresent()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  postalAddress?: string;
}

export class SubmitFeedbackDto extends ActDto {
  @IsOptionalIdInPartnership('Feedback id')
  feedbackId?: string;
  @IsLedgerId('The partnership it is about', 'northside-2026')
  partnershipId!: string;

  @ApiProperty({ type: FeedbackSubjectDto })
  @IsObject()
  @ValidateNested()
  @Type(() => FeedbackSubjectDto)
  subject!: FeedbackSubjectDto;

  @ApiPropertyOptional({ description: '1 (poor) to 5 (very good)', minimum: 1, maximum: 5 })
  @IfPresent()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  rating?: number;
  @IsText(
    'What the person says (may itself contain personal data)',
    'Please keep the childcare corner',
    4000,
  )
  text!: string;
  @ApiProperty({ enum: FEEDBACK_CHANNELS })
  @IsIn(FEEDBACK_CHANNELS)
  channel!: FeedbackChannel;
  @ApiProperty({ enum: SUBMITTER_CATEGORIES })
  @IsIn(SUBMITTER_CATEGORIES)
  submitterCategory!: SubmitterCategory;

  @ApiPropertyOptional({
    type: FeedbackContactDto,
    description: 'How to reach the person, only if they agreed to be reached (personal data)',
  })
  @IfPresent()
  @IsObject()
  @IsNotEmptyObject({ nullable: false }, { message: '$property names at least one way to reach' })
  @ValidateNested()
  @Type(() => FeedbackContactDto)
  contact?: FeedbackContactDto;
}

export class ActionReferenceDto {
  @ApiProperty({ enum: ACTION_REFERENCE_KINDS })
  @IsIn(ACTION_REFERENCE_KINDS)
  kind!: ActionReference['kind'];
  @IsLedgerId('What it points at', 'evening-meeting-2026-12')
  id!: string;
}

export class ActionTakenDto extends ActDto {
  @IsText('What was done in answer', 'Childcare is now planned for every evening meeting')
  action!: string;

  @ApiPropertyOptional({ type: [ActionReferenceDto], description: 'What the action led to' })
  @IfPresent()
  @IsArray()
  @ArrayMaxSize(50)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ActionReferenceDto)
  references?: ActionReferenceDto[];
}

/** The domain subject; the validators already guarantee the id that goes with the kind. */
export function subjectOf(subject: FeedbackSubjectDto): FeedbackSubject {
  switch (subject.kind) {
    case 'partnership':
      return { kind: subject.kind };
    case 'objective':
      return { kind: subject.kind, objectiveId: required(subject.objectiveId) };
    case 'commitment':
      return { kind: subject.kind, commitmentId: required(subject.commitmentId) };
    case 'meeting':
      return { kind: subject.kind, meetingId: required(subject.meetingId) };
  }
}

function required(id: string | undefined): string {
  if (id === undefined) throw new BadRequestException('The subject names no id for its kind');
  return id;
}
