import Database from 'better-sqlite3';
import { type NewEvent, SqliteEventStore } from '@cohesion/event-store';
import { type KnownLength, type OpenStore } from './store-under-test';

/** Raw does not chain: it stores a hash-sized constant where the ledger stores its hashes. */
const PLACEHOLDER_HASH = 'f'.repeat(64);

const SYNCHRONOUS_FULL = 2;

/** A row as read: its JSON columns are text until parsed. */
type StoredEvent = { readonly data: string; readonly metadata: string } & Record<string, unknown>;

interface PendingAppend {
  readonly stream: string;
  readonly events: readonly NewEvent[];
  readonly known: KnownLength;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

/**
 * The floor: better-sqlite3 with no layer of ours, WAL and synchronous=FULL. An append reads the
 * stream's last revision, checks the expected length, and inserts the rows with JSON.stringify'd
 * data and metadata (recordedAt added), in one IMMEDIATE transaction. When `concurrent`, appends
 * that arrive while others wait are grouped: one transaction (one fsync) per batch of waiting
 * appends, each append still checked on its own (a failed check inserts nothing and fails only
 * that append). No hashing, no idempotency lookup, no validation. The table is the ledger's own
 * (columns, constraints, index), created by opening our store on the file once, so that a row
 * costs raw what it costs us to store.
 */
export const openRawSqliteStore: OpenStore = async ({ file, concurrent }) => {
  await new SqliteEventStore({ file }).close();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  if (db.pragma('synchronous', { simple: true }) !== SYNCHRONOUS_FULL) {
    throw new Error(`${file}: synchronous is not FULL`);
  }
  const tail = db
    .prepare('SELECT revision FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1')
    .pluck();
  const insert = db.prepare(
    'INSERT INTO events (id, stream, revision, type, data, metadata, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const streamRows = db.prepare(
    'SELECT position, id, stream, revision, type, data, metadata FROM events WHERE stream = ? ORDER BY revision',
  );
  const logRows = db.prepare(
    'SELECT position, id, stream, revision, type, data, metadata FROM events ORDER BY position',
  );

  function insertAppend(stream: string, events: readonly NewEvent[], known: KnownLength): void {
    const last = tail.get(stream) as number | undefined;
    const length = last === undefined ? 0 : last + 1;
    if (known !== 'any' && known !== length) {
      throw new Error(`${stream}: expected ${known} events, found ${length}`);
    }
    const recordedAt = new Date().toISOString();
    events.forEach((event, index) =>
      insert.run(
        event.id,
        stream,
        length + index,
        event.type,
        JSON.stringify(event.data),
        JSON.stringify({ ...event.metadata, recordedAt }),
        PLACEHOLDER_HASH,
        PLACEHOLDER_HASH,
      ),
    );
  }
  const appendAlone = db.transaction(insertAppend);
  const appendBatch = db.transaction((batch: readonly PendingAppend[]) =>
    batch.map((append) => {
      try {
        insertAppend(append.stream, append.events, append.known);
        return undefined;
      } catch (error) {
        return error as Error;
      }
    }),
  );

  let waiting: PendingAppend[] = [];
  function commitWaiting(): void {
    const batch = waiting;
    waiting = [];
    try {
      const failures = appendBatch.immediate(batch);
      batch.forEach((append, index) => {
        const failure = failures[index];
        if (failure) append.reject(failure);
        else append.resolve();
      });
    } catch (error) {
      batch.forEach((append) => append.reject(error as Error));
    }
  }

  return {
    append: (stream, events, known) =>
      concurrent
        ? new Promise<void>((resolve, reject) => {
            waiting.push({ stream, events, known, resolve, reject });
            if (waiting.length === 1) setImmediate(commitWaiting);
          })
        : new Promise<void>((resolve) => resolve(appendAlone.immediate(stream, events, known))),
    readStream: (stream) => Promise.resolve(parsedCount(streamRows.all(stream) as StoredEvent[])),
    readAll: () => Promise.resolve(parsedCount(logRows.iterate() as Iterable<StoredEvent>)),
    close: () => Promise.resolve(void db.close()),
  };
};

/** An event as a reader gets it: data and metadata parsed. */
function parsed(row: StoredEvent): Record<string, unknown> {
  return {
    ...row,
    data: JSON.parse(row.data) as unknown,
    metadata: JSON.parse(row.metadata) as unknown,
  };
}

function parsedCount(rows: Iterable<StoredEvent>): number {
  let count = 0;
  for (const row of rows) {
    parsed(row);
    count += 1;
  }
  return count;
}
