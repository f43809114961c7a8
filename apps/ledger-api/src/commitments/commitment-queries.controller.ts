import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommitmentDetailView, CommitmentView } from '@cohesion/projections';
import { LedgerIdPipe } from '../command-side/ledger-id.pipe';
import { ApiReadModelQuery } from '../read-models/api-read-model-query.decorator';
import type { Page } from '../read-models/paging';
import { CommitmentDetailDocument, CommitmentPageDocument } from './accountability.documents';
import { CommitmentDetailQuery, ListCommitmentsQuery } from './accountability.query';
import {
  AsOfQueryDto,
  asOfOf,
  commitmentFilterOf,
  CommitmentListQueryDto,
} from './commitment-queries.dto';

/** Commitments as the accountability read model holds them. */
@ApiTags('commitments')
@Controller('commitments')
export class CommitmentQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary:
      'Commitments in the order made, filtered by partnership, partner, objective, status or ' +
      'overdue on a day; each says whether it is overdue as of `asOf` (default today)',
  })
  @ApiOkResponse({ type: CommitmentPageDocument })
  @ApiReadModelQuery(400)
  list(@Query() query: CommitmentListQueryDto): Promise<Page<CommitmentView>> {
    const { limit, cursor } = query;
    return this.queries.execute(
      new ListCommitmentsQuery(commitmentFilterOf(query), { limit, cursor }, asOfOf(query)),
    );
  }

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
  ): Promise<CommitmentDetailView> {
    return this.queries.execute(new CommitmentDetailQuery(commitmentId, asOfOf(query)));
  }
}
