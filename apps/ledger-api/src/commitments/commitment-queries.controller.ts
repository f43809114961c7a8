import { momentOf } from '../queries/moment-query.dto';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommitmentDetailView, CommitmentView } from '@cohesion/projections';
import { LedgerIdPipe } from '../validation/ledger-id.pipe';
import { ApiReadModelQuery } from '../queries/api-read-model-query.decorator';
import {
  CommitmentDetailQuery,
  ListCommitmentsQuery,
  type Page,
  type Principal,
} from '@cohesion/application';
import { CommitmentDetailDocument, CommitmentPageDocument } from './accountability.documents';
import {
  AsOfQueryDto,
  asOfOf,
  commitmentFilterOf,
  CommitmentListQueryDto,
} from './commitment-queries.dto';
import { Authorize } from '../authorization/authorize.decorator';
import { SCOPES } from '../authorization/scopes';
import { CurrentPrincipal } from '../authorization/current-principal.decorator';

/** Commitments as the accountability read model holds them. */
@ApiTags('commitments')
@Controller('commitments')
export class CommitmentQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Authorize(['admin', 'auditor', 'partner'], SCOPES.listsPartnerships)
  @Get()
  @ApiOperation({
    summary:
      'Commitments in the order made, filtered by partnership, partner, objective, status or ' +
      'overdue on a day; each says whether it is overdue as of `asOf` (default today)',
  })
  @ApiOkResponse({ type: CommitmentPageDocument })
  @ApiReadModelQuery(400)
  list(
    @Query() query: CommitmentListQueryDto,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<Page<CommitmentView>> {
    const { limit, cursor } = query;
    return this.queries.execute(
      new ListCommitmentsQuery(
        commitmentFilterOf(query),
        { limit, cursor },
        asOfOf(query),
        viewer,
        momentOf(query),
      ),
    );
  }

  @Authorize(['admin', 'auditor', 'partner'], SCOPES.readsPartnership)
  @Get(':commitmentId')
  @ApiOperation({
    summary:
      'A commitment: terms in force and every earlier version, promised vs confirmed quantity, ' +
      'the evidence (claims) with confirmations and disputes, and its status history',
  })
  @ApiOkResponse({ type: CommitmentDetailDocument })
  @ApiReadModelQuery(400, 404)
  detail(
    @Param('commitmentId', LedgerIdPipe) commitmentId: string,
    @Query() query: AsOfQueryDto,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<CommitmentDetailView> {
    return this.queries.execute(
      new CommitmentDetailQuery(commitmentId, asOfOf(query), viewer, momentOf(query)),
    );
  }
}
