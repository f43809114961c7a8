import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import {
  ID_PATTERN,
  IsCalendarDate,
  IsLedgerId,
  IsOptionalIdInPartnership,
  IsOptionalLedgerId,
  IsText,
  IsTextList,
  IfPresent,
} from '../validation/dto-validators';
import { IsOptionalActingPartner } from '../commands/acting-partner.dto';
import { IsConflictSubject, type ConflictSubjectDto } from './conflict-subject.dto';
import { IsMediatorId } from './mediator-id';
import { ActDto } from '../commands/act.dto';

export class RaiseConflictDto extends ActDto {
  @IsOptionalIdInPartnership('Conflict id')
  conflictId?: string;
  @IsLedgerId('Partnership in which the conflict arises', 'youth-2026')
  partnershipId!: string;
  @IsTextList('Partner ids the conflict is raised against (members)', ['city'])
  parties!: string[];
  @IsConflictSubject()
  subject!: ConflictSubjectDto;
  @IsText('What went wrong, in the raiser’s words', 'The hall was locked on two Wednesdays')
  summary!: string;
  @IsOptionalActingPartner('Partner who raises the conflict')
  raisedBy?: string;
}

export class AcknowledgeConflictDto extends ActDto {
  @IsOptionalActingPartner('Party (raised against) who acknowledges the conflict')
  acknowledgedBy?: string;
}

export class ProposeMediatorDto extends ActDto {
  @IsMediatorId()
  mediatorId!: string;
}

export class PartyAnswerDto extends ActDto {
  @IsOptionalActingPartner('Party who answers')
  partyId?: string;
}

export class PartyObjectionDto extends PartyAnswerDto {
  @IsText('Why the party objects', 'She advised the city on this matter last year')
  reason!: string;
}

export class RecordStatementDto extends ActDto {
  @IsOptionalLedgerId('Statement id')
  statementId?: string;
  @IsText('The party’s account', 'We were told the hall was free on Wednesdays', 10000)
  text!: string;
  @IsOptionalActingPartner('Party who makes the statement')
  partyId?: string;
}

export class RecordMediationSessionDto extends ActDto {
  @IsOptionalLedgerId('Session id')
  sessionId?: string;
  @IsCalendarDate('Date the session was held (not in the future)', '2026-11-20')
  heldOn!: string;
  @IsTextList('Who attended: party ids, and the mediator’s person id', ['assoc', 'city'])
  attendees!: string[];
  @IsText('What was discussed', 'Both sides agreed on a shared calendar', 10000)
  summary!: string;
}

export class ProposeResolutionDto extends ActDto {
  @IsOptionalLedgerId('Proposal id')
  proposalId?: string;
  @IsText('The proposed resolution', 'The hall is booked through a shared calendar', 10000)
  terms!: string;
  @ApiPropertyOptional({
    description: 'Agreement (of the same partnership) that resolving the conflict amends',
    pattern: ID_PATTERN.source,
  })
  @IfPresent()
  @IsString()
  @Matches(ID_PATTERN, { message: '$property must be an agreement id' })
  amendsAgreementId?: string;
  @IsOptionalActingPartner(
    'Party who proposes; the assigned mediator, who proposes as themself, leaves it out',
  )
  proposedBy?: string;
}

export class EscalateConflictDto extends ActDto {
  @IsText('Body the conflict is escalated to', 'Municipal ombudsman', 200)
  escalatedTo!: string;
  @IsText('Why mediation could not settle it', 'No agreement after three sessions')
  reason!: string;
}

export class WithdrawConflictDto extends ActDto {
  @IsText('Why the raiser withdraws', 'Settled informally')
  reason!: string;
  @IsOptionalActingPartner('Partner who raised the conflict and withdraws it')
  withdrawnBy?: string;
}

export class ScheduleFollowUpReviewDto extends ActDto {
  @IsCalendarDate('Date to review how the resolution holds (in the future)', '2027-03-01')
  reviewOn!: string;
}
