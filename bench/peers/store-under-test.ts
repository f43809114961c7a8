import type { NewEvent } from '@cohesion/event-store';

/** How many events the appender believes the stream holds (checked exactly), or `'any'` (no check). */
export type KnownLength = number | 'any';

/** The three systems measured side by side, as named in the tables. */
export const OURS = 'cohesion-ledger';
export const RAW = 'raw better-sqlite3';
export const EMMETT = 'emmett-sqlite';

/** One store as every store benchmark drives it; each system adapts its own API to this. */
export interface StoreUnderTest {
  /** Resolves once the events are durable (committed in WAL mode with synchronous=FULL). */
  append(stream: string, events: readonly NewEvent[], known: KnownLength): Promise<void>;
  /** Reads the stream to its end, data and metadata parsed; resolves with the number of events. */
  readStream(stream: string): Promise<number>;
  /** Reads the whole log in order, data and metadata parsed; resolves with the number of events. */
  readAll(): Promise<number>;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  /** A database file that does not exist yet. */
  readonly file: string;
  /** True when many appends will be in flight at once (each system's own way of handling that). */
  readonly concurrent: boolean;
}

export type OpenStore = (options: OpenStoreOptions) => Promise<StoreUnderTest>;
