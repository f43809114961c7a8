import type Database from 'better-sqlite3';
import type { StreamTail } from '../append-rules';
import { CorruptedStoreError } from '../errors';
import type { ReadAllFilter } from '../event-store.port';
import { hashEvent } from '../hashing/event-hash';
import type { EventMetadata, JsonObject, RecordedEvent } from '../recorded-event';
import { asCorruptedStoreError } from './sqlite-damage-checks';

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

/**
 * The prepared SQL of the SQLite store; integers are read as bigint so nothing loses precision.
 * Every event row read is checked against its own hash before it is served: SQLite has no page
 * checksums, so this is where a damaged row is caught instead of being handed out (or chained to).
 */
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
      .prepare(`SELECT ${COLUMNS} FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1`)
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

  /** The stream's last event, verified: a new event is chained to its hash. */
  streamTail(stream: string): StreamTail | undefined {
    const row = this.read(() => this.tail.get(stream) as EventRow | undefined);
    if (!row) return undefined;
    const { revision, hash } = this.verified(row);
    return { revision, hash };
  }

  eventsWithIds(ids: readonly string[]): RecordedEvent[] {
    return this.events(() => this.byIds.all(JSON.stringify(ids)));
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
   * The row as an event, once its data and metadata parse and its stored hash is the hash of its
   * content: a damaged row is refused, naming where it is, never served.
   */
  private verified(row: EventRow): RecordedEvent {
    const damaged = (what: string) =>
      new CorruptedStoreError(
        `${this.db.name}: event at position ${row.position} (stream ${row.stream}, revision ${row.revision}) is damaged: ${what}`,
      );
    const event: RecordedEvent = {
      id: row.id,
      stream: row.stream,
      revision: row.revision,
      position: row.position,
      type: row.type,
      data: parseObject(row.data, () => damaged('its data is not a JSON object')),
      metadata: parseObject(row.metadata, () =>
        damaged('its metadata is not a JSON object'),
      ) as unknown as EventMetadata,
      prevHash: row.prev_hash,
      hash: row.hash,
    };
    if (hashOf(event) !== row.hash) throw damaged('its stored hash does not match its content');
    return event;
  }
}

function parseObject(json: string, damaged: () => Error): JsonObject {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw damaged();
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw damaged();
  return value as JsonObject;
}

/** The hash of the event's content, or `undefined` when it cannot even be canonicalised. */
function hashOf(event: RecordedEvent): string | undefined {
  try {
    return hashEvent(event);
  } catch {
    return undefined;
  }
}
