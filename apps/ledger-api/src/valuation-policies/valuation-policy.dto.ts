import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNumber } from 'class-validator';
import { CONTRIBUTION_KINDS, type ContributionKind } from '@cohesion/domain';
import { IsCalendarDate, IsOptionalLedgerId, IsText } from '../validation/dto-validators';
import { ActDto } from '../commands/act.dto';

/** Whether it is a real ISO 4217 code is the policy's rule (422), not the body's shape. */
const IsCurrency = (description: string) => IsText(description, 'EUR', 10);

export class DefineValuationPolicyDto extends ActDto {
  @IsOptionalLedgerId('Valuation policy id')
  policyId?: string;
  @IsText('Name', 'Northside valuation of volunteering 2026', 200)
  name!: string;
  @IsCurrency('The currency every value is expressed in (ISO 4217)')
  currency!: string;
}

/** One (kind, unit) of the policy, from a date on; two entries on one date would be ambiguous. */
class PolicyEntryDto extends ActDto {
  @ApiProperty({ enum: CONTRIBUTION_KINDS, example: 'volunteer_time' })
  @IsIn(CONTRIBUTION_KINDS)
  kind!: ContributionKind;
  @IsText('Unit the rate applies to (hours, days, items, a currency…)', 'hours', 50)
  unit!: string;
  @IsCalendarDate('In force from this day (may be back-dated)', '2026-01-01')
  effectiveFrom!: string;
}

export class SetValuationRateDto extends PolicyEntryDto {
  /** Finite by shape (400); whether it is positive is the policy's rule (422). */
  @ApiProperty({ description: 'Value of one unit, in `currency`', example: 15.5 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  rate!: number;
  @IsCurrency("Currency of the rate: the policy's own")
  currency!: string;
  @IsText('Where the rate comes from, for auditors', 'National volunteering study 2025, table 4')
  source!: string;
}

export class RetireValuationRateDto extends PolicyEntryDto {
  @IsText('Why this (kind, unit) is no longer valued', 'The study was withdrawn')
  reason!: string;
}
