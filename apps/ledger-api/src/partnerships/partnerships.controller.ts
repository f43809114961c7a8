import { Body, Controller, Param, Post, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { ApiCommand } from '../commands/api-command.decorator';
import {
  type CommandContext,
  commandFrom,
  type CommandResult,
  generatedId,
  PartnershipCommandMessage,
  type PartnershipRequest,
} from '@cohesion/application';
import { CurrentCommandContext } from '../commands/command-context.decorator';
import { LedgerIdPipe } from '../validation/ledger-id.pipe';
import {
  AchieveObjectiveDto,
  ChangePartnerRoleDto,
  FoundPartnershipDto,
  JoinPartnerDto,
  ReasonDto,
  RecordMeetingDto,
  SetDefaultValuationPolicyDto,
  SetFeedbackContactRetentionDto,
  ReviseObjectiveDto,
  SetObjectiveDto,
} from './partnership.dto';
import { Authorize } from '../authorization/authorize.decorator';
import { SCOPES } from '../authorization/scopes';

type Data<T extends PartnershipRequest['type']> = Extract<PartnershipRequest, { type: T }>['data'];

@ApiTags('partnerships')
@Controller('partnerships')
export class PartnershipsController {
  constructor(private readonly commands: CommandBus) {}

  private send<T extends PartnershipRequest['type']>(
    type: T,
    data: Data<T>,
    context: CommandContext,
  ) {
    return this.commands.execute(
      new PartnershipCommandMessage(commandFrom<PartnershipRequest>(type, data, context), context),
    );
  }

  @Authorize(['admin'])
  @Post()
  @ApiCommand('Found a partnership', { creates: true })
  found(
    @Body() body: FoundPartnershipDto,
    @CurrentCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    return this.send(
      'FoundPartnership',
      { ...body, partnershipId: body.partnershipId ?? generatedId(context, 'partnership') },
      context,
    );
  }

  @Authorize(['admin'])
  @Post(':partnershipId/partners')
  @ApiCommand('A partner joins, with its kind, role and responsibilities', { creates: true })
  join(
    @Param('partnershipId', LedgerIdPipe) partnershipId: string,
    @Body() body: JoinPartnerDto,
    @CurrentCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    return this.send('JoinPartner', { ...body, partnershipId }, context);
  }

  @Authorize(['admin'])
  @Post(':partnershipId/partners/:partnerId/departure')
  @ApiCommand('A partner leaves the partnership')
  leave(
    @Param('partnershipId', LedgerIdPipe) partnershipId: string,
    @Param('partnerId', LedgerIdPipe) partnerId: string,
    @Body() body: ReasonDto,
    @CurrentCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    return this.send(
      'LeavePartnership',
      { partnershipId, partnerId, reason: body.reason },
      context,
    );
  }

  @Authorize(['admin'])
  @Put(':partnershipId/partners/:partnerId/role')
  @ApiCommand("Change a partner's role and responsibilities")
  changeRole(
    @Param('partnershipId', LedgerIdPipe) partnershipId: string,
    @Param('partnerId', LedgerIdPipe) partnerId: string,
    @Body() body: ChangePartnerRoleDto,
    @CurrentCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    return this.send('ChangePartnerRole', { ...body, partnershipId, partnerId }, context);
  }

  @Authorize(['admin', 'partner'], SCOPES.managesPartnership)
  @Post(':partnershipId/objectives')
  @ApiCommand('Set a shared objective', { creates: true })
  setObjective(
    @Param('partnershipId', LedgerIdPipe) partnershipId: string,
    @Body() body: SetObjectiveDto,
    @CurrentCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    return this.send(
      'SetObjective',
      {
        ...body,
        partnershipId,
        objectiveId: body.objectiveId ?? generatedId(context, 'objective'),
      },
      context,
    );
  }

  @Authorize(['admin', 'partner'], SCOPES.managesPartnership)
  @Put(':partnershipId/objectives/:objectiveId')
  @ApiCommand('Revise an open objective (the earlier wording stays in the history)')
  reviseObjective(
    @Param('partnershipId', LedgerIdPipe) partnershipId: string,
    @Param('objectiveId', LedgerIdPipe) objectiveId: string,
    @Body() body: ReviseObjectiveDto,
    @CurrentCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    return this.send('ReviseObjective', { ...body, partnershipId, objectiveId }, context);
  }

  @Authorize(['admin', 'partner'], SCOPES.managesPartnership)
  @Post(':partnershipId/objectives/:objectiveId/achievement')
  @ApiCommand('Record that an objective was achieved')
  achieveObjective(
    @Param('partnershipId', LedgerIdPipe) partnershipId: string,
    @Param('objectiveId', LedgerIdPipe) objectiveId: string,
    @Body() body: AchieveObjectiveDto,
    @CurrentCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    return this.send('AchieveObjective', { ...body, partnershipId, objectiveId }, context);
  }

  @Authorize(['admin', 'partner'], SCOPES.managesPartnership)
  @Post(':partnershipId/objectives/:objectiveId/retirement')
  @ApiCommand('Retire an objective')
  retireObjective(
    @Param('partnershipId', LedgerIdPipe) partnershipId: string,
    @Param('objectiveId', LedgerIdPipe) objectiveId: string,
    @Body() body: ReasonDto,
    @CurrentCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    return this.send('RetireObjective', { ...body, partnershipId, objectiveId }, context);
  }

  @Authorize(['admin', 'partner'], SCOPES.managesPartnership)
  @Post(':partnershipId/meetings')
  @ApiCommand('Record a meeting held by members, with its decisions', { creates: true })
  recordMeeting(
    @Param('partnershipId', LedgerIdPipe) partnershipId: string,
    @Body() body: RecordMeetingDto,
    @CurrentCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    return this.send(
      'RecordMeeting',
      { ...body, partnershipId, meetingId: body.meetingId ?? generatedId(context, 'meeting') },
      context,
    );
  }

  @Authorize(['admin'])
  @Post(':partnershipId/suspension')
  @ApiCommand('Suspend the partnership')
  suspend(
    @Param('partnershipId', LedgerIdPipe) partnershipId: string,
    @Body() body: ReasonDto,
    @CurrentCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    return this.send('SuspendPartnership', { ...body, partnershipId }, context);
  }

  @Authorize(['admin'])
  @Post(':partnershipId/reactivation')
  @ApiCommand('Reactivate a suspended partnership')
  reactivate(
    @Param('partnershipId', LedgerIdPipe) partnershipId: string,
    @CurrentCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    return this.send('ReactivatePartnership', { partnershipId }, context);
  }

  @Authorize(['admin'])
  @Post(':partnershipId/closure')
  @ApiCommand('Close the partnership: it accepts nothing new afterwards')
  close(
    @Param('partnershipId', LedgerIdPipe) partnershipId: string,
    @Body() body: ReasonDto,
    @CurrentCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    return this.send('ClosePartnership', { ...body, partnershipId }, context);
  }

  @Authorize(['admin'])
  @Post(':partnershipId/default-valuation-policy')
  @ApiCommand(
    'Set the valuation policy its contribution reports use when they name none (422 ' +
      '`valuation-policy-not-defined` for a policy not defined)',
  )
  setDefaultValuationPolicy(
    @Param('partnershipId', LedgerIdPipe) partnershipId: string,
    @Body() body: SetDefaultValuationPolicyDto,
    @CurrentCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    return this.send('SetDefaultValuationPolicy', { ...body, partnershipId }, context);
  }

  @Authorize(['admin', 'partner_admin'], SCOPES.managesPartnership)
  @Post(':partnershipId/feedback-contact-retention')
  @ApiCommand(
    'Set how many months the contact details left with its feedback are kept (1-120, or null ' +
      'for no limit); `ledger retention apply`, and the API once a day, shred those older',
  )
  setFeedbackContactRetention(
    @Param('partnershipId', LedgerIdPipe) partnershipId: string,
    @Body() body: SetFeedbackContactRetentionDto,
    @CurrentCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    return this.send('SetFeedbackContactRetention', { ...body, partnershipId }, context);
  }
}
