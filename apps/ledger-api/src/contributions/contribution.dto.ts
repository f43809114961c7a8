import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNumber } from 'class-validator';
import { CONTRIBUTION_KINDS, type ContributionKind } from '@cohesion/domain';
import {
  IsCalendarDate,
  IsLedgerId,
  IsOptionalIdInPartnership,
  IsOptionalText,
  IsText,
} from '../validation/dto-validators';
import { ActingPartnerDto } from '../commands/acting-partner.dto';
import { IsOptionalReference } from '../validation/dto-validators';
import { ActDto } from '../commands/act.dto';

/** The raw quantity and unit are the fact; a valuation policy gives their money value later. */
export class RecordContributionDto extends ActingPartnerDto {
  @IsOptionalIdInPartnership('Contribution id')
  contributionId?: string;
  @IsLedgerId('The partnership the contribution is given to')
  partnershipId!: string;
  @ApiProperty({ enum: CONTRIBUTION_KINDS, example: 'volunteer_time' })
  @IsIn(CONTRIBUTION_KINDS)
  kind!: ContributionKind;
  /** Finite by shape (400); whether it is positive is the contribution's rule (422). */
  @ApiProperty({ description: 'How much was given, in `unit`', example: 12.5 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  quantity!: number;
  @IsText('Unit: an ISO 4217 code for money, hours for time, items, days…', 'hours', 50)
  unit!: string;
  @IsCalendarDate('The day it was given (today or earlier)', '2026-10-14')
  date!: string;
  @IsText('What was given', 'Homework club, weekly sessions of October')
  description!: string;
  @IsOptionalReference(
    'The commitment this contribution fulfils: it becomes a fulfilment claim there',
    'tutoring-2026',
  )
  commitmentId?: string;
}

export class AcknowledgeContributionDto extends ActingPartnerDto {
  @IsOptionalText('A note from the acknowledging partner')
  note?: string;
}

export class ReverseContributionDto extends ActDto {
  @IsText('Why the contribution is reversed', 'Recorded twice by mistake')
  reason!: string;
}
