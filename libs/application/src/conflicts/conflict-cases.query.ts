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
import { maySeeConflict } from '../access/access-rules';
import { conflictReaderOf } from '../access/read-scope';
import type { Principal } from '../access/principal';
import {
  foundAt,
  type Moment,
  partnershipsOfList,
  type PointInTimeReads,
  ReadModelsAt,
} from '../read-models';

import { type Page, pageOf } from '../read-models/paging';
import { concealing, notFound } from '../errors';

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
    readonly moment?: Moment,
  ) {
    super();
  }
}

export class ConflictCaseQuery extends Query<ConflictCaseView> {
  constructor(
    readonly conflictId: string,
    readonly viewer: Principal,
    readonly moment?: Moment,
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
function visibleCase(db: Database.Database, conflictId: string, viewer: Principal): ConflictCase {
  const unknown = () => notFound(`Conflict ${conflictId} is not among the cases`);
  const found = findConflictCase(db, conflictId);
  if (!found) throw unknown();
  const participants = { ...found, proposedMediatorId: found.pendingMediator?.mediatorId };
  if (!maySeeConflict(viewer, participants)) throw concealing(unknown());
  return found;
}

@QueryHandler(ListConflictCasesQuery)
export class ListConflictCasesHandler
  implements IQueryHandler<ListConflictCasesQuery, Page<ConflictCaseView>>
{
  constructor(@Inject(ReadModelsAt) private readonly at: PointInTimeReads) {}

  async execute({
    filter,
    viewer,
    moment,
  }: ListConflictCasesQuery): Promise<Page<ConflictCaseView>> {
    const scoped = { ...filter, visibleTo: conflictReaderOf(viewer) };
    const db = await this.at.of(moment, partnershipsOfList(filter));
    const page = pageOf(listConflictCases(db, scoped), filter.limit, ({ seq }) => [seq]);
    return { ...page, items: page.items.map(withoutSeq) };
  }
}

@QueryHandler(ConflictCaseQuery)
export class ConflictCaseHandler implements IQueryHandler<ConflictCaseQuery, ConflictCaseView> {
  constructor(
    @Inject(READ_MODEL_DATABASE) private readonly db: Database.Database,
    @Inject(ReadModelsAt) private readonly at: PointInTimeReads,
  ) {}

  async execute({ conflictId, viewer, moment }: ConflictCaseQuery): Promise<ConflictCaseView> {
    const now = visibleCase(this.db, conflictId, viewer);
    const find = (db: Database.Database) => findConflictCase(db, conflictId);
    return withoutSeq(
      await foundAt(this.at, moment, now, find, `Conflict ${conflictId} had not been raised`),
    );
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
    visibleCase(this.db, conflictId, viewer);
    const asOf = conflictCaseAt(
      this.db,
      conflictId,
      moment ?? { revision: Number.MAX_SAFE_INTEGER },
    );
    if (!asOf) throw notFound(`Conflict ${conflictId} had not been raised by then`);
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
