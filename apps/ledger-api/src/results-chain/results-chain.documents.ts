import { ApiProperty, OmitType } from '@nestjs/swagger';
import type { ObjectiveStatus } from '@cohesion/domain';
import {
  COMMITMENT_STATUSES,
  type CommitmentStatusView,
  type CommitmentTowardView,
  type IndicatorMovementView,
  type ObjectiveHeadingView,
  type ObjectiveResultsReportView,
  type ObjectiveResultsView,
  type PartnerObjectiveView,
  type PartnerResultsChainView,
  type PartnerResultsInPartnershipView,
  type PartnershipResultsChainView,
} from '@cohesion/projections';
import {
  RateUsedDocument,
  RecognitionTotalsDocument,
  ValuationDocument,
} from '../contributions/recognition.documents';
import { IndicatorHeadingDocument } from '../indicators/indicator-heading.document';
import { PeriodDto } from '../indicators/indicator-values.dto';

const nullable = (description: string, type: 'string' | 'number' = 'string', example?: unknown) =>
  ApiProperty({ description, type, nullable: true, example });
const OBJECTIVE_STATUSES: readonly ObjectiveStatus[] = ['open', 'achieved', 'retired'];

class ObjectiveHeadingDocument implements ObjectiveHeadingView {
  @ApiProperty({ example: 'dropout' })
  objectiveId!: string;
  @ApiProperty({ example: 'Halve school dropout in Les Tilleuls' })
  title!: string;
  @ApiProperty({ enum: OBJECTIVE_STATUSES, example: 'open' })
  status!: ObjectiveStatus;
  @nullable('The day it should be reached by', 'string', '2027-06-30')
  targetDate!: string | null;
}

class CommitmentTowardDocument implements CommitmentTowardView {
  @ApiProperty({ example: 'northside-2026--tutoring-hours' })
  commitmentId!: string;
  @ApiProperty({ description: 'The committing partner', example: 'youth-club' })
  partnerId!: string;
  @nullable('Its name in the partnership', 'string', 'Youth Club Les Tilleuls')
  partnerName!: string | null;
  @ApiProperty({ description: 'The terms in force', example: 'Homework club tutoring' })
  what!: string;
  @nullable('Promised quantity, in `unit`', 'number', 120)
  quantity!: number | null;
  @nullable('Unit of `quantity` and `delivered`', 'string', 'hours')
  unit!: string | null;
  @ApiProperty({ format: 'date', example: '2027-06-30' })
  dueDate!: string;
  @ApiProperty({ enum: COMMITMENT_STATUSES, example: 'in_progress' })
  status!: CommitmentStatusView;
  @ApiProperty({ description: 'Open with its due date passed today', example: false })
  overdue!: boolean;
  @ApiProperty({
    description: 'Sum of the confirmed fulfilment claims, in `unit`: delivered against `quantity`',
    example: 40,
  })
  delivered!: number;
  @ApiProperty({ description: 'Fulfilment claims confirmed by another member', example: 1 })
  confirmedClaims!: number;
  @ApiProperty({
    type: RecognitionTotalsDocument,
    description: 'Contributions recorded toward it (reversed ones left out), valued',
  })
  contributed!: RecognitionTotalsDocument;
}

class LatestMeasurementDocument {
  @ApiProperty({ example: 'm-2026-h1' })
  measurementId!: string;
  @ApiProperty({ type: PeriodDto })
  period!: PeriodDto;
  @ApiProperty({ example: 16 })
  value!: number;
}

class IndicatorMovementDocument
  extends OmitType(IndicatorHeadingDocument, ['partnershipId'] as const)
  implements IndicatorMovementView
{
  @ApiProperty({ description: 'How many measurements were recorded', example: 2 })
  measurements!: number;
  @ApiProperty({
    type: LatestMeasurementDocument,
    nullable: true,
    description: 'The measurement of the most recent period; null before the first',
  })
  latest!: LatestMeasurementDocument | null;
  @nullable(
    '(latest − baseline) / (target − baseline), to four decimals; null before the first measurement',
    'number',
    0.5,
  )
  progress!: number | null;
}

