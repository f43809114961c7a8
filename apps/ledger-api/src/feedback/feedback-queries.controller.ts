import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FeedbackView, PartnershipImpactView } from '@cohesion/projections';
import { LedgerIdPipe } from '../validation/ledger-id.pipe';
import { ApiReadModelQuery } from '../queries/api-read-model-query.decorator';
import { ReadModelQueryDto } from '../queries/read-model-query.dto';
import {
  ListFeedbackQuery,
  type Page,
  PartnershipImpactQuery,
  type Principal,
} from '@cohesion/application';
import { FeedbackPageDocument, PartnershipImpactDocument } from './feedback-read.documents';
import { FeedbackListQueryDto } from './feedback-queries.dto';
import { Authorize } from '../authorization/authorize.decorator';
import { SCOPES } from '../authorization/scopes';
import { CurrentPrincipal } from '../authorization/current-principal.decorator';

/** Feedback and the impact of a partnership, as the impact read model holds them. */
@ApiTags('feedback')
@Controller()
export class FeedbackQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Authorize(['admin', 'auditor', 'partner'], SCOPES.listsPartnerships)
  @Get('feedback')
  @ApiOperation({
    summary: 'Feedback in the order received, filtered; never the contact details of who gave it',
  })
  @ApiOkResponse({ type: FeedbackPageDocument })
  @ApiReadModelQuery(400)
  list(
    @Query() query: FeedbackListQueryDto,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<Page<FeedbackView>> {
    return this.queries.execute(new ListFeedbackQuery(query, viewer));
  }

  @Authorize(['admin', 'auditor', 'partner'], SCOPES.readsPartnership)
  @Get('partnerships/:partnershipId/impact')
  @ApiTags('partnerships')
  @ApiOperation({
    summary:
      "A partnership's indicators with their progress, and its feedback counted by status, " +
      'channel and category, with the average rating and the acted-on ratio',
  })
  @ApiOkResponse({ type: PartnershipImpactDocument })
  @ApiReadModelQuery(400, 404)
  impact(
    @Param('partnershipId', LedgerIdPipe) partnershipId: string,
    @Query() _query: ReadModelQueryDto,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<PartnershipImpactView> {
    return this.queries.execute(new PartnershipImpactQuery(partnershipId, viewer));
  }
}
