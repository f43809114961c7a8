import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, Max, Min, ValidateIf } from 'class-validator';
import {
  MAX_FEEDBACK_CONTACT_RETENTION_MONTHS,
  PARTNER_KINDS,
  type PartnerKind,
} from '@cohesion/domain';
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

const RETENTION_RANGE = `months must be a whole number from 1 to ${MAX_FEEDBACK_CONTACT_RETENTION_MONTHS}, or null`;

export class SetFeedbackContactRetentionDto extends ActDto {
  @ApiProperty({
    type: 'integer',
    nullable: true,
    minimum: 1,
    maximum: MAX_FEEDBACK_CONTACT_RETENTION_MONTHS,
    example: 12,
    description:
      'Contact details left with feedback are shredded (their key destroyed) this many months ' +
      'after the feedback was recorded; null keeps them until their erasure is asked for',
  })
  // null is a value here (no retention); only an absent or other value is refused.
  @ValidateIf((_dto, value) => value !== null)
  @IsInt({ message: RETENTION_RANGE })
  @Min(1, { message: RETENTION_RANGE })
  @Max(MAX_FEEDBACK_CONTACT_RETENTION_MONTHS, { message: RETENTION_RANGE })
  months!: number | null;
}
