import type { Observable } from 'rxjs';
import type { NewEvent, RecordedEvent } from './recorded-event';

/**
 * What the appender believes about the stream:
 * - `no_stream`: it must not exist yet;
 * - `stream_exists`: it must have at least one event;
 * - `any`: no check;
 * - a bigint: the exact revision of the stream's last event.
 */
export type ExpectedRevision = 'no_stream' | 'stream_exists' | 'any' | bigint;

export interface AppendOptions {
  readonly expectedRevision: ExpectedRevision;
  /**
   * For imports only: the time the events were first recorded (ISO 8601), kept instead of now so
   * that an imported event hashes exactly as it did in the ledger it came from.
   */
  readonly recordedAt?: string;
}

export interface AppendResult {
  /** The revision of the stream's last event after the append. */
  readonly nextRevision: bigint;
  /** The global position of the last appended event. */
  readonly position: bigint;
}

export type ReadDirection = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  /** Inclusive; defaults to the first event (forwards) or the last (backwards). */
  readonly fromRevision?: bigint;
  readonly direction?: ReadDirection;
  readonly maxCount?: number;
}

export interface ReadAllFilter {
  readonly eventTypes?: readonly string[];
  readonly streamPrefixes?: readonly string[];
}

export interface ReadAllOptions {
  /** Read the events strictly after this position (a checkpoint); `'start'` (default) reads from the first. */
  readonly fromPosition?: bigint | 'start';
  readonly maxCount?: number;
  readonly filter?: ReadAllFilter;
}

export interface SubscribeToAllOptions {
  /** Deliver the events strictly after this position; `'start'` (default) delivers the whole log. */
  readonly fromPosition?: bigint | 'start';
  readonly filter?: ReadAllFilter;
}

/**
 * The event store port. Every adapter passes the same contract suite (test/event-store).
 * Reads are async iterables that page through storage, never loading the whole log.
 */
export interface EventStore {
  append(
    stream: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult>;
  readStream(stream: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  /**
   * The events at these positions of the log, in log order, each read whole and verified; a
   * position holding no event of the ledger is left out. For views that keep only positions
   * (the audit trail, the Merkle log's leaves) and read the rest from the log.
   */
  readAt(positions: readonly bigint[]): Promise<RecordedEvent[]>;
  /** Catch-up from the position, then live; never skips nor repeats an event. */
  subscribeToAll(options?: SubscribeToAllOptions): Observable<RecordedEvent>;
  /** Position of the last event in the log, `0n` when the log is empty. */
  headPosition(): Promise<bigint>;
  /** Throws when the store cannot be reached; used by health checks. */
  ping(): Promise<void>;
  /** Where the check of the store's files for damage stands; used by health checks. */
  structureCheck(): StructureCheck;
  close(): Promise<void>;
}

/**
 * The whole-file damage check of a store: `running` in the background after a clean start,
 * `passed` (at open, or since), `failed` (the store then refuses all work with a
 * CorruptedStoreError), `interrupted` (it could not run to its end: an I/O error), or `elsewhere`
 * for a server that checks its own files.
 */
export type StructureCheck =
  | { readonly state: 'running'; readonly since: string }
  | { readonly state: 'passed'; readonly at: string; readonly atOpen: boolean }
  | { readonly state: 'failed'; readonly at: string }
  | { readonly state: 'interrupted'; readonly at: string; readonly reason: string }
  | { readonly state: 'elsewhere' };

/** Injection token for the configured adapter. */
export const EVENT_STORE = Symbol('EVENT_STORE');
