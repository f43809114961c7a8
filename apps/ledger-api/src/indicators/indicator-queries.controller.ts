import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { IndicatorDetailView, IndicatorView } from '@cohesion/projections';
import { LedgerIdPipe } from '../validation/ledger-id.pipe';
import { ApiReadModelQuery } from '../queries/api-read-model-query.decorator';
import { MomentQueryDto, momentOf } from '../queries/moment-query.dto';
import {
  IndicatorDetailQuery,
  ListIndicatorsQuery,
  type Page,
  type Principal,
} from '@cohesion/application';
import { IndicatorDetailDocument, IndicatorPageDocument } from './indicator-read.documents';
import { IndicatorListQueryDto } from './indicator-queries.dto';
import { Authorize } from '../authorization/authorize.decorator';
import { SCOPES } from '../authorization/scopes';
import { CurrentPrincipal } from '../authorization/current-principal.decorator';

/** Indicators as the impact read model holds them. */
@ApiTags('indicators')
@Controller('indicators')
export class IndicatorQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Authorize(['admin', 'auditor', 'partner'], SCOPES.listsPartnerships)
  @Get()
  @ApiOperation({
    summary: 'Indicators by id, with their latest (corrected) measurement and progress',
  })
  @ApiOkResponse({ type: IndicatorPageDocument })
  @ApiReadModelQuery(400)
  list(
    @Query() query: IndicatorListQueryDto,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<Page<IndicatorView>> {
    return this.queries.execute(new ListIndicatorsQuery(query, viewer, momentOf(query)));
  }

  @Authorize(['admin', 'auditor', 'partner'], SCOPES.readsPartnership)
  @Get(':indicatorId')
  @ApiOperation({
    summary:
      'An indicator with its measurements over time (breakdowns, progress, every corrected value)',
  })
  @ApiOkResponse({ type: IndicatorDetailDocument })
  @ApiReadModelQuery(400, 404)
  detail(
    @Param('indicatorId', LedgerIdPipe) indicatorId: string,
    @Query() query: MomentQueryDto,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<IndicatorDetailView> {
    return this.queries.execute(new IndicatorDetailQuery(indicatorId, viewer, momentOf(query)));
  }
}
