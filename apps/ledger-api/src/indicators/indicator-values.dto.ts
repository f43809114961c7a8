import { BadRequestException } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, ValidateNested } from 'class-validator';
import {
  type DisaggregatedValue,
  INDICATOR_UNIT_KINDS,
  type IndicatorUnit,
  type IndicatorUnitKind,
} from '@cohesion/domain';
import { IsCalendarDate } from '../validation/dto-validators';
import { IsDimensionValues, IsIndicatorValue, IsScaleOfLikertUnit } from './indicator.validators';

/** Whole numbers with min below max: the decider says so with its own rule (422). */
export class LikertScaleDto {
  @IsIndicatorValue('Lowest answer', 1)
  min!: number;
  @IsIndicatorValue('Highest answer', 5)
  max!: number;
}

/** The tagged union `count | percent | ratio | likert(scale)` as one DTO with a checked scale. */
export class IndicatorUnitDto {
  @ApiProperty({ enum: INDICATOR_UNIT_KINDS, example: 'likert' })
  @IsIn(INDICATOR_UNIT_KINDS)
  kind!: IndicatorUnitKind;

  @IsScaleOfLikertUnit()
  @IsObject()
  @ValidateNested()
  @Type(() => LikertScaleDto)
  scale?: LikertScaleDto;
}

export class DatedValueDto {
  @IsIndicatorValue('The value', 12)
  value!: number;
  @IsCalendarDate('The date it stood (baseline) or should stand (target) at', '2026-01-01')
  date!: string;
}

export class PeriodDto {
  @IsCalendarDate('First day covered (inclusive)', '2026-01-01')
  from!: string;
  @IsCalendarDate('Last day covered (inclusive)', '2026-06-30')
  to!: string;
}

export class DisaggregatedValueDto implements DisaggregatedValue {
  @IsDimensionValues()
  dimensions!: Record<string, string>;
  @IsIndicatorValue('The value measured in that cell', 41)
  value!: number;
}

/** The domain unit; the validators already guarantee a scale exactly when the kind is likert. */
export function unitOf({ kind, scale }: IndicatorUnitDto): IndicatorUnit {
  if (kind !== 'likert') return { kind };
  if (!scale) throw new BadRequestException('A likert unit needs its scale');
  return { kind, scale: { min: scale.min, max: scale.max } };
}
