import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  ObjectiveResultsReportView,
  PartnerResultsChainView,
  PartnershipResultsChainView,
} from '@cohesion/projections';
import {
  ObjectiveResultsQuery,
  PartnerResultsChainQuery,
  PartnershipResultsChainQuery,
  type Principal,
} from '@cohesion/application';
import { LedgerIdPipe } from '../validation/ledger-id.pipe';
import { ApiReadModelQuery } from '../queries/api-read-model-query.decorator';
import { asOfOf } from '../commitments/commitment-queries.dto';
import { momentOf } from '../queries/moment-query.dto';
import { Authorize } from '../authorization/authorize.decorator';
import { SCOPES } from '../authorization/scopes';
import { CurrentPrincipal } from '../authorization/current-principal.decorator';
import {
  ObjectiveResultsReportDocument,
  PartnerResultsChainDocument,
  PartnershipResultsChainDocument,
} from './results-chain.documents';
import { ResultsChainQueryDto } from './results-chain.dto';

/** The results chain: what was committed, delivered and contributed toward each objective. */
@ApiTags('results chain')
@Controller()
export class ResultsChainController {
  constructor(private readonly queries: QueryBus) {}

  @Authorize(['admin', 'auditor', 'partner'], SCOPES.readsPartnership)
  @Get('partnerships/:partnershipId/results-chain')
  @ApiOperation({
    summary:
      'Per objective of a partnership: who committed what toward it, what was delivered and ' +
      'contributed (valued under `policyId`), and how its indicators moved',
  })
  @ApiOkResponse({ type: PartnershipResultsChainDocument })
  @ApiReadModelQuery(400, 404)
  partnership(
    @Param('partnershipId', LedgerIdPipe) partnershipId: string,
    @Query() query: ResultsChainQueryDto,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<PartnershipResultsChainView> {
    return this.queries.execute(
      new PartnershipResultsChainQuery(
        partnershipId,
        query.policyId,
        asOfOf(query),
        viewer,
        momentOf(query),
      ),
    );
  }

  @Authorize(['admin', 'auditor', 'partner'], SCOPES.readsPartnership)
  @Get('partnerships/:partnershipId/objectives/:objectiveId/results')
  @ApiOperation({
    summary:
      "One objective's results chain: its commitments, deliveries and contributions, indicators",
  })
  @ApiOkResponse({ type: ObjectiveResultsReportDocument })
  @ApiReadModelQuery(400, 404)
  objective(
    @Param('partnershipId', LedgerIdPipe) partnershipId: string,
    @Param('objectiveId', LedgerIdPipe) objectiveId: string,
    @Query() query: ResultsChainQueryDto,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<ObjectiveResultsReportView> {
    return this.queries.execute(
      new ObjectiveResultsQuery(
        partnershipId,
        objectiveId,
        query.policyId,
        asOfOf(query),
        viewer,
        momentOf(query),
      ),
    );
  }

  @Authorize(['admin', 'auditor', 'partner'], SCOPES.readsOwnPartner)
  @Get('partners/:partnerId/results-chain')
  @ApiOperation({
    summary:
      "What a partner's contributions went toward, objective by objective, in every " +
      'partnership it joined or gave to, with quantities and values',
  })
  @ApiOkResponse({ type: PartnerResultsChainDocument })
  @ApiReadModelQuery(400, 404)
  partner(
    @Param('partnerId', LedgerIdPipe) partnerId: string,
    @Query() query: ResultsChainQueryDto,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<PartnerResultsChainView> {
    return this.queries.execute(
      new PartnerResultsChainQuery(partnerId, query.policyId, viewer, momentOf(query)),
    );
  }
}
