import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import {
  actingPartner,
  type CommandContext,
  commandFrom,
  ContributionCommandMessage,
  type ContributionCommandResult,
  type ContributionRequest,
  idInPartnership,
} from '@cohesion/application';
import { ApiCommand, CommandResultDocument } from '../commands/api-command.decorator';
import { CurrentCommandContext } from '../commands/command-context.decorator';
import { LedgerIdPipe } from '../validation/ledger-id.pipe';
import {
  AcknowledgeContributionDto,
  RecordContributionDto,
  ReverseContributionDto,
} from './contribution.dto';
import { Authorize } from '../authorization/authorize.decorator';
import { SCOPES } from '../authorization/scopes';

type Data<T extends ContributionRequest['type']> = Extract<
  ContributionRequest,
  { type: T }
>['data'];

class RecordedContributionDocument extends CommandResultDocument {
  @ApiPropertyOptional({
    type: CommandResultDocument,
    description: 'The fulfilment claim made on the commitment, when the contribution names one',
  })
  fulfilmentClaim?: CommandResultDocument;
}

@ApiTags('contributions')
// A partner acting in another partner's name is refused with 403 (see actingPartner).
@Controller('contributions')
export class ContributionsController {
  constructor(private readonly commands: CommandBus) {}

  private send<T extends ContributionRequest['type']>(
    type: T,
    data: Data<T>,
    context: CommandContext,
  ): Promise<ContributionCommandResult> {
    const command = commandFrom<ContributionRequest>(type, data, context);
    return this.commands.execute<ContributionCommandMessage, ContributionCommandResult>(
      new ContributionCommandMessage(command, context),
    );
  }

  @Authorize(['admin', 'partner'], SCOPES.actsInPartnership)
  @Post()
  @ApiCreatedResponse({ type: RecordedContributionDocument })
  @ApiCommand('Record a contribution (raw quantity and unit); it may fulfil a commitment', {
    creates: true,
  })
  record(
    @Body() body: RecordContributionDto,
    @CurrentCommandContext() context: CommandContext,
  ): Promise<ContributionCommandResult> {
    return this.send(
      'RecordContribution',
      {
        ...body,
        contributionId: idInPartnership(
          body.partnershipId,
          body.contributionId,
          context,
          'contribution',
        ),
        partnerId: actingPartner(context, body.partnerId),
      },
      context,
    );
  }

  @Authorize(['admin', 'partner'], SCOPES.actsOnObject)
  @Post(':contributionId/acknowledgements')
  @ApiCommand('Another member acknowledges the contribution', { creates: true })
  acknowledge(
    @Param('contributionId', LedgerIdPipe) contributionId: string,
    @Body() body: AcknowledgeContributionDto,
    @CurrentCommandContext() context: CommandContext,
  ): Promise<ContributionCommandResult> {
    const { partnerId, note } = body;
    return this.send(
      'AcknowledgeContribution',
      { contributionId, acknowledgedBy: actingPartner(context, partnerId), note },
      context,
    );
  }

  @Authorize(['admin', 'partner'], SCOPES.actsOnObject)
  @Post(':contributionId/reversal')
  @ApiCommand('Reverse a mistaken contribution (by its contributor or an administrator)')
  reverse(
    @Param('contributionId', LedgerIdPipe) contributionId: string,
    @Body() body: ReverseContributionDto,
    @CurrentCommandContext() context: CommandContext,
  ): Promise<ContributionCommandResult> {
    return this.send('ReverseContribution', { contributionId, reason: body.reason }, context);
  }
}
