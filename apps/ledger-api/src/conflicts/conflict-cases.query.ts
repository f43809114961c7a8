import { Inject, NotFoundException } from '@nestjs/common';
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
import { type Page, pageOf } from '../read-models/paging';

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
  constructor(readonly filter: ConflictCasesFilter) {
    super();
  }
}

export class ConflictCaseQuery extends Query<ConflictCaseView> {
  constructor(readonly conflictId: string) {
    super();
  }
}

export class ConflictReplayQuery extends Query<ConflictReplayView> {
  constructor(
    readonly conflictId: string,
    readonly page: { readonly after?: number; readonly limit: number },
    /** Replay up to this moment; the whole timeline when absent. */
    readonly moment?: CaseMoment,
  ) {
    super();
  }
}

const withoutSeq = ({ seq: _seq, ...view }: ConflictCase): ConflictCaseView => view;

@QueryHandler(ListConflictCasesQuery)
export class ListConflictCasesHandler
  implements IQueryHandler<ListConflictCasesQuery, Page<ConflictCaseView>>
{
  constructor(@Inject(READ_MODEL_DATABASE) private readonly db: Database.Database) {}

  execute({ filter }: ListConflictCasesQuery): Promise<Page<ConflictCaseView>> {
    const page = pageOf(listConflictCases(this.db, filter), filter.limit, ({ seq }) => [seq]);
    return Promise.resolve({ ...page, items: page.items.map(withoutSeq) });
  }
}

@QueryHandler(ConflictCaseQuery)
export class ConflictCaseHandler implements IQueryHandler<ConflictCaseQuery, ConflictCaseView> {
  constructor(@Inject(READ_MODEL_DATABASE) private readonly db: Database.Database) {}

  execute({ conflictId }: ConflictCaseQuery): Promise<ConflictCaseView> {
    const found = findConflictCase(this.db, conflictId);
    if (!found) throw new NotFoundException(`Conflict ${conflictId} is not among the cases`);
    return Promise.resolve(withoutSeq(found));
  }
}

/** A keyset range read of the case's timeline: as fast for the 10,000th event as for the first. */
@QueryHandler(ConflictReplayQuery)
export class ConflictReplayHandler
  implements IQueryHandler<ConflictReplayQuery, ConflictReplayView>
{
  constructor(@Inject(READ_MODEL_DATABASE) private readonly db: Database.Database) {}

  execute({ conflictId, page, moment }: ConflictReplayQuery): Promise<ConflictReplayView> {
    const asOf = conflictCaseAt(
      this.db,
      conflictId,
      moment ?? { revision: Number.MAX_SAFE_INTEGER },
    );
    if (!asOf) {
      throw new NotFoundException(
        moment && findConflictCase(this.db, conflictId)
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
