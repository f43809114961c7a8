import Database from 'better-sqlite3';
import {
  type ChainedEvent,
  rowChecksum,
  SqliteEventStore,
  storedTextOf,
} from '@cohesion/event-store';

/** A chained event (with the canonical text it was hashed from) at its place in the log. */
export interface PositionedEvent extends ChainedEvent {
  readonly position: bigint;
}

type EventRow = [bigint, string, string, bigint, string, string, string, string, string, number];

/** Rows written per transaction. */
const ROWS_PER_TRANSACTION = 1_000;
const CACHE_KIB = 512 * 1024;

/**
 * Writes an already chained log straight into a SQLite event store file, many thousand rows per
 * transaction and without fsync: the store has no bulk import, and one durable append per
 * command would take minutes for a million events. The file is created by the store itself (its
 * schema and migrations); the store checks it (gap-free positions, integrity) whenever it opens
 * it, and checks every row against its checksum whenever it reads one.
 */
export class BulkLogWriter {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement;
  /** Rows as they are bound (strings and bigints): cheap for the garbage collector to keep. */
  private readonly pending: EventRow[] = [];
  private readonly writeRows: (rows: readonly EventRow[]) => void;

  private constructor(file: string) {
    this.db = new Database(file);
    // Nothing to recover if the generation dies: the file is simply generated again.
    this.db.pragma('synchronous = OFF');
    // Room for the unique indexes (event ids are random UUIDs) to stay in memory while they grow.
    this.db.pragma(`cache_size = -${CACHE_KIB}`);
    this.insert = this.db.prepare(
      `INSERT INTO events (position, id, stream, revision, type, data, metadata, prev_hash, hash, checksum)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.writeRows = this.db.transaction((rows: readonly EventRow[]) => {
      for (const row of rows) this.insert.run(row);
    });
  }

  /** A writer into a new store file (the store creates its schema). */
  static async create(file: string): Promise<BulkLogWriter> {
    await new SqliteEventStore({ file }).close();
    return new BulkLogWriter(file);
  }

  /** Stores the event as the store does: its canonical text, and that text's checksum. */
  write(event: PositionedEvent): void {
    const text = storedTextOf(event);
    this.pending.push([event.position, ...text, rowChecksum(text)]);
    if (this.pending.length >= ROWS_PER_TRANSACTION) this.flush();
  }

  /** Writes what is pending and folds the WAL into the file. */
  close(): void {
    this.flush();
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.close();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.writeRows(this.pending);
    this.pending.length = 0;
  }
}
