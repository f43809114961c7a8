import type Database from 'better-sqlite3';
import { Observable, Subject } from 'rxjs';
import { CorruptedStoreError, StoreUnavailableError } from '../errors';
import { type BackgroundCheck, checkStructureInBackground } from './sqlite-background-check';
import { leaveCleanCloseMarker } from './sqlite-clean-close';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  ReadAllFilter,
  ReadAllOptions,
  ReadStreamOptions,
  StructureCheck,
  SubscribeToAllOptions,
} from '../event-store.port';
import type { NewEvent, RecordedEvent } from '../recorded-event';
import { openEventStoreDatabase } from './sqlite-database';
import { asCorruptedStoreError, sqliteErrorCode, structureDamage } from './sqlite-damage-checks';
import { SqliteEventStatements, type EventPage } from './sqlite-event-statements';
import { MAX_GROUP_SIZE, type PendingAppend, SqliteGroupCommit } from './sqlite-group-commit';

export interface SqliteEventStoreOptions {
  /** Database file, or `:memory:`. */
  readonly file: string;
  /** Events read per query when paging through the log. */
  readonly pageSize?: number;
  /** How often live subscriptions look for events appended by another process. */
  readonly pollIntervalMs?: number;
  readonly clock?: () => Date;
}

/**
 * Result codes (primary, extended ones included) of a store that cannot be reached or cannot
 * write at the moment: I/O errors, disk full, locks held past the busy timeout, files that cannot
 * be opened or written. Corruption (SQLITE_CORRUPT, SQLITE_NOTADB) is not among them: it is not
 * temporary, and retrying would not help.
 */
const UNAVAILABLE_CODES = /^SQLITE_(IOERR|FULL|BUSY|LOCKED|CANTOPEN|READONLY|NOMEM|PROTOCOL)(_|$)/;

/** The embedded default: one SQLite file, one writer, gap-free global positions. */
export class SqliteEventStore implements EventStore {
  /** Protected so that a test double can tune the connection (a full disk is `max_page_count`). */
  protected readonly db: Database.Database;
  private readonly statements: SqliteEventStatements;
  private readonly pageSize: number;
  private readonly pollIntervalMs: number;
  private readonly groupCommit: SqliteGroupCommit;
  private readonly pending: PendingAppend[] = [];
  /** Emits after every committed append; live subscriptions wake up on it. */
  private readonly appended = new Subject<void>();
  private closed = false;
  private readonly file: string;
  private structure: StructureCheck;
  /** Set once the background check found damage: every later call is refused with it. */
  private damage?: CorruptedStoreError;
  private readonly backgroundCheck?: BackgroundCheck;

  constructor(options: SqliteEventStoreOptions) {
    const opened = sqliteStorageWork(() => openEventStoreDatabase(options.file));
    this.db = opened.db;
    this.file = options.file;
    const now = new Date().toISOString();
    if (opened.structure === 'checked') {
      this.structure = { state: 'passed', at: now, atOpen: true };
    } else {
      this.structure = { state: 'running', since: now };
      this.backgroundCheck = checkStructureInBackground(options.file);
      this.backgroundCheck.findings.then(
        (findings) => this.structureChecked(structureDamage(findings, options.file)),
        (error: unknown) => this.structureChecked(asCorruptedStoreError(error, options.file)),
      );
    }
    this.statements = new SqliteEventStatements(this.db);
    this.pageSize = options.pageSize ?? 1000;
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.groupCommit = new SqliteGroupCommit(
      this.db,
      this.statements,
      options.clock ?? (() => new Date()),
    );
  }

