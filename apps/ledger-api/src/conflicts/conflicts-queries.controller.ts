import { BadRequestException, Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CaseMoment } from '@cohesion/projections';
import { MomentQueryDto, momentOf } from '../queries/moment-query.dto';
import { LedgerIdPipe } from '../validation/ledger-id.pipe';
import { ApiReadModelQuery } from '../queries/api-read-model-query.decorator';
import {
  ConflictCaseQuery,
  type ConflictCaseView,
  ConflictReplayQuery,
  type ConflictReplayView,
  cursorKey,
  ListConflictCasesQuery,
  type Page,
  type Principal,
} from '@cohesion/application';
import {
  ConflictCaseDocument,
  ConflictCasesPageDocument,
  ConflictCasesQuery,
  ConflictReplayDocument,
  ReplayQuery,
} from './conflicts-queries.dto';
import { Authorize } from '../authorization/authorize.decorator';
import { SCOPES } from '../authorization/scopes';
import { CurrentPrincipal } from '../authorization/current-principal.decorator';

@ApiTags('conflicts')
@Controller('conflicts')
export class ConflictsQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Authorize(['admin', 'auditor', 'partner', 'mediator'], SCOPES.listsConflicts)
  @Get()
  @ApiOperation({
    summary:
      'Conflict cases in the order raised: status, parties, mediator, subject, raised and ' +
      'resolved at, time to resolution',
  })
  @ApiOkResponse({ type: ConflictCasesPageDocument })
  @ApiReadModelQuery(400)
  list(
    @Query() query: ConflictCasesQuery,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<Page<ConflictCaseView>> {
    const { partnershipId, status, party, mediator, limit } = query;
    return this.queries.execute(
      new ListConflictCasesQuery(
        {
          partnershipId,
          status,
          party,
          mediator,
          limit,
          after: cursorKey(query.cursor, ['number'])?.[0],
        },
        viewer,
        momentOf(query),
      ),
    );
  }

  @Authorize(['admin', 'auditor', 'partner', 'mediator'], SCOPES.conflictCase)
  @Get(':conflictId')
  @ApiOperation({ summary: 'A conflict case as it stands now' })
  @ApiOkResponse({ type: ConflictCaseDocument })
  @ApiReadModelQuery(400, 404)
  get(
    @Param('conflictId', LedgerIdPipe) conflictId: string,
    @Query() query: MomentQueryDto,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<ConflictCaseView> {
    return this.queries.execute(new ConflictCaseQuery(conflictId, viewer, momentOf(query)));
  }

  @Authorize(['admin', 'auditor', 'partner', 'mediator'], SCOPES.conflictCase)
  @Get(':conflictId/replay')
  @ApiOperation({
    summary:
      'Replay a case: every event in order with the case state after it, paged by revision; `at` ' +
      'or `revision` stops the replay at the case as it stood then',
  })
  @ApiOkResponse({ type: ConflictReplayDocument })
  @ApiReadModelQuery(400, 404)
  replay(
    @Param('conflictId', LedgerIdPipe) conflictId: string,
    @Query() query: ReplayQuery,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<ConflictReplayView> {
    return this.queries.execute(
      new ConflictReplayQuery(
        conflictId,
        { after: cursorKey(query.cursor, ['number'])?.[0], limit: query.limit },
        viewer,
        caseMomentOf(query),
      ),
    );
  }
}

function caseMomentOf({ at, revision }: ReplayQuery): CaseMoment | undefined {
  if (at !== undefined && revision !== undefined) {
    throw new BadRequestException('Ask for a revision or a time, not both');
  }
  if (revision !== undefined) return { revision };
  // Recorded times are UTC ISO strings with milliseconds: compare like with like.
  return at === undefined ? undefined : { at: new Date(at).toISOString() };
}
