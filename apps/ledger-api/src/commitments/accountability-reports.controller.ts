import { momentOf } from '../queries/moment-query.dto';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PartnerAccountabilityView } from '@cohesion/projections';
import { LedgerIdPipe } from '../validation/ledger-id.pipe';
import { ApiReadModelQuery } from '../queries/api-read-model-query.decorator';
import {
  PartnerAccountabilityDocument,
  PartnershipAccountabilityDocument,
} from './accountability.documents';
import {
  PartnerAccountabilityQuery,
  type PartnershipAccountabilityAnswer,
  PartnershipAccountabilityQuery,
  type Principal,
} from '@cohesion/application';
import { AsOfQueryDto, asOfOf, PartnershipAccountabilityQueryDto } from './commitment-queries.dto';
import { Authorize } from '../authorization/authorize.decorator';
import { SCOPES } from '../authorization/scopes';
import { CurrentPrincipal } from '../authorization/current-principal.decorator';

/** Who committed what, and did they deliver: per partnership and per partner. */
@ApiTags('accountability')
@Controller()
export class AccountabilityReportsController {
  constructor(private readonly queries: QueryBus) {}

  @Authorize(['admin', 'auditor', 'partner'], SCOPES.readsPartnership)
  @Get('partnerships/:partnershipId/accountability')
  @ApiOperation({
    summary:
      'Who committed what in a partnership: its summary (made, open, fulfilled, closed partial, ' +
      'released, withdrawn, overdue as of `asOf`, fulfilment and on-time rates) and, per partner ' +
      '(paged), the same summary with its commitments. With `kind`, only the commitments of that ' +
      'kind and the partners who made one: who committed expertise?',
  })
  @ApiOkResponse({ type: PartnershipAccountabilityDocument })
  @ApiReadModelQuery(400, 404)
  partnership(
    @Param('partnershipId', LedgerIdPipe) partnershipId: string,
    @Query() query: PartnershipAccountabilityQueryDto,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<PartnershipAccountabilityAnswer> {
    const { limit, cursor, kind } = query;
    return this.queries.execute(
      new PartnershipAccountabilityQuery(
        partnershipId,
        asOfOf(query),
        { limit, cursor },
        viewer,
        kind,
        momentOf(query),
      ),
    );
  }

  @Authorize(['admin', 'auditor', 'partner'], SCOPES.readsOwnPartner)
  @Get('partners/:partnerId/accountability')
  @ApiOperation({
    summary:
      "A partner's commitments summed up across every partnership it joined or committed in, " +
      'and in each of them',
  })
  @ApiOkResponse({ type: PartnerAccountabilityDocument })
  @ApiReadModelQuery(400, 404)
  partner(
    @Param('partnerId', LedgerIdPipe) partnerId: string,
    @Query() query: AsOfQueryDto,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<PartnerAccountabilityView> {
    return this.queries.execute(
      new PartnerAccountabilityQuery(partnerId, asOfOf(query), viewer, momentOf(query)),
    );
  }
}