  /**
   * Queues the append for the next group commit: every append that arrives before the event loop
   * turns is written in one transaction with one fsync, and answered on its own.
   */
  append(
    stream: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.pending.push({ stream, events, options, resolve, reject });
      if (this.pending.length === 1) setImmediate(() => this.commitPending());
    });
  }

  /** Group commits since the store opened, and the appends they carried. */
  get groupCommits(): { readonly groups: number; readonly appends: number } {
    return { ...this.groupCommit.counts };
  }

  private commitPending(): void {
    const group = this.pending.splice(0, MAX_GROUP_SIZE);
    if (this.pending.length > 0) setImmediate(() => this.commitPending());
    try {
      const outcomes = this.storage(() => this.groupCommit.commit(group));
      outcomes.forEach((outcome, index) => {
        if (outcome.ok) group[index].resolve(outcome.result);
        else group[index].reject(outcome.error);
      });
    } catch (error) {
      for (const append of group) append.reject(error);
    }
    this.appended.next();
  }

  async *readStream(stream: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    const backwards = options.direction === 'backwards';
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    let from = options.fromRevision;
    while (remaining > 0) {
      const limit = Math.min(this.pageSize, remaining);
      const page = this.storage(() =>
        backwards
          ? this.statements.streamPageBackwards(stream, from, limit)
          : this.statements.streamPageForwards(stream, from ?? 0n, limit),
      );
      yield* page;
      if (page.length < limit) return;
      await yieldToEventLoop();
      remaining -= page.length;
      const last = page[page.length - 1].revision;
      from = backwards ? last - 1n : last + 1n;
      if (from < 0n) return;
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    let after = startOf(options.fromPosition);
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    const head = this.storage(() => this.statements.headPosition());
    while (remaining > 0 && after < head) {
      const page = this.readPage(after, head, Math.min(this.pageSize, remaining), options.filter);
      yield* page.events;
      remaining -= page.events.length;
      after = page.scannedUpTo;
      await yieldToEventLoop();
    }
  }

  readAt(positions: readonly bigint[]): Promise<RecordedEvent[]> {
    return settle(() =>
      positions.length === 0 ? [] : this.storage(() => this.statements.eventsAt(positions)),
    );
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): Observable<RecordedEvent> {
    return new Observable<RecordedEvent>((subscriber) => {
      let after = startOf(options.fromPosition);
      let active = true;
      const appendedOrPolled = () =>
        new Promise<void>((resolve) => {
          const timer = setTimeout(done, this.pollIntervalMs);
          const wake = this.appended.subscribe({ next: done, complete: done });
          function done() {
            clearTimeout(timer);
            wake.unsubscribe();
            resolve();
          }
        });
      const pump = async () => {
        while (active && !this.closed) {
          // No await between reading the head and arming the wake-up: an append in this process
          // cannot slip in between, so none is missed; other processes are caught by the poll.
          const page = this.readPage(
            after,
            this.storage(() => this.statements.headPosition()),
            this.pageSize,
            options.filter,
          );
          for (const event of page.events) {
            if (!active) return;
            subscriber.next(event);
          }
          after = page.scannedUpTo;
          await (page.full ? yieldToEventLoop() : appendedOrPolled());
        }
        if (active) subscriber.complete();
      };
      pump().catch((error: unknown) => subscriber.error(error));
      return () => {
        active = false;
      };
    });
  }

  /** Events after `after` up to `head`, at most `limit`; `scannedUpTo` is where the next page starts. */
  private readPage(after: bigint, head: bigint, limit: number, filter?: ReadAllFilter): EventPage {
    const events = this.storage(() => this.statements.logPage(after, head, limit, filter));
    const full = events.length === limit;
    return { events, full, scannedUpTo: full ? events[events.length - 1].position : head };
  }

  headPosition(): Promise<bigint> {
    return settle(() => this.storage(() => this.statements.headPosition()));
  }

  async ping(): Promise<void> {
    await this.headPosition();
  }

  structureCheck(): StructureCheck {
    return this.structure;
  }

  /**
   * The background check's outcome. Damage found after opening is kept: from then on the store
   * refuses every read and append with it, as it would have refused to open, so nothing is served
   * from, or written to, a damaged file. A check that could not run (an I/O error) is
   * `interrupted`, never taken for a pass: `ledger verify` runs it in full.
   */
  private structureChecked(damage: unknown): void {
    const at = new Date().toISOString();
    if (damage === undefined) {
      this.structure = { state: 'passed', at, atOpen: false };
    } else if (damage instanceof CorruptedStoreError) {
      this.damage = damage;
      this.structure = { state: 'failed', at };
    } else {
      this.structure = {
        state: 'interrupted',
        at,
        reason: damage instanceof Error ? damage.message : 'the check could not run',
      };
    }
  }

  close(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      this.backgroundCheck?.stop();
      this.appended.complete();
      this.db.close();
      // Only a file known sound may skip the check at its next opening.
      if (this.file !== ':memory:' && this.damage === undefined) leaveCleanCloseMarker(this.file);
    }
    return Promise.resolve();
  }

  /** Storage work of an open store, its temporary failures told apart as StoreUnavailableError. */
  private storage<T>(work: () => T): T {
    if (this.closed || !this.db.open) {
      throw new StoreUnavailableError('The SQLite event store is closed', 'SQLITE_CLOSED');
    }
    if (this.damage !== undefined) throw this.damage;
    return sqliteStorageWork(work);
  }
}

/**
 * SQLite work whose temporary storage failures (disk full, I/O, locks, read-only files) are told
 * apart as StoreUnavailableError, which callers answer as "try again later", never as a bug.
 */
export function sqliteStorageWork<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    const code = sqliteErrorCode(error);
    if (code !== undefined && UNAVAILABLE_CODES.test(code)) {
      const { message } = error as { message?: unknown };
      throw new StoreUnavailableError(`SQLite: ${String(message)}`, code, { cause: error });
    }
    throw error;
  }
}

function startOf(fromPosition: bigint | 'start' | undefined): bigint {
  return fromPosition === undefined || fromPosition === 'start' ? 0n : fromPosition;
}

/** Runs synchronous storage work as a promise, turning a throw into a rejection. */
function settle<T>(work: () => T): Promise<T> {
  return new Promise((resolve) => resolve(work()));
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
