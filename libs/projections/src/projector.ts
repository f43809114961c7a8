import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@cohesion/event-store';

/** Applies one event to a read model's tables; ignores the event types it does not know. */
export type ProjectionHandler = (event: RecordedEvent) => void;

/** Applies a batch of events, in log order, to a read model's tables. */
export type BatchHandler = (events: readonly RecordedEvent[]) => void;

/**
 * One read model: its tables and how events change them. Projectors are deterministic (the same
 * events always give the same rows), so a read model can be dropped and rebuilt from the log.
 */
export interface Projector {
  /** Stable name, also the key of its checkpoint. */
  readonly name: string;
  /** Bump when the schema or the handling changes: the read model is then rebuilt at start-up. */
  readonly version: number;
  /** The tables it owns, dropped on rebuild. */
  readonly tables: readonly string[];
  /** DDL creating those tables and their indexes. */
  readonly schema: string;
  /** Prepares its statements against the read-model database and returns its event handler. */
  bind(db: Database.Database): ProjectionHandler;
  /**
   * Optional: prepares a handler of whole batches, for a read model that gains from seeing a batch
   * at once (the Merkle log hashes a batch's leaves in one append). The runner prefers it to
   * `bind`; both give the same rows.
   */
  bindBatch?(db: Database.Database): BatchHandler;
}
