import { BackfillMarkDocument } from '../queries/backfill-mark.document';
import { ApiProperty } from '@nestjs/swagger';
import { INDICATOR_FREQUENCIES, type IndicatorFrequency } from '@cohesion/domain';
import type {
  CellView,
  IndicatorDetailView,
  IndicatorView,
  MeasurementVersionView,
  MeasurementView,
  MeasurementWithHistoryView,
} from '@cohesion/projections';
import { PageDocument } from '../queries/page-document';
import { IndicatorHeadingDocument } from './indicator-heading.document';
import { PeriodDto } from './indicator-values.dto';

/** OpenAPI schemas of the impact read model's indicator answers; `implements` keeps them in step. */
export class CellDocument implements CellView {
  @ApiProperty({ example: { neighbourhood: 'Les Tilleuls' } })
  dimensions!: Record<string, string>;
  @ApiProperty({ example: 14 })
  value!: number;
  @ApiProperty({ type: Number, nullable: true, example: 0.25 })
  progress!: number | null;
}

export class MeasurementVersionDocument implements MeasurementVersionView {
  @ApiProperty({ example: 1, description: '0 as first recorded, then one per correction' })
  version!: number;
  @ApiProperty({ example: 16 })
  value!: number;
  @ApiProperty({ type: [CellDocument] })
  disaggregation!: CellDocument[];
  @ApiProperty({ type: String, nullable: true, example: 'Two survey batches had been left out' })
  reason!: string | null;
  @ApiProperty({ example: '2026-10-02T08:15:00.000Z' })
  recordedAt!: string;
  @ApiProperty({ example: 'city-officer', description: 'The principal who recorded it' })
  recordedBy!: string;
}

export class MeasurementDocument extends BackfillMarkDocument implements MeasurementView {
  @ApiProperty({ example: 'participation-2026-q3' })
  measurementId!: string;
  @ApiProperty({ type: PeriodDto })
  period!: PeriodDto;
  @ApiProperty({ example: 16, description: 'As corrected, if it was' })
  value!: number;
  @ApiProperty({ type: Number, nullable: true, example: 0.5 })
  progress!: number | null;
  @ApiProperty({ example: 1 })
  corrections!: number;
  @ApiProperty()
  source!: string;
  @ApiProperty()
  meansOfVerification!: string;
  @ApiProperty({ type: [CellDocument] })
  disaggregation!: CellDocument[];
  @ApiProperty({ example: '2026-10-01T08:15:00.000Z' })
  recordedAt!: string;
  @ApiProperty({ type: String, nullable: true })
  correctedAt!: string | null;
}

export class MeasurementWithHistoryDocument
  extends MeasurementDocument
  implements MeasurementWithHistoryView
{
  @ApiProperty({ type: [MeasurementVersionDocument], description: 'Oldest first' })
  history!: MeasurementVersionDocument[];
}

export class IndicatorDocument extends IndicatorHeadingDocument implements IndicatorView {
  @ApiProperty({ enum: INDICATOR_FREQUENCIES })
  frequency!: IndicatorFrequency;
  @ApiProperty({ type: [String], example: ['neighbourhood', 'age_group'] })
  dimensions!: string[];
  @ApiProperty({ example: '2026-01-15T10:00:00.000Z' })
  definedAt!: string;
  @ApiProperty({ type: String, nullable: true })
  retiredAt!: string | null;
  @ApiProperty({ type: String, nullable: true })
  retirementReason!: string | null;
  @ApiProperty({ example: 3, description: 'How many measurements were recorded' })
  measurements!: number;
  @ApiProperty({
    type: MeasurementDocument,
    nullable: true,
    description: 'The measurement of the most recent period',
  })
  latest!: MeasurementDocument | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 0.5,
    description:
      '(latest − baseline) / (target − baseline): 0 at baseline, 1 on target, also when the ' +
      'target is below the baseline',
  })
  progress!: number | null;
  @ApiProperty({ example: '4', description: 'The indicator stream revision the answer reflects' })
  revision!: string;
}

export class IndicatorDetailDocument extends IndicatorDocument implements IndicatorDetailView {
  @ApiProperty({
    type: [MeasurementWithHistoryDocument],
    description: 'Every measurement in period order, each with the values it had',
  })
  series!: MeasurementWithHistoryDocument[];
}

export class IndicatorPageDocument extends PageDocument(IndicatorDocument) {}
