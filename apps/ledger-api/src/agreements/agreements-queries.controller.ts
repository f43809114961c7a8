import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MomentQueryDto, momentOf } from '../queries/moment-query.dto';
import { LedgerIdPipe } from '../validation/ledger-id.pipe';
import { ApiReadModelQuery } from '../queries/api-read-model-query.decorator';
import {
  AgreementQuery,
  type AgreementRecordView,
  type AgreementView,
  cursorKey,
  ListAgreementsQuery,
  type Page,
  type Principal,
} from '@cohesion/application';
import {
  AgreementRecordDocument,
  AgreementsPageDocument,
  AgreementsQuery,
} from './agreements-queries.dto';
import { Authorize } from '../authorization/authorize.decorator';
import { SCOPES } from '../authorization/scopes';
import { CurrentPrincipal } from '../authorization/current-principal.decorator';

@ApiTags('agreements')
@Controller('agreements')
export class AgreementsQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Authorize(['admin', 'auditor', 'partner'], SCOPES.listsPartnerships)
  @Get()
  @ApiOperation({
    summary:
      'The agreements register, in the order proposed: status, current terms version and hash, ' +
      'signatories and pending signatures',
  })
  @ApiOkResponse({ type: AgreementsPageDocument })
  @ApiReadModelQuery(400)
  list(
    @Query() query: AgreementsQuery,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<Page<AgreementView>> {
    const { partnershipId, status, party, limit } = query;
    return this.queries.execute(
      new ListAgreementsQuery(
        {
          partnershipId,
          status,
          party,
          limit,
          after: cursorKey(query.cursor, ['number'])?.[0],
        },
        viewer,
        momentOf(query),
      ),
    );
  }

  @Authorize(['admin', 'auditor', 'partner'], SCOPES.readsPartnership)
  @Get(':agreementId')
  @ApiOperation({
    summary: 'An agreement with its amendment history: every terms version and its signatures',
  })
  @ApiOkResponse({ type: AgreementRecordDocument })
  @ApiReadModelQuery(400, 404)
  get(
    @Param('agreementId', LedgerIdPipe) agreementId: string,
    @Query() query: MomentQueryDto,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<AgreementRecordView> {
    return this.queries.execute(new AgreementQuery(agreementId, viewer, momentOf(query)));
  }
}
