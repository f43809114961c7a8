import { Body, Controller, Param, Post, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import {
  actingPartner,
  type CommandContext,
  commandFrom,
  type CommandResult,
  CommitmentCommandMessage,
  type CommitmentRequest,
  generatedId,
  idInPartnership,
} from '@cohesion/application';
import { ApiCommand } from '../commands/api-command.decorator';
import { CurrentCommandContext } from '../commands/command-context.decorator';
import { LedgerIdPipe } from '../validation/ledger-id.pipe';
import { ActingPartnerDto, ActingReasonDto } from '../commands/acting-partner.dto';
import { beneficiaryOf } from './beneficiary.dto';
import {
  AmendCommitmentDto,
  ClaimFulfilmentDto,
  type CommitmentTermsDto,
  MakeCommitmentDto,
} from './commitment.dto';
import { Authorize } from '../authorization/authorize.decorator';
import { SCOPES } from '../authorization/scopes';

type Data<T extends CommitmentRequest['type']> = Extract<CommitmentRequest, { type: T }>['data'];

@ApiTags('commitments')
// A partner acting in another partner's name is refused with 403 (see actingPartner).
@Controller('commitments')
export class CommitmentsController {
  constructor(private readonly commands: CommandBus) {}

  private send<T extends CommitmentRequest['type']>(
    type: T,
    data: Data<T>,
    context: CommandContext,
  ): Promise<CommandResult> {
    return this.commands.execute(
      new CommitmentCommandMessage(commandFrom<CommitmentRequest>(type, data, context), context),
    );
  }

  @Authorize(['admin', 'partner'], SCOPES.actsInPartnership)
  @Post()
  @ApiCommand('A partner commits to deliver something, to a partner or a group, by a date', {
    creates: true,
  })
  make(
    @Body() body: MakeCommitmentDto,
    @CurrentCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    return this.send(
      'MakeCommitment',
      {
        ...termsOf(body),
        commitmentId: idInPartnership(body.partnershipId, body.commitmentId, context, 'commitment'),
        partnershipId: body.partnershipId,
        partnerId: actingPartner(context, body.partnerId),
        ...(body.objectiveId !== undefined ? { objectiveId: body.objectiveId } : {}),
        beneficiary: beneficiaryOf(body.beneficiary),
        kind: body.kind,
      },
      context,
    );
  }

  @Authorize(['admin', 'partner'], SCOPES.actsOnObject)
  @Post(':commitmentId/acceptance')
  @ApiCommand('Another member accepts the commitment on behalf of the partnership')
  accept(
    @Param('commitmentId', LedgerIdPipe) commitmentId: string,
    @Body() body: ActingPartnerDto,
    @CurrentCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    const acceptedBy = actingPartner(context, body.partnerId);
    return this.send('AcceptCommitment', { commitmentId, acceptedBy }, context);
  }

  @Authorize(['admin', 'partner'], SCOPES.actsOnObject)
  @Put(':commitmentId/terms')
  @ApiCommand('Renegotiate the terms (the earlier terms stay in the history)')
  amend(
    @Param('commitmentId', LedgerIdPipe) commitmentId: string,
    @Body() body: AmendCommitmentDto,
    @CurrentCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    return this.send(
      'AmendCommitment',
      {
        ...termsOf(body),
        commitmentId,
        amendedBy: actingPartner(context, body.partnerId),
        reason: body.reason,
      },
      context,
    );
  }

  @Authorize(['admin', 'partner'], SCOPES.actsOnObject)
  @Post(':commitmentId/fulfilment-claims')
  @ApiCommand('The committing partner claims it delivered (all or part)', { creates: true })
  claim(
    @Param('commitmentId', LedgerIdPipe) commitmentId: string,
    @Body() body: ClaimFulfilmentDto,
    @CurrentCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    const { partnerId, claimId, ...claim } = body;
    return this.send(
      'ClaimFulfilment',
      {
        ...claim,
        commitmentId,
        claimId: claimId ?? generatedId(context, 'fulfilment-claim'),
        claimedBy: actingPartner(context, partnerId),
      },
      context,
    );
  }

  @Authorize(['admin', 'partner'], SCOPES.actsOnObject)
  @Post(':commitmentId/fulfilment-claims/:claimId/confirmation')
  @ApiCommand('Another member confirms a claimed delivery')
  confirm(
    @Param('commitmentId', LedgerIdPipe) commitmentId: string,
    @Param('claimId', LedgerIdPipe) claimId: string,
    @Body() body: ActingPartnerDto,
    @CurrentCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    const confirmedBy = actingPartner(context, body.partnerId);
    return this.send('ConfirmFulfilment', { commitmentId, claimId, confirmedBy }, context);
  }

  @Authorize(['admin', 'partner'], SCOPES.actsOnObject)
  @Post(':commitmentId/fulfilment-claims/:claimId/dispute')
  @ApiCommand('Another member disputes a claimed delivery')
  dispute(
    @Param('commitmentId', LedgerIdPipe) commitmentId: string,
    @Param('claimId', LedgerIdPipe) claimId: string,
    @Body() body: ActingReasonDto,
    @CurrentCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    const disputedBy = actingPartner(context, body.partnerId);
    return this.send(
      'DisputeFulfilment',
      { commitmentId, claimId, disputedBy, reason: body.reason },
      context,
    );
  }

  @Authorize(['admin', 'partner'], SCOPES.actsOnObject)
  @Post(':commitmentId/partial-closure')
  @ApiCommand('Another member closes a partly delivered commitment as partial')
  closeAsPartial(
    @Param('commitmentId', LedgerIdPipe) commitmentId: string,
    @Body() body: ActingReasonDto,
    @CurrentCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    const closedBy = actingPartner(context, body.partnerId);
    return this.send(
      'CloseCommitmentAsPartial',
      { commitmentId, closedBy, reason: body.reason },
      context,
    );
  }

  @Authorize(['admin', 'partner'], SCOPES.actsOnObject)
  @Post(':commitmentId/release')
  @ApiCommand('The beneficiary partner releases the committer from the commitment')
  release(
    @Param('commitmentId', LedgerIdPipe) commitmentId: string,
    @Body() body: ActingReasonDto,
    @CurrentCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    const releasedBy = actingPartner(context, body.partnerId);
    return this.send(
      'ReleaseCommitment',
      { commitmentId, releasedBy, reason: body.reason },
      context,
    );
  }

  @Authorize(['admin', 'partner'], SCOPES.actsOnObject)
  @Post(':commitmentId/withdrawal')
  @ApiCommand('The committing partner withdraws the commitment')
  withdraw(
    @Param('commitmentId', LedgerIdPipe) commitmentId: string,
    @Body() body: ActingReasonDto,
    @CurrentCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    const withdrawnBy = actingPartner(context, body.partnerId);
    return this.send(
      'WithdrawCommitment',
      { commitmentId, withdrawnBy, reason: body.reason },
      context,
    );
  }
}

/** Only the terms, so that the acting partner named in a body never lands in them. */
function termsOf({ what, dueDate, quantity, unit }: CommitmentTermsDto) {
  return {
    what,
    dueDate,
    ...(quantity !== undefined ? { quantity } : {}),
    ...(unit !== undefined ? { unit } : {}),
  };
}
