import { momentOf } from '../queries/moment-query.dto';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  PartnerRecognitionReportView,
  PartnershipEquityView,
  PartnershipRecognitionView,
  RecognisedContributionView,
} from '@cohesion/projections';
import { LedgerIdPipe } from '../validation/ledger-id.pipe';
import { ApiReadModelQuery } from '../queries/api-read-model-query.decorator';
import {
  ListContributionsQuery,
  type Page,
  PartnerRecognitionQuery,
  PartnershipEquityQuery,
  PartnershipRecognitionQuery,
  type Principal,
  type Valued,
} from '@cohesion/application';
import {
  contributionFilterOf,
  ContributionListQueryDto,
  equityFilterOf,
  EquityQueryDto,
  recognitionFilterOf,
  RecognitionQueryDto,
} from './contribution-queries.dto';
import {
  PartnerRecognitionReportDocument,
  PartnershipEquityDocument,
  PartnershipRecognitionDocument,
  RecognisedContributionPageDocument,
} from './recognition.documents';
import { Authorize } from '../authorization/authorize.decorator';
import { SCOPES } from '../authorization/scopes';
import { CurrentPrincipal } from '../authorization/current-principal.decorator';

/** Contributions as the contribution recognition read model holds them, valued at query time. */
@ApiTags('contributions')
@Controller()
export class ContributionQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Authorize(['admin', 'auditor', 'partner'], SCOPES.listsPartnerships)
  @Get('contributions')
  @ApiOperation({
    summary:
      'Contributions by the day given, filtered by partnership, partner, kind, period and ' +
      'status, each valued under a valuation policy at the rate in force that day',
  })
  @ApiOkResponse({ type: RecognisedContributionPageDocument })
  @ApiReadModelQuery(400, 404)
  list(
    @Query() query: ContributionListQueryDto,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<Page<RecognisedContributionView>> {
    const { policyId, limit, cursor, order } = query;
    return this.queries.execute(
      new ListContributionsQuery(
        contributionFilterOf(query),
        policyId,
        { limit, cursor, order },
        viewer,
        momentOf(query),
      ),
    );
  }

  @Authorize(['admin', 'auditor', 'partner'], SCOPES.readsPartnership)
  @Get('partnerships/:partnershipId/contributions')
  @ApiOperation({
    summary:
      "A partnership's contributions: totals by kind and unit, their value under the policy " +
      '(and the rate versions used), and per partner its totals, share, acknowledgements and ' +
      'reversed contributions (listed, not counted)',
  })
  @ApiOkResponse({ type: PartnershipRecognitionDocument })
  @ApiReadModelQuery(400, 404)
  partnership(
    @Param('partnershipId', LedgerIdPipe) partnershipId: string,
    @Query() query: RecognitionQueryDto,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<Valued<PartnershipRecognitionView>> {
    return this.queries.execute(
      new PartnershipRecognitionQuery(
        partnershipId,
        recognitionFilterOf(query),
        query.policyId,
        viewer,
        momentOf(query),
      ),
    );
  }

  @Authorize(['admin', 'auditor', 'partner'], SCOPES.readsPartnership)
  @Get('partnerships/:partnershipId/equity')
  @ApiOperation({
    summary:
      "Each partner's share of the contributions (by value) beside its share of commitments and " +
      'responsibilities, with the Gini coefficient of contributions across partners (all listed, ' +
      'or contributors only: `giniOver`), saying whose values it is of',
  })
  @ApiOkResponse({ type: PartnershipEquityDocument })
  @ApiReadModelQuery(400, 404)
  equity(
    @Param('partnershipId', LedgerIdPipe) partnershipId: string,
    @Query() query: EquityQueryDto,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<Valued<PartnershipEquityView>> {
    return this.queries.execute(
      new PartnershipEquityQuery(
        partnershipId,
        equityFilterOf(query),
        query.policyId,
        viewer,
        momentOf(query),
      ),
    );
  }

  @Authorize(['admin', 'auditor', 'partner'], SCOPES.readsOwnPartner)
  @Get('partners/:partnerId/contributions')
  @ApiOperation({
    summary:
      "A partner's contributions in every partnership it joined or gave to: totals, value, " +
      'its share of each partnership, acknowledgements and reversed contributions',
  })
  @ApiOkResponse({ type: PartnerRecognitionReportDocument })
  @ApiReadModelQuery(400, 404)
  partner(
    @Param('partnerId', LedgerIdPipe) partnerId: string,
    @Query() query: RecognitionQueryDto,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<Valued<PartnerRecognitionReportView>> {
    return this.queries.execute(
      new PartnerRecognitionQuery(
        partnerId,
        recognitionFilterOf(query),
        query.policyId,
        viewer,
        momentOf(query),
      ),
    );
  }
}
