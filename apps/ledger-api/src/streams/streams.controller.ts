import {
  BadRequestException,
  Controller,
  Get,
  Inject,
  NotFoundException,
  Param,
  Query,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@cohesion/event-store';
import { deciderOfStream } from '../command-side/aggregates';
import { ApiProblems } from '../problem/api-problems.decorator';
import { StreamEventsQuery, StreamStateQuery } from './stream-queries.dto';
import { Authorize } from '../authorization/authorize.decorator';
import { CurrentPrincipal } from '../authorization/current-principal.decorator';
import { SCOPES } from '../authorization/scopes';
import { StreamAccess } from '../authorization/stream-access';
import type { Principal } from '../principal/principal';

/** JSON view of a recorded event: 64-bit numbers as decimal strings. */
export function eventView(event: RecordedEvent) {
  return { ...event, revision: event.revision.toString(), position: event.position.toString() };
}

@ApiTags('streams')
@Controller('streams')
export class StreamsController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly access: StreamAccess,
  ) {}

  @Authorize(
    ['admin', 'auditor', 'partner', 'mediator'],
    `${SCOPES.stream}; ${SCOPES.feedbackContact}`,
  )
  @Get(':stream/events')
  @ApiOperation({ summary: "A stream's events in order, paged by revision" })
  @ApiProblems(400, 403, 404)
  async events(
    @Param('stream') stream: string,
    @Query() query: StreamEventsQuery,
    @CurrentPrincipal() viewer: Principal,
  ) {
    await this.assertReadable(stream, viewer, `Stream ${stream} has no events`);
    const events = [];
    for await (const event of this.store.readStream(stream, {
      fromRevision: BigInt(query.fromRevision),
      maxCount: query.limit + 1,
    })) {
      events.push(eventView(this.access.viewOf(viewer, event)));
    }
    if (events.length === 0 && query.fromRevision === 0)
      throw new NotFoundException(`Stream ${stream} has no events`);
    const page = events.slice(0, query.limit);
    return {
      stream,
      events: page,
      next: events.length > query.limit ? String(query.fromRevision + query.limit) : null,
    };
  }

  @Authorize(['admin', 'auditor', 'partner', 'mediator'], SCOPES.stream)
  @Get(':stream/state')
  @ApiOperation({
    summary: "An aggregate's state folded up to a revision or a time (default: now)",
  })
  @ApiProblems(400, 403, 404)
  async state(
    @Param('stream') stream: string,
    @Query() query: StreamStateQuery,
    @CurrentPrincipal() viewer: Principal,
  ) {
    const decider = await this.assertReadable(
      stream,
      viewer,
      `Stream ${stream} had no events by then`,
    );
    if (query.revision !== undefined && query.at !== undefined) {
      throw new BadRequestException('Ask for a revision or a time, not both');
    }
    const at = query.at === undefined ? undefined : new Date(query.at).toISOString();
    let state = decider.initialState();
    let last: RecordedEvent | undefined;
    for await (const event of this.store.readStream(stream)) {
      if (query.revision !== undefined && event.revision > BigInt(query.revision)) break;
      if (at !== undefined && event.metadata.recordedAt > at) break;
      state = decider.evolve(state, { type: event.type, data: event.data });
      last = event;
    }
    if (!last) throw new NotFoundException(`Stream ${stream} had no events by then`);
    return {
      stream,
      revision: last.revision.toString(),
      recordedAt: last.metadata.recordedAt,
      state,
    };
  }

  private assertKnown(stream: string) {
    const decider = deciderOfStream(stream);
    if (!decider) throw new NotFoundException(`No aggregate has a stream named ${stream}`);
    return decider;
  }

  /**
   * The aggregate's own read rule applies; a stream the viewer may not read answers exactly as
   * an empty one (`asIfEmpty`), so that its existence is not revealed.
   */
  private async assertReadable(stream: string, viewer: Principal, asIfEmpty: string) {
    const decider = this.assertKnown(stream);
    if (!(await this.access.mayRead(viewer, stream))) throw new NotFoundException(asIfEmpty);
    return decider;
  }
}
