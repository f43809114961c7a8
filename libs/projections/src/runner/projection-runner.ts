import type Database from 'better-sqlite3';
import { BehaviorSubject, filter, firstValueFrom, map, type Subscription, timeout } from 'rxjs';
import type { EventStore, RecordedEvent } from '@cohesion/event-store';
import type { BatchHandler, Projector } from '../projector';
import { Checkpoints } from './checkpoints';
import { inBatches } from './in-batches';

/**
 * Events per transaction while catching up. Each commit writes every page the batch dirtied, and
 * the read models' indexes are spread over many pages, so larger batches write each hot page
 * fewer times: rebuilding 200,000 domain events ran at 18k events/s in batches of 2,000 and 25k in
 * batches of 5,000 (10,000: 26k). A batch holds the event loop while it applies (some 200 ms for
 * 5,000 events, during catch-up only); live, an append is a batch of its own, whatever this.
 */
const DEFAULT_MAX_BATCH_SIZE = 5_000;

export interface ProjectionRunnerOptions {
  /** Most events applied in one transaction. */
  readonly maxBatchSize?: number;
  /** Pause before following the log again after a failed batch (doubling, capped at 30 s). */
  readonly retryDelayMs?: number;
  /** Told once when the read models stop on a failure, and once when they go on again. */
  readonly report?: ProjectionFailureReport;
}

/** Why the read models stopped, while the runner retries. */
export interface ProjectionFailure {
  /** The read model whose projector failed, when known. */
  readonly readModel: string | null;
  /** The log position of the event it failed on (or the first of its batch), when known. */
  readonly position: string | null;
  readonly cause: string;
  /** When this failure was first met (ISO instant); retries of the same failure keep it. */
  readonly since: string;
}

export interface ProjectionFailureReport {
  failed(failure: ProjectionFailure): void;
  recovered(failure: ProjectionFailure): void;
}

