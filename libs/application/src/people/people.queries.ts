import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import { AggregateNotFound } from '@cohesion/domain';
import {
  activeMediators,
  foldedText,
  listPeople,
  type MediatorView,
  type PeopleFilters,
  type PersonalTokenView,
  personalTokensOf,
  personById,
  type PersonView,
} from '@cohesion/projections';
import { hasRole } from '../access/access-rules';
import type { Principal } from '../access/principal';
import { accessDenied } from '../errors';
import { PersonalDataReader } from '../personal-data/personal-data-reader';
import type { ListRequest } from '../read-models/list-request';
import { cursorKey, type Page, pageOf } from '../read-models/paging';
import { READ_MODEL_DATABASE } from '../read-models/read-models.module';
import { mayReadMediators, maySeePerson } from './people-access';

export type PeopleListRequest = ListRequest<PeopleFilters>;

export class ListPeopleQuery extends Query<Page<PersonView>> {
  constructor(
    readonly filters: PeopleListRequest,
    readonly viewer: Principal,
  ) {
    super();
  }
}

export class PersonQuery extends Query<PersonView> {
  constructor(
    readonly personId: string,
    readonly viewer: Principal,
  ) {
    super();
  }
}

export class PersonalTokensQuery extends Query<PersonalTokenView[]> {
  constructor(
    readonly personId: string,
    readonly viewer: Principal,
  ) {
    super();
  }
}

export class MediatorsQuery extends Query<MediatorView[]> {
  constructor(readonly viewer: Principal) {
    super();
  }
}

/**
 * The directory as the viewer may see it: everyone for administrators and auditors; a partner
 * admin its own partner's staff only (naming another partner is 403).
 */
@QueryHandler(ListPeopleQuery)
export class ListPeopleHandler implements IQueryHandler<ListPeopleQuery, Page<PersonView>> {
  constructor(@Inject(READ_MODEL_DATABASE) private readonly db: Database.Database) {}

  execute({ filters, viewer }: ListPeopleQuery): Promise<Page<PersonView>> {
    const { limit, cursor, ...given } = filters;
    const [after] = cursorKey(cursor, ['number']) ?? [];
    const partnerId = this.partnerScope(viewer, given.partnerId);
    const rows = listPeople(this.db, { ...given, partnerId, after, limit });
    const page = pageOf(rows, limit, (row) => [row.seq]);
    return Promise.resolve({
      ...page,
      items: page.items.map(({ seq: _seq, ...person }) => person),
    });
  }

  private partnerScope(viewer: Principal, named: string | undefined): string | undefined {
    if (hasRole(viewer, 'admin') || hasRole(viewer, 'auditor')) return named;
    const own = viewer.partnerId;
    if (own === undefined || (named !== undefined && named !== own)) {
      throw accessDenied('You see only the people of your own partner');
    }
    return own;
  }
}

/** A person, to whoever may see them, and to themself. */
@QueryHandler(PersonQuery)
export class PersonHandler implements IQueryHandler<PersonQuery, PersonView> {
  constructor(@Inject(READ_MODEL_DATABASE) private readonly db: Database.Database) {}

  execute({ personId, viewer }: PersonQuery): Promise<PersonView> {
    const person = personById(this.db, personId);
    if (!person || (viewer.sub !== personId && !maySeePerson(viewer, person))) {
      throw new AggregateNotFound('Person', personId);
    }
    return Promise.resolve(person);
  }
}

/** A person's personal tokens: to themself and to administrators. */
@QueryHandler(PersonalTokensQuery)
export class PersonalTokensHandler
  implements IQueryHandler<PersonalTokensQuery, PersonalTokenView[]>
{
  constructor(@Inject(READ_MODEL_DATABASE) private readonly db: Database.Database) {}

  execute({ personId, viewer }: PersonalTokensQuery): Promise<PersonalTokenView[]> {
    if (viewer.sub !== personId && !hasRole(viewer, 'admin')) {
      throw new AggregateNotFound('Person', personId);
    }
    return Promise.resolve(personalTokensOf(this.db, personId));
  }
}

/**
 * Whom a party may propose to mediate a conflict: the active mediators, by name, to anyone who
 * may take part in a conflict. Their id and name only: a partner learns no one's e-mail here.
 */
@QueryHandler(MediatorsQuery)
export class MediatorsHandler implements IQueryHandler<MediatorsQuery, MediatorView[]> {
  constructor(
    @Inject(READ_MODEL_DATABASE) private readonly db: Database.Database,
    private readonly personal: PersonalDataReader,
  ) {}

  /** By display name, accents and case aside (names are sealed in the read model: sorted here). */
  execute({ viewer }: MediatorsQuery): Promise<MediatorView[]> {
    if (!mayReadMediators(viewer)) {
      throw accessDenied('Only those who may take part in a conflict see its possible mediators');
    }
    const named = activeMediators(this.db).map((mediator) => ({
      personId: mediator.personId,
      displayName: this.personal.text(mediator.displayName),
    }));
    return Promise.resolve(
      named.sort(
        (a, b) =>
          foldedText(a.displayName).localeCompare(foldedText(b.displayName)) ||
          a.personId.localeCompare(b.personId),
      ),
    );
  }
}
