import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  MeetingView,
  PartnershipOverviewView,
  PartnershipSummaryView,
} from '@cohesion/projections';
import { LedgerIdPipe } from '../validation/ledger-id.pipe';
import { ApiReadModelQuery } from '../queries/api-read-model-query.decorator';
import { ReadModelQueryDto } from '../queries/read-model-query.dto';
import {
  ListMeetingsQuery,
  ListPartnershipsQuery,
  type Page,
  PartnershipOverviewQuery,
  type Principal,
} from '@cohesion/application';
import {
  MeetingPageDocument,
  PartnershipOverviewDocument,
  PartnershipPageDocument,
} from './partnership-read.documents';
import { MeetingListQueryDto, PartnershipListQueryDto } from './partnership-queries.dto';
import { Authorize } from '../authorization/authorize.decorator';
import { SCOPES } from '../authorization/scopes';
import { CurrentPrincipal } from '../authorization/current-principal.decorator';

/** Partnerships as the partnership overview read model holds them. */
@ApiTags('partnerships')
@Controller('partnerships')
export class PartnershipQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Authorize(['admin', 'auditor', 'partner'], SCOPES.listsPartnerships)
  @Get()
  @ApiOperation({
    summary:
      'Partnerships by id, with how many members, objectives, meetings, commitments, ' +
      'contributions, agreements and conflicts each has',
  })
  @ApiOkResponse({ type: PartnershipPageDocument })
  @ApiReadModelQuery(400)
  list(
    @Query() query: PartnershipListQueryDto,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<Page<PartnershipSummaryView>> {
    return this.queries.execute(new ListPartnershipsQuery(query, viewer));
  }

  @Authorize(['admin', 'auditor', 'partner'], SCOPES.readsPartnership)
  @Get(':partnershipId')
  @ApiOperation({
    summary:
      'A partnership: its partners (kind, role, responsibilities; current and former), ' +
      'objectives and their status, and its counts',
  })
  @ApiOkResponse({ type: PartnershipOverviewDocument })
  @ApiReadModelQuery(400, 404)
  overview(
    @Param('partnershipId', LedgerIdPipe) partnershipId: string,
    @Query() _query: ReadModelQueryDto,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<PartnershipOverviewView> {
    return this.queries.execute(new PartnershipOverviewQuery(partnershipId, viewer));
  }

  @Authorize(['admin', 'auditor', 'partner'], SCOPES.readsPartnership)
  @Get(':partnershipId/meetings')
  @ApiOperation({
    summary: "A partnership's meetings by the day held, with attendees and decisions",
  })
  @ApiOkResponse({ type: MeetingPageDocument })
  @ApiReadModelQuery(400, 404)
  meetings(
    @Param('partnershipId', LedgerIdPipe) partnershipId: string,
    @Query() query: MeetingListQueryDto,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<Page<MeetingView>> {
    return this.queries.execute(new ListMeetingsQuery(partnershipId, query, viewer));
  }
}
