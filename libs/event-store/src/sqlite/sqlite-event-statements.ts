import type Database from 'better-sqlite3';
import type { ChainedEvent, StreamTail } from '../append-rules';
import { CorruptedStoreError } from '../errors';
import type { ReadAllFilter } from '../event-store.port';
import { hashEvent } from '../hashing/event-hash';
import type { EventMetadata, JsonObject, RecordedEvent } from '../recorded-event';
import { asCorruptedStoreError } from './sqlite-damage-checks';
import { rowChecksum, type StoredText, storedTextOf } from './sqlite-row-checksum';

/**
 * A row as read, an array in `COLUMNS` order (better-sqlite3's raw mode: no object per row); the
 * checksum is null in rows written before the store kept checksums.
 */
type EventRow = [position: bigint, ...text: StoredText, checksum: bigint | null];

export interface EventPage {
  readonly events: RecordedEvent[];
  /** True when the page hit its limit, so more may follow at once. */
  readonly full: boolean;
  /** The position the next page starts after. */
  readonly scannedUpTo: bigint;
}

const COLUMNS = 'position, id, stream, revision, type, data, metadata, prev_hash, hash, checksum';

/**
 * The prepared SQL of the SQLite store; integers are read as bigint so nothing loses precision,
 * rows as arrays. Every event row read is checked against its checksum (older rows: their hash)
 * before it is served: SQLite has no page checksums, so this is where a damaged row is caught
 * instead of being handed out (or chained to).
 */
export class SqliteEventStatements {
  private readonly head;
  private readonly tail;
  private readonly byIds;
  private readonly atPositions;
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
      .prepare(`SELECT ${COLUMNS} FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1`)
      .raw(true)
      .safeIntegers(true);
    this.byIds = db
      .prepare(
        `SELECT ${COLUMNS} FROM events WHERE id IN (SELECT value FROM json_each(?)) ORDER BY position`,
      )
      .raw(true)
      .safeIntegers(true);
    this.atPositions = db
      .prepare(
        `SELECT ${COLUMNS} FROM events WHERE position IN (SELECT value FROM json_each(?)) ORDER BY position`,
      )
      .raw(true)
      .safeIntegers(true);
    this.forwards = db
      .prepare(
        `SELECT ${COLUMNS} FROM events WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?`,
      )
      .raw(true)
      .safeIntegers(true);
    this.backwards = db
      .prepare(
        `SELECT ${COLUMNS} FROM events WHERE stream = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
      )
      .raw(true)
      .safeIntegers(true);
    this.backwardsFromEnd = db
      .prepare(`SELECT ${COLUMNS} FROM events WHERE stream = ? ORDER BY revision DESC LIMIT ?`)
      .raw(true)
      .safeIntegers(true);
    this.insertRow = db.prepare(
      `INSERT INTO events (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  headPosition(): bigint {
    return (this.head.get() as { head: bigint }).head;
  }

  /** The stream's last event, verified: a new event is chained to its hash. */
  streamTail(stream: string): StreamTail | undefined {
    const row = this.read(() => this.tail.get(stream) as EventRow | undefined);
    if (row === undefined) return undefined;
    const { revision, hash } = this.verified(row);
    return { revision, hash };
  }

  eventsWithIds(ids: readonly string[]): RecordedEvent[] {
    return this.events(() => this.byIds.all(JSON.stringify(ids)));
  }

  eventsAt(positions: readonly bigint[]): RecordedEvent[] {
    // JSON has no bigint: the positions are written as the integers they are.
    return this.events(() => this.atPositions.all(`[${positions.join(',')}]`));
  }

  streamPageForwards(stream: string, fromRevision: bigint, limit: number): RecordedEvent[] {
    return this.events(() => this.forwards.all(stream, fromRevision, limit));
  }

  streamPageBackwards(
    stream: string,
    fromRevision: bigint | undefined,
    limit: number,
  ): RecordedEvent[] {
    return this.events(() =>
      fromRevision === undefined
        ? this.backwardsFromEnd.all(stream, limit)
        : this.backwards.all(stream, fromRevision, limit),
    );
  }

  logPage(after: bigint, upTo: bigint, limit: number, filter: ReadAllFilter = {}): RecordedEvent[] {
    const types = filter.eventTypes ?? [];
    const prefixes = filter.streamPrefixes ?? [];
    return this.events(() =>
      this.logPageStatement(types.length, prefixes.length).all(
        after,
        upTo,
        ...types,
        ...prefixes.flatMap((prefix) => [prefix.length, prefix]),
        limit,
      ),
    );
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
        .raw(true)
        .safeIntegers(true);
      this.logPages.set(key, statement);
    }
    return statement;
  }

  /** Writes the event with its data and metadata as the canonical JSON that was hashed. */
  insert(event: ChainedEvent, position: bigint): void {
    const text = storedTextOf(event);
    this.insertRow.run(position, ...text, rowChecksum(text));
  }

  private events(query: () => unknown[]): RecordedEvent[] {
    return (this.read(query) as EventRow[]).map((row) => this.verified(row));
  }

  /** Runs a query, reporting a page SQLite finds damaged as a CorruptedStoreError. */
  private read<T>(query: () => T): T {
    try {
      return query();
    } catch (error) {
      throw asCorruptedStoreError(error, this.db.name);
    }
  }

  /**
   * The row as an event, once it is intact (see `intact`) and its data and metadata parse: a
   * damaged row is refused, naming where it is, never served.
   */
  private verified(row: EventRow): RecordedEvent {
    const [position, id, stream, revision, type, data, metadata, prevHash, hash, checksum] = row;
    if (!intact(row)) {
      throw this.damaged(
        row,
        checksum === null
          ? 'its stored hash does not match its content'
          : 'its stored text does not match its checksum',
      );
    }
    const parsedData = parseObject(data);
    if (parsedData === undefined) throw this.damaged(row, 'its data is not a JSON object');
    const parsedMetadata = parseObject(metadata);
    if (parsedMetadata === undefined) throw this.damaged(row, 'its metadata is not a JSON object');
    return {
      id,
      stream,
      revision,
      position,
      type,
      data: parsedData,
      metadata: parsedMetadata as unknown as EventMetadata,
      prevHash,
      hash,
    };
  }

  private damaged([position, , stream, revision]: EventRow, what: string): CorruptedStoreError {
    return new CorruptedStoreError(
      `${this.db.name}: event at position ${position} (stream ${stream}, revision ${revision}) is damaged: ${what}`,
    );
  }
}

/**
 * Whether the row is as written: its checksum matches its text, or, for a row written before the
 * store kept checksums, its hash matches its content.
 */
function intact(row: EventRow): boolean {
  const [, id, stream, revision, type, data, metadata, prevHash, hash, checksum] = row;
  if (checksum !== null) {
    return (
      BigInt(rowChecksum([id, stream, revision, type, data, metadata, prevHash, hash])) === checksum
    );
  }
  try {
    return (
      hashEvent({
        id,
        stream,
        revision,
        type,
        data: JSON.parse(data) as JsonObject,
        metadata: JSON.parse(metadata) as EventMetadata,
        prevHash,
      }) === hash
    );
  } catch {
    return false; // not even JSON, or not canonicalisable: not what was hashed
  }
}

/** The JSON object the text holds, or `undefined` when it holds none. */
function parseObject(json: string): JsonObject | undefined {
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as JsonObject)
      : undefined;
  } catch {
    return undefined;
  }
}
