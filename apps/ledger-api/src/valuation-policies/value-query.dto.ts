import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsNumber,
  IsPositive,
  Validate,
  type ValidationArguments,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import {
  CONTRIBUTION_KINDS,
  type ContributionKind,
  type ContributionValue,
  isUnitConsistentWithKind,
} from '@cohesion/domain';
import type { PolicyValueView } from '@cohesion/application';
import { IsCalendarDate, IsText } from '../validation/dto-validators';

/** Money in hours cannot be valued: asking for it is a bad question, not an unknown rate. */
@ValidatorConstraint({ name: 'unitFitsKind' })
class UnitFitsKind implements ValidatorConstraintInterface {
  validate(unit: unknown, { object }: ValidationArguments): boolean {
    const { kind } = object as ValueQuery;
    if (typeof unit !== 'string' || !CONTRIBUTION_KINDS.includes(kind)) return true;
    return isUnitConsistentWithKind(kind, unit);
  }

  defaultMessage({ object }: ValidationArguments): string {
    return `a ${(object as ValueQuery).kind} contribution is not counted in this unit`;
  }
}

/** A contribution to value, as query parameters. */
export class ValueQuery {
  @ApiProperty({ enum: CONTRIBUTION_KINDS, example: 'volunteer_time' })
  @IsIn(CONTRIBUTION_KINDS)
  kind!: ContributionKind;

  @ApiProperty({ description: 'Raw quantity, in `unit`', example: 12.5 })
  // An empty parameter stays a string (refused), where Number('') would quietly be 0.
  @Transform(({ value }) =>
    typeof value === 'string' && value.trim() !== '' ? Number(value) : (value as unknown),
  )
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsPositive()
  quantity!: number;

  @IsText('Unit of the quantity', 'hours', 50)
  @Validate(UnitFitsKind)
  unit!: string;

  @IsCalendarDate('The day of the contribution: the rate in force that day applies', '2026-10-14')
  date!: string;
}

export class ContributionValueDocument implements ContributionValue {
  @ApiProperty({ example: 193.75, description: 'Rounded to the cent' })
  amount!: number;
  @ApiProperty({ example: 'EUR' })
  currency!: string;
  @ApiProperty({ example: 15.5 })
  rate!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 2,
    description: 'Policy entry whose rate applied; null for money at face value',
  })
  rateVersion!: number | null;
}

export class PolicyValueDocument implements PolicyValueView {
  @ApiProperty({ example: 'northside-2026' })
  policyId!: string;
  @ApiProperty({ example: '4', description: "The policy stream's revision the value was read at" })
  revision!: string;
  @ApiProperty({ enum: CONTRIBUTION_KINDS })
  kind!: ContributionKind;
  @ApiProperty({ example: 12.5 })
  quantity!: number;
  @ApiProperty({ example: 'hours' })
  unit!: string;
  @ApiProperty({ example: '2026-10-14' })
  date!: string;
  @ApiProperty({
    type: ContributionValueDocument,
    nullable: true,
    description: 'null when no rate of the policy was in force for this kind and unit that day',
  })
  value!: ContributionValueDocument | null;
}