class ObjectiveResultsDocument extends ObjectiveHeadingDocument implements ObjectiveResultsView {
  @ApiProperty({ type: [CommitmentTowardDocument], description: 'In the order they were made' })
  commitments!: CommitmentTowardDocument[];
  @ApiProperty({
    type: RecognitionTotalsDocument,
    description: 'Every contribution toward those commitments, by kind and unit',
  })
  contributed!: RecognitionTotalsDocument;
  @ApiProperty({ type: [IndicatorMovementDocument], description: 'The indicators measuring it' })
  indicators!: IndicatorMovementDocument[];
}

export class PartnershipResultsChainDocument implements PartnershipResultsChainView {
  @ApiProperty({ example: 'northside-2026' })
  partnershipId!: string;
  @nullable('Its name', 'string', 'Northside Youth Partnership')
  name!: string | null;
  @ApiProperty({ type: ValuationDocument, nullable: true, description: 'Null without a policy' })
  valuation!: ValuationDocument | null;
  @ApiProperty({ type: [ObjectiveResultsDocument], description: 'In the order they were set' })
  objectives!: ObjectiveResultsDocument[];
  @ApiProperty({ type: [RateUsedDocument] })
  ratesUsed!: RateUsedDocument[];
}

export class ObjectiveResultsReportDocument
  extends ObjectiveResultsDocument
  implements ObjectiveResultsReportView
{
  @ApiProperty({ example: 'northside-2026' })
  partnershipId!: string;
  @nullable('Its name', 'string', 'Northside Youth Partnership')
  partnershipName!: string | null;
  @ApiProperty({ type: ValuationDocument, nullable: true, description: 'Null without a policy' })
  valuation!: ValuationDocument | null;
  @ApiProperty({ type: [RateUsedDocument] })
  ratesUsed!: RateUsedDocument[];
}

class PartnerObjectiveDocument extends ObjectiveHeadingDocument implements PartnerObjectiveView {
  @ApiProperty({
    type: [String],
    description: "The partner's commitments toward it (any status)",
    example: ['northside-2026--tutoring-hours'],
  })
  commitmentIds!: string[];
  @ApiProperty({
    type: RecognitionTotalsDocument,
    description: 'What its contributions toward those commitments (or others of it) add up to',
  })
  contributed!: RecognitionTotalsDocument;
}

class PartnerResultsInPartnershipDocument implements PartnerResultsInPartnershipView {
  @ApiProperty({ example: 'northside-2026' })
  partnershipId!: string;
  @nullable('Its name', 'string', 'Northside Youth Partnership')
  partnershipName!: string | null;
  @ApiProperty({ type: [PartnerObjectiveDocument], description: 'In the order they were set' })
  objectives!: PartnerObjectiveDocument[];
  @ApiProperty({
    type: RecognitionTotalsDocument,
    description:
      'Contributions serving no objective: given outside any commitment, or toward one linked to none',
  })
  unlinked!: RecognitionTotalsDocument;
}

export class PartnerResultsChainDocument implements PartnerResultsChainView {
  @ApiProperty({ example: 'youth-club' })
  partnerId!: string;
  @ApiProperty({ type: ValuationDocument, nullable: true, description: 'Null without a policy' })
  valuation!: ValuationDocument | null;
  @ApiProperty({ type: RecognitionTotalsDocument, description: 'All its contributions that count' })
  totals!: RecognitionTotalsDocument;
  @ApiProperty({ type: [PartnerResultsInPartnershipDocument] })
  partnerships!: PartnerResultsInPartnershipDocument[];
  @ApiProperty({ type: [RateUsedDocument] })
  ratesUsed!: RateUsedDocument[];
}
