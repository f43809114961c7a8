import { ApiProperty } from '@nestjs/swagger';
import { IndicatorHeadingDocument } from './indicator-heading.document';
import { PeriodDto } from './indicator-values.dto';
import type {
  CellProgressView,
  IndicatorProgressView,
  LatestMeasurementView,
} from '@cohesion/application';

/** OpenAPI schemas of the progress answer; `implements` keeps them in step with the view. */
class CellProgressDocument implements CellProgressView {
  @ApiProperty({ example: { neighbourhood: 'Les Tilleuls' } })
  dimensions!: Record<string, string>;
  @ApiProperty({ example: 15 })
  value!: number;
  @ApiProperty({ type: Number, nullable: true, example: 0.375 })
  progress!: number | null;
}

class LatestMeasurementDocument implements LatestMeasurementView {
  @ApiProperty({ example: 'participation-2026-q3' })
  measurementId!: string;
  @ApiProperty({ type: PeriodDto })
  period!: PeriodDto;
  @ApiProperty({ example: 16, description: 'As corrected, if it was' })
  value!: number;
  @ApiProperty({ example: 1 })
  corrections!: number;
  @ApiProperty()
  source!: string;
  @ApiProperty()
  meansOfVerification!: string;
  @ApiProperty({ type: [CellProgressDocument] })
  disaggregation!: CellProgressDocument[];
}

export class IndicatorProgressDocument
  extends IndicatorHeadingDocument
  implements IndicatorProgressView
{
  @ApiProperty({ type: LatestMeasurementDocument, nullable: true })
  latest!: LatestMeasurementDocument | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 0.5,
    description: '(latest − baseline) / (target − baseline): 0 at baseline, 1 on target',
  })
  progress!: number | null;
  @ApiProperty({ example: 3, description: 'How many measurements were recorded' })
  measurements!: number;
  @ApiProperty({ example: '5', description: 'The stream revision the answer reflects' })
  revision!: string;
}
