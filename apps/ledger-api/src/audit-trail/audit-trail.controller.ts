import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuditEntryView } from '@cohesion/projections';
import { ApiReadModelQuery } from '../queries/api-read-model-query.decorator';
import { AuditTrailQuery, type Page } from '@cohesion/application';
import { AuditTrailPageDocument, AuditTrailQueryDto } from './audit-trail.dto';
import { Authorize } from '../authorization/authorize.decorator';

@ApiTags('audit-trail')
@Controller('audit-trail')
export class AuditTrailController {
  constructor(private readonly queries: QueryBus) {}

  @Authorize(['admin', 'auditor'])
  @Get()
  @ApiOperation({
    summary:
      'Everything a principal (or the principals of a partner) did, in log order, across all ' +
      'streams: when, where, which event, under which command and correlation',
  })
  @ApiOkResponse({ type: AuditTrailPageDocument })
  @ApiReadModelQuery(400)
  trail(@Query() query: AuditTrailQueryDto): Promise<Page<AuditEntryView>> {
    return this.queries.execute(new AuditTrailQuery(query));
  }
}
