import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import { AggregateNotFound } from '@cohesion/domain';
import {
  erasureById,
  type ErasureFilters,
  type ErasureView,
  listErasures,
} from '@cohesion/projections';
import { readsEverything } from '../access/access-rules';
import type { Principal } from '../access/principal';
import { accessDenied } from '../errors';
import type { ListRequest } from '../read-models/list-request';
import { cursorKey, type Page, pageOf } from '../read-models/paging';
import { READ_MODEL_DATABASE } from '../read-models/read-models.module';

export type ErasuresListRequest = ListRequest<ErasureFilters>;

export class ListErasuresQuery extends Query<Page<ErasureView>> {
  constructor(
    readonly filters: ErasuresListRequest,
    readonly viewer: Principal,
  ) {
    super();
  }
}

export class ErasureQuery extends Query<ErasureView> {
  constructor(
    readonly erasureId: string,
    readonly viewer: Principal,
  ) {
    super();
  }
}

/** Erasure requests name whom they are about: administrators and auditors only. */
function assertMayRead(viewer: Principal): void {
  if (!readsEverything(viewer)) {
    throw accessDenied('Only administrators and auditors see erasure requests');
  }
}

/** The erasure requests, in the order they were made. */
@QueryHandler(ListErasuresQuery)
export class ListErasuresHandler implements IQueryHandler<ListErasuresQuery, Page<ErasureView>> {
  constructor(@Inject(READ_MODEL_DATABASE) private readonly db: Database.Database) {}

  execute({ filters, viewer }: ListErasuresQuery): Promise<Page<ErasureView>> {
    assertMayRead(viewer);
    const { limit, cursor, ...given } = filters;
    const [after] = cursorKey(cursor, ['number']) ?? [];
    const page = pageOf(listErasures(this.db, { ...given, after, limit }), limit, (row) => [
      row.seq,
    ]);
    return Promise.resolve({
      ...page,
      items: page.items.map(({ seq: _seq, ...erasure }) => erasure),
    });
  }
}

/** One erasure request and what became of it. */
@QueryHandler(ErasureQuery)
export class ErasureHandler implements IQueryHandler<ErasureQuery, ErasureView> {
  constructor(@Inject(READ_MODEL_DATABASE) private readonly db: Database.Database) {}

  execute({ erasureId, viewer }: ErasureQuery): Promise<ErasureView> {
    assertMayRead(viewer);
    const erasure = erasureById(this.db, erasureId);
    if (erasure === undefined) throw new AggregateNotFound('Erasure', erasureId);
    return Promise.resolve(erasure);
  }
}
