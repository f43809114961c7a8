import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsNumber, IsObject, ValidateNested } from 'class-validator';
import { CONTRIBUTION_KINDS, type CommitmentKind } from '@cohesion/domain';
import {
  IsCalendarDate,
  IsLedgerId,
  IsOptionalIdInPartnership,
  IsOptionalLedgerId,
  IsOptionalText,
  IsText,
  IfPresent,
} from '../validation/dto-validators';
import { ActingPartnerDto } from '../commands/acting-partner.dto';
import { IsOptionalReference } from '../validation/dto-validators';
import { BeneficiaryDto } from './beneficiary.dto';

/** Finite by shape (400); whether it is positive is the commitment's rule (422). */
const IsOptionalQuantity = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ description, example: 40 }),
    IfPresent(),
    IsNumber({ allowNaN: false, allowInfinity: false }),
  );

/** What is promised and by when; a quantity comes with its unit. */
export class CommitmentTermsDto extends ActingPartnerDto {
  @IsText('What is promised', 'Forty hours of tutoring for pupils at risk of dropping out')
  what!: string;
  @IsCalendarDate('Due date (today or later)', '2027-06-30')
  dueDate!: string;
  @IsOptionalQuantity('How much is promised (with a unit)')
  quantity?: number;
  @IsOptionalText('Unit of the quantity (hours, EUR, items…)', 50)
  unit?: string;
}

export class MakeCommitmentDto extends CommitmentTermsDto {
  @IsOptionalIdInPartnership('Commitment id')
  commitmentId?: string;
  @IsLedgerId('The partnership the commitment is made in')
  partnershipId!: string;
  @IsOptionalReference('An open objective of the partnership the commitment serves', 'dropout')
  objectiveId?: string;
  @ApiProperty({ type: BeneficiaryDto })
  @IsObject()
  @ValidateNested()
  @Type(() => BeneficiaryDto)
  beneficiary!: BeneficiaryDto;
  @ApiProperty({
    enum: CONTRIBUTION_KINDS,
    description: 'The kind of resource promised (the kinds contributions are given in)',
    example: 'volunteer_time',
  })
  @IsIn(CONTRIBUTION_KINDS)
  kind!: CommitmentKind;
}

export class AmendCommitmentDto extends CommitmentTermsDto {
  @IsText('Why the terms change', 'The school term was moved')
  reason!: string;
}

export class ClaimFulfilmentDto extends ActingPartnerDto {
  @IsOptionalLedgerId('Claim id')
  claimId?: string;
  @IsText('Evidence of the delivery', 'Attendance sheets of October')
  evidence!: string;
  @IsOptionalQuantity('How much was delivered (in the commitment unit unless `unit` says)')
  quantity?: number;
  @IsOptionalText('Unit of the quantity (defaults to the commitment unit)', 50)
  unit?: string;
  @ApiPropertyOptional({
    description: 'For a commitment without quantity: this delivery completes it',
    default: false,
  })
  @IfPresent()
  @IsBoolean()
  complete?: boolean;
}
