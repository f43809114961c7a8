import type Database from 'better-sqlite3';
import {
  assertExpectedRevision,
  assertValidAppend,
  chainEvents,
  type ChainedEvent,
  EMPTY_TAIL,
  recognisedRetry,
  type StreamTail,
} from '../append-rules';
import type { AppendOptions, AppendResult } from '../event-store.port';
import type { NewEvent } from '../recorded-event';
import { sqliteErrorCode } from './sqlite-damage-checks';
import type { SqliteEventStatements } from './sqlite-event-statements';

/** One append waiting for the next group commit. */
export interface PendingAppend {
  readonly stream: string;
  readonly events: readonly NewEvent[];
  readonly options: AppendOptions;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

export type AppendOutcome =
  | { readonly ok: true; readonly result: AppendResult }
  | { readonly ok: false; readonly error: unknown };

/** Appends per transaction at most: a larger crowd is committed in several groups, in order. */
export const MAX_GROUP_SIZE = 2000;

/** Streams whose tails are remembered at most; past that the memory starts afresh. */
const MAX_REMEMBERED_TAILS = 100_000;

/**
 * Writes a group of appends in ONE immediate transaction (one fsync), each checked against its
 * own expected revision and answered on its own: an append refused by a rule (wrong revision,
 * reused ids, invalid events, a damaged tail) leaves the others of its group untouched. A storage
 * failure (the disk, the lock, the commit) fails the whole group, and none of it is written.
 *
 * The tails of streams this connection wrote are remembered, so the common append reads nothing
 * but the head; what other connections commit is noticed through `PRAGMA data_version`, and then
 * everything remembered is forgotten.
 */
export class SqliteGroupCommit {
  private readonly tails = new Map<string, StreamTail>();
  private readonly dataVersion: Database.Statement;
  private lastDataVersion: number | undefined;
  private readonly insertAll: (events: readonly ChainedEvent[], after: bigint) => void;
  private readonly writeGroupInTransaction: Database.Transaction<
    (group: readonly PendingAppend[], written: Map<string, StreamTail>) => AppendOutcome[]
  >;
  /** Groups committed and appends they carried, since the store opened. */
  readonly counts = { groups: 0, appends: 0 };

  constructor(
    db: Database.Database,
    private readonly statements: SqliteEventStatements,
    private readonly clock: () => Date,
  ) {
    this.dataVersion = db.prepare('PRAGMA data_version').pluck();
    // A nested better-sqlite3 transaction is a savepoint: a multi-event append that fails half
    // way is undone alone.
    this.insertAll = db.transaction((events: readonly ChainedEvent[], after: bigint) => {
      events.forEach((event, index) => this.statements.insert(event, after + BigInt(index + 1)));
    });
    this.writeGroupInTransaction = db.transaction((group, written) =>
      this.writeGroup(group, written),
    );
  }

  /** Commits the group and answers each append; throws (nothing written) when storage fails. */
  commit(group: readonly PendingAppend[]): AppendOutcome[] {
    const written = new Map<string, StreamTail>();
    try {
      const outcomes = this.writeGroupInTransaction.immediate(group, written);
      for (const [stream, tail] of written) this.remember(stream, tail);
      this.counts.groups += 1;
      this.counts.appends += group.length;
      return outcomes;
    } catch (error) {
      // The commit may have failed after all or part of it reached the disk: start afresh.
      this.tails.clear();
      throw error;
    }
  }

  private writeGroup(
    group: readonly PendingAppend[],
    written: Map<string, StreamTail>,
  ): AppendOutcome[] {
    this.forgetIfChangedElsewhere();
    let head = this.statements.headPosition();
    return group.map((append): AppendOutcome => {
      try {
        const { result, tail } = this.writeOne(append, head, written);
        if (tail) {
          written.set(append.stream, tail);
          head = result.position;
        }
        return { ok: true, result };
      } catch (error) {
        if (isSqliteError(error)) throw error;
        return { ok: false, error };
      }
    });
  }

  /** The append's result, and the stream's new tail when it wrote (not when it was a retry). */
  private writeOne(
    { stream, events, options }: PendingAppend,
    head: bigint,
    written: ReadonlyMap<string, StreamTail>,
  ): { result: AppendResult; tail?: StreamTail } {
    assertValidAppend(stream, events, options.recordedAt);
    const tail = written.get(stream) ?? this.tailOf(stream);
    try {
      assertExpectedRevision(stream, options.expectedRevision, tail.revision);
    } catch (error) {
      // The stream moved, perhaps by this very append sent before: a retry answers as the first.
      const retried = this.retried(stream, events);
      if (retried) return { result: retried };
      throw error;
    }
    const chained = chainEvents(
      stream,
      tail,
      events,
      options.recordedAt ?? this.clock().toISOString(),
    );
    try {
      if (chained.length === 1) this.statements.insert(chained[0], head + 1n);
      else this.insertAll(chained, head);
    } catch (error) {
      // An id already recorded: the same append again, or ids reused for something else.
      const retried = isUniqueViolation(error) ? this.retried(stream, events) : undefined;
      if (retried) return { result: retried };
      throw error;
    }
    const last = chained[chained.length - 1];
    return {
      result: { nextRevision: last.revision, position: head + BigInt(chained.length) },
      tail: { revision: last.revision, hash: last.hash },
    };
  }

  private retried(stream: string, events: readonly NewEvent[]): AppendResult | undefined {
    return recognisedRetry(
      stream,
      events,
      this.statements.eventsWithIds(events.map((event) => event.id)),
    );
  }

  private tailOf(stream: string): StreamTail {
    const remembered = this.tails.get(stream);
    if (remembered) return remembered;
    return this.statements.streamTail(stream) ?? EMPTY_TAIL;
  }

  private remember(stream: string, tail: StreamTail): void {
    if (this.tails.size >= MAX_REMEMBERED_TAILS) this.tails.clear();
    this.tails.set(stream, tail);
  }

  /** Inside the write lock: forgets the remembered tails if another connection has committed. */
  private forgetIfChangedElsewhere(): void {
    const version = this.dataVersion.get() as number;
    if (version !== this.lastDataVersion) this.tails.clear();
    this.lastDataVersion = version;
  }
}

function isSqliteError(error: unknown): boolean {
  return sqliteErrorCode(error) !== undefined;
}

function isUniqueViolation(error: unknown): boolean {
  return sqliteErrorCode(error) === 'SQLITE_CONSTRAINT_UNIQUE';
}
