import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import {
  FEEDBACK_CHANNELS,
  type FeedbackChannel,
  type FeedbackSubject,
  SUBMITTER_CATEGORIES,
  type SubmitterCategory,
} from '@cohesion/domain';
import { IsOptionalReference } from '../validation/dto-validators';
import { PageQueryDto } from '../queries/read-model-query.dto';
import { FEEDBACK_STATUSES } from './feedback-read.documents';
import { FEEDBACK_SUBJECT_KINDS } from './feedback.validators';

export class FeedbackListQueryDto extends PageQueryDto {
  @IsOptionalReference('Only the feedback about this partnership', 'northside-2026')
  partnershipId?: string;

  @ApiPropertyOptional({ enum: FEEDBACK_STATUSES })
  @IsOptional()
  @IsIn(FEEDBACK_STATUSES)
  status?: (typeof FEEDBACK_STATUSES)[number];

  @ApiPropertyOptional({ enum: FEEDBACK_CHANNELS })
  @IsOptional()
  @IsIn(FEEDBACK_CHANNELS)
  channel?: FeedbackChannel;

  @ApiPropertyOptional({ enum: SUBMITTER_CATEGORIES })
  @IsOptional()
  @IsIn(SUBMITTER_CATEGORIES)
  submitterCategory?: SubmitterCategory;

  @ApiPropertyOptional({ enum: FEEDBACK_SUBJECT_KINDS, description: 'What it is about' })
  @IsOptional()
  @IsIn(FEEDBACK_SUBJECT_KINDS)
  subjectKind?: FeedbackSubject['kind'];
}
