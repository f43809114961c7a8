import { ApiProperty } from '@nestjs/swagger';
import {
  INDICATOR_DIRECTIONS,
  type IndicatorDirection,
  type IndicatorUnit,
} from '@cohesion/domain';
import { DatedValueDto, IndicatorUnitDto } from './indicator-values.dto';

/** What every answer about an indicator starts with: which it is, and what it aims at. */
export class IndicatorHeadingDocument {
  @ApiProperty({ example: 'participation' })
  indicatorId!: string;
  @ApiProperty({ example: 'northside-2026' })
  partnershipId!: string;
  @ApiProperty({ example: 'PART-RATE' })
  code!: string;
  @ApiProperty({ example: 'Resident participation rate' })
  name!: string;
  @ApiProperty({ enum: ['defined', 'retired'] })
  status!: 'defined' | 'retired';
  @ApiProperty({ type: IndicatorUnitDto })
  unit!: IndicatorUnit;
  @ApiProperty({ enum: INDICATOR_DIRECTIONS })
  direction!: IndicatorDirection;
  @ApiProperty({ type: DatedValueDto })
  baseline!: DatedValueDto;
  @ApiProperty({ type: DatedValueDto })
  target!: DatedValueDto;
}
