import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ValuationPolicyCommand } from '@cohesion/domain';
import type { ValuationPolicyView } from '@cohesion/projections';
import { ApiCommand } from '../commands/api-command.decorator';
import {
  type CommandContext,
  commandFrom,
  type CommandResult,
  ContributionValueQuery,
  generatedId,
  ListValuationPoliciesQuery,
  type Page,
  ValuationPolicyCommandMessage,
} from '@cohesion/application';
import { CurrentCommandContext } from '../commands/command-context.decorator';
import { LedgerIdPipe } from '../validation/ledger-id.pipe';
import { ApiProblems } from '../problem/api-problems.decorator';
import {
  DefineValuationPolicyDto,
  RetireValuationRateDto,
  SetValuationRateDto,
} from './valuation-policy.dto';
import { PolicyValueDocument, ValueQuery } from './value-query.dto';
import { ValuationPolicyPageDocument } from './valuation-policy.documents';
import { PageQueryDto } from '../queries/read-model-query.dto';
import { ApiReadModelQuery } from '../queries/api-read-model-query.decorator';
import { Authorize } from '../authorization/authorize.decorator';

type Data<T extends ValuationPolicyCommand['type']> = Extract<
  ValuationPolicyCommand,
  { type: T }
>['data'];

@ApiTags('valuation-policies')
@Controller('valuation-policies')
export class ValuationPoliciesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  private send<T extends ValuationPolicyCommand['type']>(
    type: T,
    data: Data<T>,
    context: CommandContext,
  ): Promise<CommandResult> {
    return this.commands.execute(
      new ValuationPolicyCommandMessage(
        commandFrom<ValuationPolicyCommand>(type, data, context),
        context,
      ),
    );
  }

  @Authorize(['admin'])
  @Post()
  @ApiCommand('Define a valuation policy and the currency its values are expressed in', {
    creates: true,
  })
  define(
    @Body() body: DefineValuationPolicyDto,
    @CurrentCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    return this.send(
      'DefineValuationPolicy',
      { ...body, policyId: body.policyId ?? generatedId(context, 'valuation-policy') },
      context,
    );
  }

  @Authorize(['admin'])
  @Post(':policyId/rates')
  @ApiCommand('Set a new version of the rate of a (kind, unit), in force from a date', {
    creates: true,
  })
  setRate(
    @Param('policyId', LedgerIdPipe) policyId: string,
    @Body() body: SetValuationRateDto,
    @CurrentCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    return this.send('SetValuationRate', { ...body, policyId }, context);
  }

  @Authorize(['admin'])
  @Post(':policyId/rates/retirement')
  @ApiCommand('Stop valuing a (kind, unit) from a date (a new entry; earlier rates stay)', {
    creates: true,
  })
  retireRate(
    @Param('policyId', LedgerIdPipe) policyId: string,
    @Body() body: RetireValuationRateDto,
    @CurrentCommandContext() context: CommandContext,
  ): Promise<CommandResult> {
    return this.send('RetireValuationRate', { ...body, policyId }, context);
  }

  @Authorize(['admin', 'auditor', 'partner'])
  @Get()
  @ApiOperation({
    summary:
      'The valuation policies there are to value contributions with (`policyId`), by id, each ' +
      'with every rate version and retirement set in it',
  })
  @ApiOkResponse({ type: ValuationPolicyPageDocument })
  @ApiReadModelQuery(400)
  list(@Query() query: PageQueryDto): Promise<Page<ValuationPolicyView>> {
    const { limit, cursor } = query;
    return this.queries.execute(new ListValuationPoliciesQuery({ limit, cursor }));
  }

  @Authorize(['admin', 'auditor', 'partner'])
  @Get(':policyId/value')
  @ApiOperation({
    summary:
      'What a contribution of this kind, quantity and unit on a date is worth (records nothing)',
  })
  @ApiOkResponse({ type: PolicyValueDocument })
  @ApiProblems(400, 404)
  value(
    @Param('policyId', LedgerIdPipe) policyId: string,
    @Query() query: ValueQuery,
  ): Promise<PolicyValueDocument> {
    const { kind, quantity, unit, date } = query;
    return this.queries.execute(
      new ContributionValueQuery(policyId, { kind, quantity, unit, date }),
    );
  }
}
