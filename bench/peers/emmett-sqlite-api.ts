/**
 * The part of @event-driven-io/emmett-sqlite 0.42 the benchmarks use, declared here because the
 * package lives in bench/node_modules, which CI never installs: the root type-check and lint must
 * pass without it. Checked against the package's dist/index.d.ts.
 */
const EMMETT_SQLITE_MODULE = '@event-driven-io/emmett-sqlite';

export interface EmmettConnection {
  close(): void;
  command(sql: string, values?: unknown[]): Promise<unknown>;
  querySingle<T>(sql: string, values?: unknown[]): Promise<T | null>;
}

export interface EmmettEvent {
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly metadata?: Record<string, unknown>;
}

export interface EmmettEventStore {
  appendToStream(
    streamName: string,
    events: EmmettEvent[],
    options?: { expectedStreamVersion?: bigint },
  ): Promise<{ nextExpectedStreamVersion: bigint; lastEventGlobalPosition: bigint }>;
  readStream(streamName: string): Promise<{ events: unknown[] }>;
  schema: { migrate(): Promise<void> };
}

export interface EmmettSqliteModule {
  sqliteConnection(options: { fileName: string }): EmmettConnection;
  getSQLiteEventStore(options: {
    fileName: string;
    connectionOptions?: { singleton: true; connection: EmmettConnection };
  }): EmmettEventStore;
  /** Its global read: events after a position, at most `batchSize`. */
  readMessagesBatch(
    connection: EmmettConnection,
    options: { after: bigint; batchSize: number },
  ): Promise<{ currentGlobalPosition: bigint; messages: unknown[]; areEventsLeft: boolean }>;
}

/** Loads the package from bench/node_modules (the name is a variable so tsc does not resolve it). */
export async function loadEmmettSqlite(): Promise<EmmettSqliteModule> {
  return (await import(EMMETT_SQLITE_MODULE)) as EmmettSqliteModule;
}
