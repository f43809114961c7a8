import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import {
  actingPartner,
  AgreementCommandMessage,
  type AgreementRequest,
  type CommandContext,
  commandFrom,
  type CommandResult,
  idInPartnership,
} from '@cohesion/application';
import { ApiCommand } from '../commands/api-command.decorator';
import { CurrentCommandContext } from '../commands/command-context.decorator';
import { LedgerIdPipe } from '../validation/ledger-id.pipe';
import {
  AmendAgreementDto,
  DeclineAgreementDto,
  ProposeAgreementDto,
  SignAgreementDto,
  TerminateAgreementDto,
} from './agreement.dto';
import { Authorize } from '../authorization/authorize.decorator';
import { SCOPES } from '../authorization/scopes';

type Data<T extends AgreementRequest['type']> = Extract<AgreementRequest, { type: T }>['data'];

@ApiTags('agreements')
@Controller('agreements')
export class AgreementsController {
  constructor(private readonly commands: CommandBus) {}

  private send<T extends AgreementRequest['type']>(
    type: T,
    data: Data<T>,
    context: CommandContext,
  ): Promise<CommandResult> {
    return this.commands.execute(
      new AgreementCommandMessage(commandFrom<AgreementRequest>(type, data, context), context),
    );
  }

  @Authorize(['admin', 'partner'], SCOPES.actsInPartnership)
  @Post()
  @ApiCommand('Propose an agreement between members: its terms are version 1', { creates: true })
  propose(
    @Body() body: ProposeAgreementDto,
    @CurrentCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    return this.send(
      'ProposeAgreement',
      {
        ...body,
        agreementId: idInPartnership(body.partnershipId, body.agreementId, context, 'agreement'),
      },
      context,
    );
  }

  @Authorize(['admin', 'partner'], SCOPES.actsOnObject)
  @Post(':agreementId/amendments')
  @ApiCommand('A party amends the terms: a new version, which voids every earlier signature', {
    creates: true,
  })
  amend(
    @Param('agreementId', LedgerIdPipe) agreementId: string,
    @Body() body: AmendAgreementDto,
    @CurrentCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    const { clauses, reason } = body;
    const amendedBy = actingPartner(context, body.amendedBy);
    return this.send('AmendAgreement', { agreementId, amendedBy, clauses, reason }, context);
  }

  @Authorize(['admin', 'partner'], SCOPES.actsOnObject)
  @Post(':agreementId/signatures')
  @ApiCommand(
    'A party signs the terms version whose hash it read; the last signature puts the agreement in force',
    { creates: true },
  )
  sign(
    @Param('agreementId', LedgerIdPipe) agreementId: string,
    @Body() body: SignAgreementDto,
    @CurrentCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    const partyId = actingPartner(context, body.partyId);
    return this.send('SignAgreement', { agreementId, partyId, termsHash: body.termsHash }, context);
  }

  @Authorize(['admin', 'partner'], SCOPES.actsOnObject)
  @Post(':agreementId/decline')
  @ApiCommand('A party who has not signed declines the proposed agreement')
  decline(
    @Param('agreementId', LedgerIdPipe) agreementId: string,
    @Body() body: DeclineAgreementDto,
    @CurrentCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    const partyId = actingPartner(context, body.partyId);
    return this.send('DeclineAgreement', { agreementId, partyId, reason: body.reason }, context);
  }

  @Authorize(['admin', 'partner'], SCOPES.actsOnObject)
  @Post(':agreementId/termination')
  @ApiCommand('A party terminates an agreement in force')
  terminate(
    @Param('agreementId', LedgerIdPipe) agreementId: string,
    @Body() body: TerminateAgreementDto,
    @CurrentCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    const terminatedBy = actingPartner(context, body.terminatedBy);
    return this.send(
      'TerminateAgreement',
      { agreementId, terminatedBy, reason: body.reason },
      context,
    );
  }

  @Authorize(['admin', 'partner'], SCOPES.actsOnObject)
  @Post(':agreementId/expiry')
  @ApiCommand('Record that the agreement has passed its end date')
  expire(
    @Param('agreementId', LedgerIdPipe) agreementId: string,
    @CurrentCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    return this.send('ExpireAgreement', { agreementId }, context);
  }
}
