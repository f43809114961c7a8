import { BackfillMarkDocument } from '../queries/backfill-mark.document';
import { ApiProperty } from '@nestjs/swagger';
import {
  FEEDBACK_CHANNELS,
  type FeedbackChannel,
  type FeedbackSubject,
  SUBMITTER_CATEGORIES,
  type SubmitterCategory,
} from '@cohesion/domain';
import type {
  FeedbackSummaryView,
  FeedbackView,
  IndicatorsSummaryView,
  PartnershipImpactView,
} from '@cohesion/projections';
import { IndicatorDocument } from '../indicators/indicator-read.documents';
import { PageDocument } from '../queries/page-document';
import { ActionReferenceDto, FeedbackSubjectDto } from './feedback.dto';

export const FEEDBACK_STATUSES = ['submitted', 'acknowledged', 'acted_on'] as const;
type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

class AcknowledgementDocument {
  @ApiProperty({ example: '2026-10-03T09:00:00.000Z' })
  at!: string;
  @ApiProperty({ example: 'coordinator', description: 'The principal who acknowledged it' })
  by!: string;
}

class ActionTakenDocument extends AcknowledgementDocument {
  @ApiProperty({ example: 'Childcare is now planned for every evening meeting' })
  action!: string;
  @ApiProperty({ type: [ActionReferenceDto] })
  references!: ActionReferenceDto[];
}

/** Feedback as the impact read model holds it: never the submitter's contact details. */
export class FeedbackDocument extends BackfillMarkDocument implements FeedbackView {
  @ApiProperty({ example: 'f-0042' })
  feedbackId!: string;
  @ApiProperty({ example: 'northside-2026' })
  partnershipId!: string;
  @ApiProperty({ type: FeedbackSubjectDto })
  subject!: FeedbackSubject;
  @ApiProperty({ type: Number, nullable: true, minimum: 1, maximum: 5 })
  rating!: number | null;
  @ApiProperty({ description: 'What the person said (may itself contain personal data)' })
  text!: string;
  @ApiProperty({ enum: FEEDBACK_CHANNELS })
  channel!: FeedbackChannel;
  @ApiProperty({ enum: SUBMITTER_CATEGORIES })
  submitterCategory!: SubmitterCategory;
  @ApiProperty({
    description: 'Whether the submitter left a way to be reached; the contact itself is not served',
  })
  hasContact!: boolean;
  @ApiProperty({ enum: FEEDBACK_STATUSES })
  status!: FeedbackStatus;
  @ApiProperty({ example: '2026-10-02T18:30:00.000Z', description: 'When the ledger recorded it' })
  submittedAt!: string;
  @ApiProperty({ example: '2026-10-02', format: 'date', description: 'The day it was given' })
  submittedOn!: string;
  @ApiProperty({ example: '812', description: 'Log position of the submission: the list order' })
  position!: string;
  @ApiProperty({ type: AcknowledgementDocument, nullable: true })
  acknowledged!: AcknowledgementDocument | null;
  @ApiProperty({ type: ActionTakenDocument, nullable: true })
  actedOn!: ActionTakenDocument | null;
}

export class FeedbackPageDocument extends PageDocument(FeedbackDocument) {}

const counts = (keys: readonly string[], description: string) =>
  ApiProperty({
    description,
    type: 'object',
    properties: Object.fromEntries(keys.map((key) => [key, { type: 'integer' }])),
  });

export class FeedbackSummaryDocument implements FeedbackSummaryView {
  @ApiProperty({ example: 12 })
  received!: number;
  @counts(FEEDBACK_STATUSES, 'How many are at each status')
  byStatus!: Record<FeedbackStatus, number>;
  @counts(FEEDBACK_CHANNELS, 'How many came through each channel')
  byChannel!: Record<FeedbackChannel, number>;
  @counts(SUBMITTER_CATEGORIES, 'How many came from each kind of submitter')
  byCategory!: Record<SubmitterCategory, number>;
  @counts(['1', '2', '3', '4', '5'], 'How many gave each rating')
  ratings!: Record<'1' | '2' | '3' | '4' | '5', number>;
  @ApiProperty({ example: 9 })
  rated!: number;
  @ApiProperty({ type: Number, nullable: true, example: 3.8 })
  averageRating!: number | null;
  @ApiProperty({ example: 5 })
  actedOn!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 0.4167,
    description: 'acted on ÷ received',
  })
  actedOnRatio!: number | null;
}

export class IndicatorsSummaryDocument implements IndicatorsSummaryView {
  @ApiProperty({ example: 4 })
  total!: number;
  @ApiProperty({ example: 3 })
  defined!: number;
  @ApiProperty({ example: 1 })
  retired!: number;
  @ApiProperty({ example: 4, description: 'With at least one measurement' })
  measured!: number;
  @ApiProperty({ type: [IndicatorDocument], description: 'By id' })
  items!: IndicatorDocument[];
}

export class PartnershipImpactDocument implements PartnershipImpactView {
  @ApiProperty({ example: 'northside-2026' })
  partnershipId!: string;
  @ApiProperty({ type: IndicatorsSummaryDocument })
  indicators!: IndicatorsSummaryDocument;
  @ApiProperty({
    type: FeedbackSummaryDocument,
    description: 'Its feedback, counted (the items themselves: GET /feedback?partnershipId=)',
  })
  feedback!: FeedbackSummaryDocument;
}
