import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MediatorView } from '@cohesion/projections';
import { CONFLICT_TAKING_PART_ROLES, MediatorsQuery, type Principal } from '@cohesion/application';
import { Authorize } from '../authorization/authorize.decorator';
import { CurrentPrincipal } from '../authorization/current-principal.decorator';
import { SCOPES } from '../authorization/scopes';
import { ApiReadModelQuery } from '../queries/api-read-model-query.decorator';
import { ReadModelQueryDto } from '../queries/read-model-query.dto';
import { MediatorDocument } from './people.dto';

/**
 * Whom a party may propose to mediate a conflict, by name. A route of its own, not under
 * `/people`: the directory is for those who manage people, and `/people/{personId}` would take
 * `mediators` for a person id. The mediators are few, so the answer is the whole list.
 */
@ApiTags('people')
@Controller('mediators')
export class MediatorsController {
  constructor(private readonly queries: QueryBus) {}

  @Authorize(CONFLICT_TAKING_PART_ROLES, SCOPES.listsMediators)
  @Get()
  @ApiOperation({ summary: 'The active mediators, by display name: whom a conflict may be given' })
  @ApiOkResponse({ type: [MediatorDocument] })
  @ApiReadModelQuery(400)
  list(
    @Query() _query: ReadModelQueryDto,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<MediatorView[]> {
    return this.queries.execute(new MediatorsQuery(viewer));
  }
}
