import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type Principal,
  type StreamEventsPage,
  StreamHistory,
  type StreamStateView,
} from '@cohesion/application';
import { ApiProblems } from '../problem/api-problems.decorator';
import { StreamEventsQuery, StreamStateQuery } from './stream-queries.dto';
import { Authorize } from '../authorization/authorize.decorator';
import { CurrentPrincipal } from '../authorization/current-principal.decorator';
import { SCOPES } from '../authorization/scopes';
import { ServesSealedForm } from '../personal-data/opened-answers.interceptor';

@ApiTags('streams')
@Controller('streams')
export class StreamsController {
  constructor(private readonly history: StreamHistory) {}

  @Authorize(
    ['admin', 'auditor', 'partner', 'mediator'],
    `${SCOPES.stream}; ${SCOPES.feedbackContact}`,
  )
  @Get(':stream/events')
  @ServesSealedForm()
  @ApiOperation({ summary: "A stream's events in order, paged by revision" })
  @ApiProblems(400, 403, 404)
  events(
    @Param('stream') stream: string,
    @Query() query: StreamEventsQuery,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<StreamEventsPage> {
    return this.history.events(viewer, stream, query.fromRevision, query.limit);
  }

  @Authorize(['admin', 'auditor', 'partner', 'mediator'], SCOPES.stream)
  @Get(':stream/state')
  @ApiOperation({
    summary: "An aggregate's state folded up to a revision or a time (default: now)",
  })
  @ApiProblems(400, 403, 404)
  state(
    @Param('stream') stream: string,
    @Query() query: StreamStateQuery,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<StreamStateView> {
    return this.history.stateAt(viewer, stream, query);
  }
}
