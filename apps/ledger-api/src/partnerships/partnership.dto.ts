import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { PARTNER_KINDS, type PartnerKind } from '@cohesion/domain';
import {
  IsCalendarDate,
  IsLedgerId,
  IsOptionalCalendarDate,
  IsOptionalLedgerId,
  IsOptionalPartnershipId,
  IsOptionalText,
  IsText,
  IsTextList,
} from '../validation/dto-validators';
import { ActDto } from '../commands/act.dto';

export class FoundPartnershipDto extends ActDto {
  @IsOptionalPartnershipId()
  partnershipId?: string;
  @IsText('Name', 'Youth empowerment against school dropout', 200)
  name!: string;
  @IsText('Purpose', 'Reduce school dropout in disadvantaged neighbourhoods')
  purpose!: string;
  @IsText('Territory', 'Northside district', 200)
  territory!: string;
  @IsTextList('Neighbourhoods concerned', ['Les Tilleuls'])
  neighbourhoods!: string[];
}

export class JoinPartnerDto extends ActDto {
  @IsLedgerId('Partner id', 'acme-foundation')
  partnerId!: string;
  @IsText('Name of the partner organisation or group', 'ACME Foundation', 200)
  name!: string;
  @ApiProperty({ enum: PARTNER_KINDS })
  @IsIn(PARTNER_KINDS)
  kind!: PartnerKind;
  @IsText('Role in the partnership', 'lead', 200)
  role!: string;
  @IsTextList('Responsibilities', ['funding', 'mentoring'])
  responsibilities!: string[];
}

export class ReasonDto extends ActDto {
  @IsText('Why', 'Agreed at the general assembly')
  reason!: string;
}

export class ChangePartnerRoleDto extends ActDto {
  @IsText('New role', 'co-lead', 200)
  role!: string;
  @IsTextList('Responsibilities', ['coordination'])
  responsibilities!: string[];
}

export class SetObjectiveDto extends ActDto {
  @IsOptionalLedgerId('Objective id')
  objectiveId?: string;
  @IsText('Title', 'Halve school dropout', 200)
  title!: string;
  @IsText('Description', 'Among 15-18 year olds of the neighbourhoods, by 2028')
  description!: string;
  @IsOptionalCalendarDate('Target date')
  targetDate?: string;
}

export class ReviseObjectiveDto extends ReasonDto {
  @IsText('Title', 'Cut school dropout by a third', 200)
  title!: string;
  @IsText('Description', 'Among 15-18 year olds, by 2028')
  description!: string;
  @IsOptionalCalendarDate('Target date')
  targetDate?: string;
}

export class AchieveObjectiveDto extends ActDto {
  @IsText('Evidence that the objective was achieved', 'Evaluation report 2028, p. 12')
  evidence!: string;
}

export class RecordMeetingDto extends ActDto {
  @IsOptionalLedgerId('Meeting id')
  meetingId?: string;
  @IsCalendarDate('Date the meeting was held', '2026-11-20')
  heldOn!: string;
  @IsTextList('Partner ids of the attendees (members)', ['acme-foundation'])
  attendees!: string[];
  @IsTextList('Decisions taken', ['Start tutoring in January'])
  decisions!: string[];
  @IsOptionalText('Notes')
  notes?: string;
}

export class SetDefaultValuationPolicyDto extends ActDto {
  @IsLedgerId('A defined valuation policy (see GET /valuation-policies)', 'city-rates-2026')
  policyId!: string;
}
