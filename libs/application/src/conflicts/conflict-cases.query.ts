import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import {
  type CaseMoment,
  type CaseStep,
  type ConflictCase,
  type ConflictCasesFilter,
  conflictCaseAt,
  findConflictCase,
  listConflictCases,
  replayConflictCase,
} from '@cohesion/projections';
import { READ_MODEL_DATABASE } from '../read-models/read-models.module';
import { hasRole, maySeeConflict, partnerOf, readsEverything } from '../access/access-rules';
import type { Principal } from '../access/principal';
import { type Page, pageOf } from '../read-models/paging';
import { notFound } from '../errors';

/** What the API answers: a case without its paging key. */
export type ConflictCaseView = Omit<ConflictCase, 'seq'>;

export interface ConflictReplayView {
  readonly conflictId: string;
  /** The case as it stood at the moment asked for (or now): the last step replayed. */
  readonly asOf: CaseStep;
  readonly steps: readonly CaseStep[];
  readonly next: string | null;
}

export class ListConflictCasesQuery extends Query<Page<ConflictCaseView>> {
  constructor(
    readonly filter: ConflictCasesFilter,
    readonly viewer: Principal,
  ) {
    super();
  }
}

export class ConflictCaseQuery extends Query<ConflictCaseView> {
  constructor(
    readonly conflictId: string,
    readonly viewer: Principal,
  ) {
    super();
  }
}

export class ConflictReplayQuery extends Query<ConflictReplayView> {
  constructor(
    readonly conflictId: string,
    readonly page: { readonly after?: number; readonly limit: number },
    readonly viewer: Principal,
    /** Replay up to this moment; the whole timeline when absent. */
    readonly moment?: CaseMoment,
  ) {
    super();
  }
}

const withoutSeq = ({ seq: _seq, ...view }: ConflictCase): ConflictCaseView => view;

/**
 * The case as the viewer may see it: a case is confidential to its parties, its mediator,
 * administrators and auditors, so to anyone else it is `undefined`, exactly as an unknown one.
 */
function visibleCase(
  db: Database.Database,
  conflictId: string,
  viewer: Principal,
): ConflictCase | undefined {
  const found = findConflictCase(db, conflictId);
  if (!found) return undefined;
  const participants = { ...found, proposedMediatorId: found.pendingMediator?.mediatorId };
  return maySeeConflict(viewer, participants) ? found : undefined;
}

/** Only the cases the viewer may see: all for administrators and auditors. */
function visibleTo(viewer: Principal): ConflictCasesFilter['visibleTo'] {
  if (readsEverything(viewer)) return undefined;
  return {
    partnerId: partnerOf(viewer),
    mediator: hasRole(viewer, 'mediator') ? viewer.sub : undefined,
  };
}

@QueryHandler(ListConflictCasesQuery)
export class ListConflictCasesHandler
  implements IQueryHandler<ListConflictCasesQuery, Page<ConflictCaseView>>
{
  constructor(@Inject(READ_MODEL_DATABASE) private readonly db: Database.Database) {}

  execute({ filter, viewer }: ListConflictCasesQuery): Promise<Page<ConflictCaseView>> {
    const scoped = { ...filter, visibleTo: visibleTo(viewer) };
    const page = pageOf(listConflictCases(this.db, scoped), filter.limit, ({ seq }) => [seq]);
    return Promise.resolve({ ...page, items: page.items.map(withoutSeq) });
  }
}

@QueryHandler(ConflictCaseQuery)
export class ConflictCaseHandler implements IQueryHandler<ConflictCaseQuery, ConflictCaseView> {
  constructor(@Inject(READ_MODEL_DATABASE) private readonly db: Database.Database) {}

  execute({ conflictId, viewer }: ConflictCaseQuery): Promise<ConflictCaseView> {
    const found = visibleCase(this.db, conflictId, viewer);
    if (!found) throw notFound(`Conflict ${conflictId} is not among the cases`);
    return Promise.resolve(withoutSeq(found));
  }
}

/** A keyset range read of the case's timeline: as fast for the 10,000th event as for the first. */
@QueryHandler(ConflictReplayQuery)
export class ConflictReplayHandler
  implements IQueryHandler<ConflictReplayQuery, ConflictReplayView>
{
  constructor(@Inject(READ_MODEL_DATABASE) private readonly db: Database.Database) {}

  execute({ conflictId, page, moment, viewer }: ConflictReplayQuery): Promise<ConflictReplayView> {
    // Who may replay is decided on the case as it is now (its mediator may be assigned later).
    const visible = visibleCase(this.db, conflictId, viewer);
    const asOf = visible
      ? conflictCaseAt(this.db, conflictId, moment ?? { revision: Number.MAX_SAFE_INTEGER })
      : undefined;
    if (!asOf) {
      throw notFound(
        moment && visible
          ? `Conflict ${conflictId} had not been raised by then`
          : `Conflict ${conflictId} is not among the cases`,
      );
    }
    const steps = replayConflictCase(this.db, {
      conflictId,
      after: page.after,
      upTo: asOf.revision,
      limit: page.limit,
    });
    const { items, next } = pageOf(steps, page.limit, ({ revision }) => [revision]);
    return Promise.resolve({ conflictId, asOf, steps: items, next });
  }
}
