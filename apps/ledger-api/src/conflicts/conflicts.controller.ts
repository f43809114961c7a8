import { Body, Controller, Param, Post, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import {
  actingPartner,
  type CommandContext,
  commandFrom,
  type CommandResult,
  ConflictCommandMessage,
  type ConflictRequest,
  generatedId,
  idInPartnership,
} from '@cohesion/application';
import { ApiCommand } from '../commands/api-command.decorator';
import { CurrentCommandContext } from '../commands/command-context.decorator';
import { LedgerIdPipe } from '../validation/ledger-id.pipe';
import { ApiConflictSubjects } from './conflict-subject.dto';
import {
  AcknowledgeConflictDto,
  EscalateConflictDto,
  PartyAnswerDto,
  PartyObjectionDto,
  ProposeMediatorDto,
  ProposeResolutionDto,
  RaiseConflictDto,
  RecordMediationSessionDto,
  RecordStatementDto,
  ScheduleFollowUpReviewDto,
  WithdrawConflictDto,
} from './conflict.dto';
import { MediatorIdPipe } from './mediator-id';
import { Authorize } from '../authorization/authorize.decorator';
import { SCOPES } from '../authorization/scopes';

type Data<T extends ConflictRequest['type']> = Extract<ConflictRequest, { type: T }>['data'];

@ApiTags('conflicts')
@Controller('conflicts')
export class ConflictsController {
  constructor(private readonly commands: CommandBus) {}

  private send<T extends ConflictRequest['type']>(
    type: T,
    data: Data<T>,
    context: CommandContext,
  ): Promise<CommandResult> {
    return this.commands.execute(
      new ConflictCommandMessage(commandFrom<ConflictRequest>(type, data, context), context),
    );
  }

  @Authorize(['admin', 'partner'], SCOPES.actsInPartnership)
  @Post()
  @ApiCommand('A member raises a conflict against other members, about a subject', {
    creates: true,
  })
  @ApiConflictSubjects()
  raise(
    @Body() body: RaiseConflictDto,
    @CurrentCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    return this.send(
      'RaiseConflict',
      {
        ...body,
        conflictId: idInPartnership(body.partnershipId, body.conflictId, context, 'conflict'),
        raisedBy: actingPartner(context, body.raisedBy),
      },
      context,
    );
  }

  @Authorize(['admin', 'partner'], SCOPES.actsOnConflict)
  @Post(':conflictId/acknowledgement')
  @ApiCommand('A party the conflict is raised against acknowledges it')
  acknowledge(
    @Param('conflictId', LedgerIdPipe) conflictId: string,
    @Body() body: AcknowledgeConflictDto,
    @CurrentCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    const acknowledgedBy = actingPartner(context, body.acknowledgedBy);
    return this.send('AcknowledgeConflict', { conflictId, acknowledgedBy }, context);
  }

  @Authorize(['admin', 'partner'], SCOPES.actsOnConflict)
  @Post(':conflictId/mediator-proposals')
  @ApiCommand(
    'Propose an impartial mediator to the parties: neither a party (422 ' +
      '`conflict-mediator-not-impartial`) nor a person the people directory says acts for one ' +
      '(422 `conflict-mediator-acts-for-party`)',
    { creates: true },
  )
  proposeMediator(
    @Param('conflictId', LedgerIdPipe) conflictId: string,
    @Body() body: ProposeMediatorDto,
    @CurrentCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    return this.send('ProposeMediator', { conflictId, mediatorId: body.mediatorId }, context);
  }

  @Authorize(['admin', 'partner'], SCOPES.actsOnConflict)
  @Post(':conflictId/mediator-proposals/:mediatorId/acceptance')
  @ApiCommand('A party accepts the proposed mediator; once all have, mediation begins')
  acceptMediator(
    @Param('conflictId', LedgerIdPipe) conflictId: string,
    @Param('mediatorId', MediatorIdPipe) mediatorId: string,
    @Body() body: PartyAnswerDto,
    @CurrentCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    const partyId = actingPartner(context, body.partyId);
    return this.send('AcceptMediator', { conflictId, mediatorId, partyId }, context);
  }

  @Authorize(['admin', 'partner'], SCOPES.actsOnConflict)
  @Post(':conflictId/mediator-proposals/:mediatorId/objection')
  @ApiCommand('A party objects to the proposed mediator, voiding the proposal')
  objectToMediator(
    @Param('conflictId', LedgerIdPipe) conflictId: string,
    @Param('mediatorId', MediatorIdPipe) mediatorId: string,
    @Body() body: PartyObjectionDto,
    @CurrentCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    const partyId = actingPartner(context, body.partyId);
    return this.send(
      'ObjectToMediator',
      { conflictId, mediatorId, partyId, reason: body.reason },
      context,
    );
  }

  @Authorize(['admin', 'partner'], SCOPES.actsOnConflict)
  @Post(':conflictId/statements')
  @ApiCommand('A party puts its account on record during mediation', { creates: true })
  recordStatement(
    @Param('conflictId', LedgerIdPipe) conflictId: string,
    @Body() body: RecordStatementDto,
    @CurrentCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    return this.send(
      'RecordStatement',
      {
        conflictId,
        statementId: body.statementId ?? generatedId(context, 'statement'),
        partyId: actingPartner(context, body.partyId),
        text: body.text,
      },
      context,
    );
  }

  @Authorize(['mediator', 'admin'], SCOPES.recordsSessions)
  @Post(':conflictId/sessions')
  @ApiCommand('The mediator (the principal) records a mediation session held', {
    creates: true,
  })
  recordSession(
    @Param('conflictId', LedgerIdPipe) conflictId: string,
    @Body() body: RecordMediationSessionDto,
    @CurrentCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    return this.send(
      'RecordMediationSession',
      {
        ...body,
        conflictId,
        sessionId: body.sessionId ?? generatedId(context, 'session'),
        recordedBy: context.actor.sub,
      },
      context,
    );
  }

  @Authorize(['admin', 'partner', 'mediator'], SCOPES.mediatesConflict)
  @Post(':conflictId/resolution-proposals')
  @ApiCommand('The mediator or a party proposes a resolution; it supersedes any pending proposal', {
    creates: true,
  })
  proposeResolution(
    @Param('conflictId', LedgerIdPipe) conflictId: string,
    @Body() body: ProposeResolutionDto,
    @CurrentCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    return this.send(
      'ProposeResolution',
      { ...body, conflictId, proposalId: body.proposalId ?? generatedId(context, 'proposal') },
      context,
    );
  }

  @Authorize(['admin', 'partner'], SCOPES.actsOnConflict)
  @Post(':conflictId/resolution-proposals/:proposalId/acceptance')
  @ApiCommand(
    'A party accepts the resolution on the table; once all have, the conflict is resolved',
  )
  acceptResolution(
    @Param('conflictId', LedgerIdPipe) conflictId: string,
    @Param('proposalId', LedgerIdPipe) proposalId: string,
    @Body() body: PartyAnswerDto,
    @CurrentCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    const partyId = actingPartner(context, body.partyId);
    return this.send('AcceptResolution', { conflictId, proposalId, partyId }, context);
  }

  @Authorize(['admin', 'partner'], SCOPES.actsOnConflict)
  @Post(':conflictId/resolution-proposals/:proposalId/rejection')
  @ApiCommand('A party rejects the resolution on the table, which lapses')
  rejectResolution(
    @Param('conflictId', LedgerIdPipe) conflictId: string,
    @Param('proposalId', LedgerIdPipe) proposalId: string,
    @Body() body: PartyObjectionDto,
    @CurrentCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    const partyId = actingPartner(context, body.partyId);
    return this.send(
      'RejectResolution',
      { conflictId, proposalId, partyId, reason: body.reason },
      context,
    );
  }

  @Authorize(['admin', 'partner'], SCOPES.actsOnConflict)
  @Post(':conflictId/escalation')
  @ApiCommand('Escalate an unresolved conflict beyond the partnership')
  escalate(
    @Param('conflictId', LedgerIdPipe) conflictId: string,
    @Body() body: EscalateConflictDto,
    @CurrentCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    return this.send('EscalateConflict', { ...body, conflictId }, context);
  }

  @Authorize(['admin', 'partner'], SCOPES.actsOnConflict)
  @Post(':conflictId/withdrawal')
  @ApiCommand('The raiser withdraws the conflict')
  withdraw(
    @Param('conflictId', LedgerIdPipe) conflictId: string,
    @Body() body: WithdrawConflictDto,
    @CurrentCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    const withdrawnBy = actingPartner(context, body.withdrawnBy);
    return this.send('WithdrawConflict', { conflictId, withdrawnBy, reason: body.reason }, context);
  }

  @Authorize(['admin', 'partner'], SCOPES.actsOnConflict)
  @Put(':conflictId/follow-up-review')
  @ApiCommand('Schedule (or move) the review of how a resolution holds')
  scheduleFollowUpReview(
    @Param('conflictId', LedgerIdPipe) conflictId: string,
    @Body() body: ScheduleFollowUpReviewDto,
    @CurrentCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    return this.send('ScheduleFollowUpReview', { conflictId, reviewOn: body.reviewOn }, context);
  }
}
