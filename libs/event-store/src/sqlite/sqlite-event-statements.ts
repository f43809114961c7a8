import type Database from 'better-sqlite3';
import type { StreamTail } from '../append-rules';
import type { ReadAllFilter } from '../event-store.port';
import type { EventMetadata, JsonObject, RecordedEvent } from '../recorded-event';

interface EventRow {
  position: bigint;
  id: string;
  stream: string;
  revision: bigint;
  type: string;
  data: string;
  metadata: string;
  prev_hash: string;
  hash: string;
}

export interface EventPage {
  readonly events: RecordedEvent[];
  /** True when the page hit its limit, so more may follow at once. */
  readonly full: boolean;
  /** The position the next page starts after. */
  readonly scannedUpTo: bigint;
}

const COLUMNS = 'position, id, stream, revision, type, data, metadata, prev_hash, hash';

/** The prepared SQL of the SQLite store; integers are read as bigint so nothing loses precision. */
export class SqliteEventStatements {
  private readonly head;
  private readonly tail;
  private readonly byIds;
  private readonly forwards;
  private readonly backwards;
  private readonly backwardsFromEnd;
  private readonly insertRow;
  private readonly logPages = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {
    this.head = db
      .prepare('SELECT COALESCE(MAX(position), 0) AS head FROM events')
      .safeIntegers(true);
    this.tail = db
      .prepare('SELECT revision, hash FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1')
      .safeIntegers(true);
    this.byIds = db
      .prepare(
        `SELECT ${COLUMNS} FROM events WHERE id IN (SELECT value FROM json_each(?)) ORDER BY position`,
      )
      .safeIntegers(true);
    this.forwards = db
      .prepare(
        `SELECT ${COLUMNS} FROM events WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?`,
      )
      .safeIntegers(true);
    this.backwards = db
      .prepare(
        `SELECT ${COLUMNS} FROM events WHERE stream = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
      )
      .safeIntegers(true);
    this.backwardsFromEnd = db
      .prepare(`SELECT ${COLUMNS} FROM events WHERE stream = ? ORDER BY revision DESC LIMIT ?`)
      .safeIntegers(true);
    this.insertRow = db.prepare(
      `INSERT INTO events (${COLUMNS}) VALUES (@position, @id, @stream, @revision, @type, @data, @metadata, @prev_hash, @hash)`,
    );
  }

  headPosition(): bigint {
    return (this.head.get() as { head: bigint }).head;
  }

  streamTail(stream: string): StreamTail | undefined {
    return this.tail.get(stream) as StreamTail | undefined;
  }

  eventsWithIds(ids: readonly string[]): RecordedEvent[] {
    return (this.byIds.all(JSON.stringify(ids)) as EventRow[]).map(toRecordedEvent);
  }

  streamPageForwards(stream: string, fromRevision: bigint, limit: number): RecordedEvent[] {
    return (this.forwards.all(stream, fromRevision, limit) as EventRow[]).map(toRecordedEvent);
  }

  streamPageBackwards(
    stream: string,
    fromRevision: bigint | undefined,
    limit: number,
  ): RecordedEvent[] {
    const rows =
      fromRevision === undefined
        ? this.backwardsFromEnd.all(stream, limit)
        : this.backwards.all(stream, fromRevision, limit);
    return (rows as EventRow[]).map(toRecordedEvent);
  }

  logPage(after: bigint, upTo: bigint, limit: number, filter: ReadAllFilter = {}): RecordedEvent[] {
    const types = filter.eventTypes ?? [];
    const prefixes = filter.streamPrefixes ?? [];
    const rows = this.logPageStatement(types.length, prefixes.length).all(
      after,
      upTo,
      ...types,
      ...prefixes.flatMap((prefix) => [prefix.length, prefix]),
      limit,
    ) as EventRow[];
    return rows.map(toRecordedEvent);
  }

  private logPageStatement(typeCount: number, prefixCount: number): Database.Statement {
    const key = `${typeCount}/${prefixCount}`;
    let statement = this.logPages.get(key);
    if (!statement) {
      const conditions = ['position > ?', 'position <= ?'];
      if (typeCount > 0) conditions.push(`type IN (${Array(typeCount).fill('?').join(', ')})`);
      if (prefixCount > 0) {
        conditions.push(`(${Array(prefixCount).fill('substr(stream, 1, ?) = ?').join(' OR ')})`);
      }
      statement = this.db
        .prepare(
          `SELECT ${COLUMNS} FROM events WHERE ${conditions.join(' AND ')} ORDER BY position LIMIT ?`,
        )
        .safeIntegers(true);
      this.logPages.set(key, statement);
    }
    return statement;
  }

  insert(event: RecordedEvent): void {
    this.insertRow.run({
      position: event.position,
      id: event.id,
      stream: event.stream,
      revision: event.revision,
      type: event.type,
      data: JSON.stringify(event.data),
      metadata: JSON.stringify(event.metadata),
      prev_hash: event.prevHash,
      hash: event.hash,
    });
  }
}

function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.id,
    stream: row.stream,
    revision: row.revision,
    position: row.position,
    type: row.type,
    data: JSON.parse(row.data) as JsonObject,
    metadata: JSON.parse(row.metadata) as EventMetadata,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
