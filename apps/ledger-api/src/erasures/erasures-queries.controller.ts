import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ErasureView } from '@cohesion/projections';
import { ErasureQuery, ListErasuresQuery, type Page, type Principal } from '@cohesion/application';
import { Authorize } from '../authorization/authorize.decorator';
import { CurrentPrincipal } from '../authorization/current-principal.decorator';
import { ApiReadModelQuery } from '../queries/api-read-model-query.decorator';
import { LedgerIdPipe } from '../validation/ledger-id.pipe';
import { ErasureDocument, ErasuresPageDocument, ErasuresQueryDto } from './erasures.dto';

@ApiTags('erasures')
@Controller('erasures')
export class ErasuresQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Authorize(['admin', 'auditor'])
  @Get()
  @ApiOperation({ summary: 'The erasure requests, in the order they were made' })
  @ApiOkResponse({ type: ErasuresPageDocument })
  @ApiReadModelQuery(400)
  list(
    @Query() query: ErasuresQueryDto,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<Page<ErasureView>> {
    const { minPosition: _minPosition, ...filters } = query;
    return this.queries.execute(new ListErasuresQuery(filters, viewer));
  }

  @Authorize(['admin', 'auditor'])
  @Get(':erasureId')
  @ApiOperation({ summary: 'An erasure request: whose, who asked and answered, when and why' })
  @ApiOkResponse({ type: ErasureDocument })
  @ApiReadModelQuery(404)
  erasure(
    @Param('erasureId', LedgerIdPipe) erasureId: string,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<ErasureView> {
    return this.queries.execute(new ErasureQuery(erasureId, viewer));
  }
}
