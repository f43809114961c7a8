import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LedgerIdPipe } from '../command-side/ledger-id.pipe';
import { ApiReadModelQuery } from '../read-models/api-read-model-query.decorator';
import { cursorKey, type Page } from '../read-models/paging';
import {
  AgreementRecordDocument,
  AgreementsPageDocument,
  AgreementsQuery,
} from './agreements-queries.dto';
import {
  AgreementQuery,
  type AgreementRecordView,
  type AgreementView,
  ListAgreementsQuery,
} from './agreements-register.query';

@ApiTags('agreements')
@Controller('agreements')
export class AgreementsQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary:
      'The agreements register, in the order proposed: status, current terms version and hash, ' +
      'signatories and pending signatures',
  })
  @ApiOkResponse({ type: AgreementsPageDocument })
  @ApiReadModelQuery(400)
  list(@Query() query: AgreementsQuery): Promise<Page<AgreementView>> {
    const { partnershipId, status, party, limit } = query;
    return this.queries.execute(
      new ListAgreementsQuery({
        partnershipId,
        status,
        party,
        limit,
        after: cursorKey(query.cursor, ['number'])?.[0],
      }),
    );
  }

  @Get(':agreementId')
  @ApiOperation({
    summary: 'An agreement with its amendment history: every terms version and its signatures',
  })
  @ApiOkResponse({ type: AgreementRecordDocument })
  @ApiReadModelQuery(400, 404)
  get(@Param('agreementId', LedgerIdPipe) agreementId: string): Promise<AgreementRecordView> {
    return this.queries.execute(new AgreementQuery(agreementId));
  }
}
