import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiCommand } from '../commands/api-command.decorator';
import {
  type CommandContext,
  commandFrom,
  type CommandResult,
  generatedId,
  IndicatorCommandMessage,
  IndicatorProgressQuery,
  type IndicatorProgressView,
  type IndicatorRequest,
  type Principal,
} from '@cohesion/application';
import { CurrentCommandContext } from '../commands/command-context.decorator';
import { MomentQueryDto, momentOf } from '../queries/moment-query.dto';
import { LedgerIdPipe } from '../validation/ledger-id.pipe';
import { ApiReadModelQuery } from '../queries/api-read-model-query.decorator';
import {
  CorrectMeasurementDto,
  DefineIndicatorDto,
  RecordMeasurementDto,
  RetireIndicatorDto,
} from './indicator.dto';
import { IndicatorProgressDocument } from './indicator-progress.document';
import { unitOf } from './indicator-values.dto';
import { Authorize } from '../authorization/authorize.decorator';
import { SCOPES } from '../authorization/scopes';
import { CurrentPrincipal } from '../authorization/current-principal.decorator';

type Data<T extends IndicatorRequest['type']> = Extract<IndicatorRequest, { type: T }>['data'];

@ApiTags('indicators')
@Controller('indicators')
export class IndicatorsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  private send<T extends IndicatorRequest['type']>(
    type: T,
    data: Data<T>,
    context: CommandContext,
  ): Promise<CommandResult> {
    return this.commands.execute(
      new IndicatorCommandMessage(commandFrom<IndicatorRequest>(type, data, context), context),
    );
  }

  @Authorize(['admin'])
  @Post()
  @ApiCommand('Define an impact indicator: unit, baseline, target, direction, breakdown', {
    creates: true,
  })
  define(
    @Body() body: DefineIndicatorDto,
    @CurrentCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    return this.send(
      'DefineIndicator',
      {
        ...body,
        indicatorId: body.indicatorId ?? generatedId(context, 'indicator'),
        unit: unitOf(body.unit),
      },
      context,
    );
  }

  @Authorize(['admin'])
  @Post(':indicatorId/measurements')
  @ApiCommand('Record the measurement of a period, with its breakdown', { creates: true })
  measure(
    @Param('indicatorId', LedgerIdPipe) indicatorId: string,
    @Body() body: RecordMeasurementDto,
    @CurrentCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    return this.send(
      'RecordMeasurement',
      {
        ...body,
        indicatorId,
        measurementId: body.measurementId ?? generatedId(context, 'measurement'),
      },
      context,
    );
  }

  @Authorize(['admin'])
  @Post(':indicatorId/measurements/:measurementId/corrections')
  @ApiCommand('Correct a measurement (the value first recorded stays in the log)', {
    creates: true,
  })
  correct(
    @Param('indicatorId', LedgerIdPipe) indicatorId: string,
    @Param('measurementId', LedgerIdPipe) measurementId: string,
    @Body() body: CorrectMeasurementDto,
    @CurrentCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    return this.send('CorrectMeasurement', { ...body, indicatorId, measurementId }, context);
  }

  @Authorize(['admin'])
  @Post(':indicatorId/retirement')
  @ApiCommand('Retire an indicator: it accepts no measurement afterwards')
  retire(
    @Param('indicatorId', LedgerIdPipe) indicatorId: string,
    @Body() body: RetireIndicatorDto,
    @CurrentCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    return this.send('RetireIndicator', { ...body, indicatorId }, context);
  }

  @Authorize(['admin', 'auditor', 'partner'], SCOPES.readsPartnership)
  @Get(':indicatorId/progress')
  @ApiOperation({
    summary: 'Baseline, target, the latest (corrected) measurement and the progress towards target',
  })
  @ApiOkResponse({ type: IndicatorProgressDocument })
  @ApiReadModelQuery(400, 404)
  progress(
    @Param('indicatorId', LedgerIdPipe) indicatorId: string,
    @Query() query: MomentQueryDto,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<IndicatorProgressView> {
    return this.queries.execute(new IndicatorProgressQuery(indicatorId, viewer, momentOf(query)));
  }
}
