import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { PARTNER_KINDS, type PartnerKind } from '@cohesion/domain';
import {
  IsCalendarDate,
  IsLedgerId,
  IsOptionalCalendarDate,
  IsOptionalLedgerId,
  IsOptionalText,
  IsText,
  IsTextList,
} from '../validation/dto-validators';

export class FoundPartnershipDto {
  @IsOptionalLedgerId('Partnership id')
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

export class JoinPartnerDto {
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

export class ReasonDto {
  @IsText('Why', 'Agreed at the general assembly')
  reason!: string;
}

export class ChangePartnerRoleDto {
  @IsText('New role', 'co-lead', 200)
  role!: string;
  @IsTextList('Responsibilities', ['coordination'])
  responsibilities!: string[];
}

export class SetObjectiveDto {
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

export class AchieveObjectiveDto {
  @IsText('Evidence that the objective was achieved', 'Evaluation report 2028, p. 12')
  evidence!: string;
}

export class RecordMeetingDto {
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
