import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PersonalTokenView, PersonView } from '@cohesion/projections';
import {
  ListPeopleQuery,
  type Page,
  PersonalTokensQuery,
  PersonQuery,
  type Principal,
} from '@cohesion/application';
import { Authorize, AuthorizeAnyone } from '../authorization/authorize.decorator';
import { CurrentPrincipal } from '../authorization/current-principal.decorator';
import { ApiReadModelQuery } from '../queries/api-read-model-query.decorator';
import { LedgerIdPipe } from '../validation/ledger-id.pipe';
import {
  PeoplePageDocument,
  PeopleQueryDto,
  PersonalTokenDocument,
  PersonDocument,
} from './people.dto';

@ApiTags('people')
@Controller('people')
export class PeopleQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Authorize(
    ['admin', 'auditor', 'partner_admin'],
    'a partner admin sees its own partner’s staff only (naming another partner is 403)',
  )
  @Get()
  @ApiOperation({ summary: 'The people directory, in the order people were invited' })
  @ApiOkResponse({ type: PeoplePageDocument })
  @ApiReadModelQuery(400, 403)
  list(
    @Query() query: PeopleQueryDto,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<Page<PersonView>> {
    const { minPosition: _minPosition, ...filters } = query;
    return this.queries.execute(new ListPeopleQuery(filters, viewer));
  }

  @AuthorizeAnyone(
    'a person sees themself; administrators and auditors anyone; a partner admin its own ' +
      'partner’s staff (anyone else answers 404)',
  )
  @Get(':personId')
  @ApiOperation({ summary: 'A person of the directory: status, partner, roles' })
  @ApiOkResponse({ type: PersonDocument })
  @ApiReadModelQuery(404)
  person(
    @Param('personId', LedgerIdPipe) personId: string,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<PersonView> {
    return this.queries.execute(new PersonQuery(personId, viewer));
  }

  @AuthorizeAnyone('the person themself, or an administrator (anyone else answers 404)')
  @Get(':personId/tokens')
  @ApiOperation({ summary: 'A person’s personal API tokens (never the tokens themselves)' })
  @ApiOkResponse({ type: [PersonalTokenDocument] })
  @ApiReadModelQuery(404)
  tokens(
    @Param('personId', LedgerIdPipe) personId: string,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<PersonalTokenView[]> {
    return this.queries.execute(new PersonalTokensQuery(personId, viewer));
  }
}