/** A projector failed on an event (or a batch): where, so that an operator can look. */
class ProjectorError extends Error {
  constructor(
    readonly readModel: string,
    readonly position: bigint,
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

export interface ProjectionStatus {
  readonly name: string;
  readonly version: number;
  /** Position of the last event this read model has applied. */
  readonly checkpoint: bigint;
}

interface BoundProjector {
  readonly projector: Projector;
  apply: BatchHandler;
  checkpoint: bigint;
}

/** The projector's batch handler, or its event handler applied to each event of the batch. */
function batchHandlerOf(projector: Projector, db: Database.Database): BatchHandler {
  if (projector.bindBatch) {
    const handleBatch = projector.bindBatch(db);
    return (events) => {
      try {
        handleBatch(events);
      } catch (error) {
        throw new ProjectorError(projector.name, events[0].position, error);
      }
    };
  }
  const handle = projector.bind(db);
  return (events) => {
    for (const event of events) {
      try {
        handle(event);
      } catch (error) {
        throw new ProjectorError(projector.name, event.position, error);
      }
    }
  };
}

/**
 * Keeps the read models of this node up to date: follows the whole log from the lowest
 * checkpoint and applies each batch of events, with every read model's writes and checkpoint
 * advance, in one SQLite transaction. A batch is applied completely or not at all, so a crash or
 * a failing projector loses and repeats nothing: the runner follows the log again from the
 * checkpoints.
 */
export class ProjectionRunner {
  private readonly checkpoints: Checkpoints;
  private readonly bound: BoundProjector[] = [];
  private readonly maxBatchSize: number;
  private readonly retryDelayMs: number;
  /** The lowest checkpoint: every read model has applied the log up to here. */
  private readonly applied = new BehaviorSubject<bigint>(0n);
  private subscription?: Subscription;
  /**
   * Which following of the log is current. A store may deliver a whole page synchronously, even
   * while `subscribe` runs, so a batch is applied only if its following is still the current one:
   * after a failed batch, nothing that followed it in the same page may slip through.
   */
  private following = 0;
  private retryTimer?: NodeJS.Timeout;
  private failures = 0;
  private lastFailure?: ProjectionFailure;
  private readonly report?: ProjectionFailureReport;

  constructor(
    private readonly store: EventStore,
    private readonly db: Database.Database,
    private readonly projectors: readonly Projector[],
    options: ProjectionRunnerOptions = {},
  ) {
    this.checkpoints = new Checkpoints(db);
    this.maxBatchSize = options.maxBatchSize ?? DEFAULT_MAX_BATCH_SIZE;
    this.retryDelayMs = options.retryDelayMs ?? 250;
    this.report = options.report;
  }

  /** Creates missing read models, rebuilds those whose version changed, then follows the log. */
  start(): void {
    this.bound.length = 0;
    for (const projector of this.projectors) {
      const checkpoint = this.checkpoints.get(projector.name);
      if (checkpoint?.version !== projector.version) this.reset(projector);
      this.bound.push({
        projector,
        apply: batchHandlerOf(projector, this.db),
        checkpoint: checkpoint?.version === projector.version ? checkpoint.position : 0n,
      });
    }
    this.publishApplied();
    this.follow();
  }

  stop(): void {
    this.following += 1;
    this.subscription?.unsubscribe();
    this.subscription = undefined;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  /** Drops the named read models (all when none is named) and replays the log into them. */
  rebuild(names?: readonly string[]): void {
    const unknown = (names ?? []).filter((name) => !this.projectors.some((p) => p.name === name));
    if (unknown.length > 0) throw new Error(`Unknown read models: ${unknown.join(', ')}`);
    this.stop();
    for (const entry of this.bound) {
      if (names && !names.includes(entry.projector.name)) continue;
      this.reset(entry.projector);
      entry.apply = batchHandlerOf(entry.projector, this.db);
      entry.checkpoint = 0n;
    }
    this.publishApplied();
    this.follow();
  }

  /** The position every read model has reached. */
  get position(): bigint {
    return this.applied.value;
  }

  status(): ProjectionStatus[] {
    return this.bound.map(({ projector, checkpoint }) => ({
      name: projector.name,
      version: projector.version,
      checkpoint,
    }));
  }

  /** Why the last batch failed, while the runner retries it; `undefined` when healthy. */
  get failure(): ProjectionFailure | undefined {
    return this.lastFailure;
  }

  /** Resolves true once every read model has applied the log up to `position`, false on timeout. */
  async waitFor(position: bigint, timeoutMs: number): Promise<boolean> {
    if (this.applied.value >= position) return true;
    return firstValueFrom(
      this.applied.pipe(
        filter((applied) => applied >= position),
        map(() => true),
        timeout({ first: timeoutMs, with: () => [false] }),
      ),
    );
  }

  private follow(): void {
    const from = this.applied.value;
    const following = ++this.following;
    const subscription = this.store
      .subscribeToAll({ fromPosition: from === 0n ? 'start' : from })
      .pipe(inBatches(this.maxBatchSize))
      .subscribe({
        next: (batch) => this.applySafely(batch, following),
        error: (error: unknown) => this.retryLater(error),
      });
    if (following === this.following) this.subscription = subscription;
    else subscription.unsubscribe();
  }

  private applySafely(batch: readonly RecordedEvent[], following: number): void {
    if (following !== this.following) return;
    try {
      this.apply(batch);
      this.failures = 0;
      if (this.lastFailure) this.report?.recovered(this.lastFailure);
      this.lastFailure = undefined;
    } catch (error) {
      this.retryLater(error);
    }
  }

  private apply(batch: readonly RecordedEvent[]): void {
    const last = batch[batch.length - 1].position;
    this.db.transaction(() => {
      for (const entry of this.bound) {
        if (last <= entry.checkpoint) continue;
        const { checkpoint } = entry;
        entry.apply(
          batch[0].position > checkpoint ? batch : batch.filter((e) => e.position > checkpoint),
        );
        this.checkpoints.set(entry.projector.name, entry.projector.version, last);
      }
    })();
    // Only once the transaction committed do the checkpoints in memory move.
    for (const entry of this.bound) if (last > entry.checkpoint) entry.checkpoint = last;
    this.publishApplied();
  }

  /** A failed batch changed nothing: follow the log again from the checkpoints, after a pause. */
  private retryLater(error: unknown): void {
    this.stop();
    this.failures += 1;
    const failure = failureOf(error, this.lastFailure);
    if (failure !== this.lastFailure) this.report?.failed(failure);
    this.lastFailure = failure;
    const delay = Math.min(30_000, this.retryDelayMs * 2 ** (this.failures - 1));
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.follow();
    }, delay);
  }

  private reset(projector: Projector): void {
    this.db.transaction(() => {
      for (const table of projector.tables) this.db.exec(`DROP TABLE IF EXISTS "${table}"`);
      this.db.exec(projector.schema);
      this.checkpoints.set(projector.name, projector.version, 0n);
    })();
  }

  private publishApplied(): void {
    const lowest = this.bound.reduce<bigint | undefined>(
      (min, { checkpoint }) => (min === undefined || checkpoint < min ? checkpoint : min),
      undefined,
    );
    this.applied.next(lowest ?? 0n);
  }
}

/**
 * The failure `error` stands for: the one already met when it is the same (retries of one failure
 * are one failure, reported once, dated from its first time), a new one otherwise.
 */
function failureOf(error: unknown, previous: ProjectionFailure | undefined): ProjectionFailure {
  const where =
    error instanceof ProjectorError
      ? { readModel: error.readModel, position: error.position.toString() }
      : { readModel: null, position: null };
  const cause = error instanceof Error ? error.message : String(error);
  if (
    previous?.cause === cause &&
    previous.readModel === where.readModel &&
    previous.position === where.position
  ) {
    return previous;
  }
  return { ...where, cause, since: new Date().toISOString() };
}
