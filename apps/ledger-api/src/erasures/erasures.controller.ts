import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import {
  type CommandContext,
  commandFrom,
  type CommandResult,
  ErasureCommandMessage,
  type ErasureRequest,
  generatedId,
} from '@cohesion/application';
import { Authorize } from '../authorization/authorize.decorator';
import { ApiCommand } from '../commands/api-command.decorator';
import { CurrentCommandContext } from '../commands/command-context.decorator';
import { LedgerIdPipe } from '../validation/ledger-id.pipe';
import { dataSubjectOf, ErasureReasonDto, RequestErasureDto } from './erasures.dto';

type Data<T extends ErasureRequest['type']> = Extract<ErasureRequest, { type: T }>['data'];

/**
 * Erasure requests (GDPR Art. 17): recorded, then carried out or declined, each by an
 * administrator with a reason. Carrying one out destroys the data subject's keys: every field
 * sealed for them reads `[erased YYYY-MM-DD]` from then on, in every copy of the log.
 */
@ApiTags('erasures')
@Controller('erasures')
export class ErasuresController {
  constructor(private readonly commands: CommandBus) {}

  private send<T extends ErasureRequest['type']>(
    type: T,
    data: Data<T>,
    context: CommandContext,
  ): Promise<CommandResult> {
    return this.commands.execute(
      new ErasureCommandMessage(commandFrom<ErasureRequest>(type, data, context), context),
    );
  }

  @Authorize(['admin'])
  @Post()
  @ApiCommand(
    'Record an erasure request for a person of the directory, or for the resident who gave a ' +
      'feedback (404 when the ledger knows neither); nothing is erased yet',
    { creates: true },
  )
  request(
    @Body() body: RequestErasureDto,
    @CurrentCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    const erasureId = body.erasureId ?? generatedId(context, 'erasure');
    return this.send(
      'RequestErasure',
      { erasureId, dataSubject: dataSubjectOf(body.dataSubject), reason: body.reason },
      context,
    );
  }

  @Authorize(['admin'])
  @Post(':erasureId/carrying-out')
  @ApiCommand(
    'Carry out a requested erasure: destroys the data subject’s keys, for good. A person must ' +
      'be removed from the directory first (rule `person-not-removed`)',
  )
  carryOut(
    @Param('erasureId', LedgerIdPipe) erasureId: string,
    @Body() body: ErasureReasonDto,
    @CurrentCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    return this.send('CarryOutErasure', { erasureId, reason: body.reason }, context);
  }

  @Authorize(['admin'])
  @Post(':erasureId/declining')
  @ApiCommand('Decline a requested erasure, saying why (e.g. a legal obligation to keep the data)')
  decline(
    @Param('erasureId', LedgerIdPipe) erasureId: string,
    @Body() body: ErasureReasonDto,
    @CurrentCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    return this.send('DeclineErasure', { erasureId, reason: body.reason }, context);
  }
}
