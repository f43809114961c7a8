import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccessEntryView } from '@cohesion/projections';
import { Authorize } from '../authorization/authorize.decorator';
import { ApiReadModelQuery } from '../queries/api-read-model-query.decorator';
import { AccessAuditQuery, type Page } from '@cohesion/application';
import { AccessAuditPageDocument, AccessAuditQueryDto } from './access-audit.dto';

@ApiTags('access-audit')
@Controller('access-audit')
export class AccessAuditController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  // Above ApiOperation: it adds its sentence to the operation's description once that exists.
  @Authorize(['admin', 'auditor'])
  @ApiOperation({
    summary:
      'Who read which confidential conflict case, and which requests were refused (401, 403, ' +
      'concealed 404), in log order; each entry is an event of an access-YYYY-MM-DD stream',
  })
  @ApiOkResponse({ type: AccessAuditPageDocument })
  @ApiReadModelQuery(400, 403)
  list(@Query() query: AccessAuditQueryDto): Promise<Page<AccessEntryView>> {
    return this.queries.execute(new AccessAuditQuery(query));
  }
}
