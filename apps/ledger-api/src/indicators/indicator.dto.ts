import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsObject, ValidateIf, ValidateNested } from 'class-validator';
import {
  INDICATOR_DIRECTIONS,
  INDICATOR_FREQUENCIES,
  type IndicatorDirection,
  type IndicatorFrequency,
} from '@cohesion/domain';
import {
  IsLedgerId,
  IsOptionalLedgerId,
  IsOptionalReference,
  IsText,
  IsTextList,
} from '../validation/dto-validators';
import { IsIndicatorValue } from './indicator.validators';
import {
  DatedValueDto,
  DisaggregatedValueDto,
  IndicatorUnitDto,
  PeriodDto,
} from './indicator-values.dto';
import { ActDto } from '../commands/act.dto';

/** A breakdown has at most this many cells (e.g. 10 neighbourhoods × 5 age groups, with room). */
const MAX_CELLS = 500;

export class DefineIndicatorDto extends ActDto {
  @IsOptionalLedgerId('Indicator id')
  indicatorId?: string;
  @IsLedgerId('The partnership whose impact it measures', 'northside-2026')
  partnershipId!: string;
  @IsOptionalReference('An open objective of the partnership whose progress it measures', 'dropout')
  objectiveId?: string;
  @IsText('Short code', 'PART-RATE', 50)
  code!: string;
  @IsText('Name', 'Resident participation rate', 200)
  name!: string;

  @ApiProperty({ type: IndicatorUnitDto })
  @IsObject()
  @ValidateNested()
  @Type(() => IndicatorUnitDto)
  unit!: IndicatorUnitDto;

  @ApiProperty({ type: DatedValueDto, description: 'Where it stood when the work started' })
  @IsObject()
  @ValidateNested()
  @Type(() => DatedValueDto)
  baseline!: DatedValueDto;

  @ApiProperty({ type: DatedValueDto, description: 'Where it should stand, and by when' })
  @IsObject()
  @ValidateNested()
  @Type(() => DatedValueDto)
  target!: DatedValueDto;

  @ApiProperty({ enum: INDICATOR_DIRECTIONS, description: 'Which way is better' })
  @IsIn(INDICATOR_DIRECTIONS)
  direction!: IndicatorDirection;
  @ApiProperty({ enum: INDICATOR_FREQUENCIES })
  @IsIn(INDICATOR_FREQUENCIES)
  frequency!: IndicatorFrequency;
  @IsTextList('Dimensions measurements may be broken down by', ['neighbourhood', 'age_group'])
  dimensions!: string[];
}

export class RecordMeasurementDto extends ActDto {
  @IsOptionalLedgerId('Measurement id')
  measurementId?: string;

  @ApiProperty({ type: PeriodDto })
  @IsObject()
  @ValidateNested()
  @Type(() => PeriodDto)
  period!: PeriodDto;

  @IsIndicatorValue('The value for the whole period and population', 14)
  value!: number;

  @ApiPropertyOptional({ type: [DisaggregatedValueDto], default: [] })
  @IsArray()
  @ArrayMaxSize(MAX_CELLS)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => DisaggregatedValueDto)
  disaggregation: DisaggregatedValueDto[] = [];

  @IsText('Where the figure comes from', 'Resident survey, first half of 2026', 500)
  source!: string;
  @IsText('How a third party can check it', 'Survey dataset archived by the city', 1000)
  meansOfVerification!: string;
}

export class CorrectMeasurementDto extends ActDto {
  @IsIndicatorValue('The corrected value', 15)
  value!: number;

  @ApiPropertyOptional({
    type: [DisaggregatedValueDto],
    description: 'Replaces the whole breakdown when given; the breakdown stands when absent',
  })
  @ValidateIf((_: object, cells: unknown) => cells !== undefined)
  @IsArray()
  @ArrayMaxSize(MAX_CELLS)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => DisaggregatedValueDto)
  disaggregation?: DisaggregatedValueDto[];

  @IsText('Why the value was wrong', 'Two survey batches had been counted twice')
  reason!: string;
}

export class RetireIndicatorDto extends ActDto {
  @IsText('Why it is no longer measured', 'Replaced by the city-wide well-being index')
  reason!: string;
}
