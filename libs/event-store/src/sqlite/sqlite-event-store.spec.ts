import { mkdtempSync, rmSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { CorruptedStoreError } from '../errors';
import { eventIdFor } from '../event-ids';
import type { NewEvent } from '../recorded-event';
import { openEventStoreDatabase } from './sqlite-database';
import { SqliteEventStore } from './sqlite-event-store';

const SYNCHRONOUS_FULL = 2;

function events(count: number, commandId: string): NewEvent[] {
  return Array.from({ length: count }, (_, index) => ({
    id: eventIdFor(commandId, index),
    type: 'Noted',
    data: { index },
    metadata: {
      actor: { sub: 'tester' },
      commandId,
      correlationId: commandId,
      causationId: commandId,
      schemaVersion: 1,
    },
  }));
}

describe('SQLite event store specifics', () => {
  let directory: string;
  let file: string;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'ledger-sqlite-'));
    file = join(directory, 'nested', 'data', 'events.sqlite');
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('creates the data directory and sets WAL with synchronous FULL, again after reopening an existing database', async () => {
    await new SqliteEventStore({ file }).close();
    const plain = new Database(file);
    const defaultSynchronous = plain.pragma('synchronous', { simple: true });
    plain.close();

    const { db: reopened } = openEventStoreDatabase(file);
    try {
      expect(reopened.pragma('synchronous', { simple: true })).toBe(SYNCHRONOUS_FULL);
      expect(reopened.pragma('journal_mode', { simple: true })).toBe('wal');
      // Documents why the pragma is set on every open: a plain connection does not run FULL.
      expect(defaultSynchronous).not.toBe(SYNCHRONOUS_FULL);
    } finally {
      reopened.close();
    }
  });

  it('assigns gap-free global positions, even around refused appends', async () => {
    const store = new SqliteEventStore({ file });
    await store.append('a', events(2, 'c1'), { expectedRevision: 'no_stream' });
    await expect(
      store.append('a', events(1, 'c2'), { expectedRevision: 'no_stream' }),
    ).rejects.toThrow();
    await store.append('b', events(3, 'c3'), { expectedRevision: 'no_stream' });
    const positions: bigint[] = [];
    for await (const event of store.readAll()) positions.push(event.position);
    await store.close();
    expect(positions).toEqual([1n, 2n, 3n, 4n, 5n]);
  });

  it('refuses to open a database whose schema is newer than this program', () => {
    openEventStoreDatabase(file).db.close();
    const plain = new Database(file);
    plain.pragma('user_version = 99');
    plain.close();
    expect(() => openEventStoreDatabase(file)).toThrow(CorruptedStoreError);
    expect(() => openEventStoreDatabase(file)).toThrow(/schema version 99 is newer/);
  });

  it('refuses storage constraints being bypassed: one event id, one (stream, revision)', () => {
    const { db } = openEventStoreDatabase(file);
    const insert = db.prepare(
      `INSERT INTO events (position, id, stream, revision, type, data, metadata, prev_hash, hash)
       VALUES (?, ?, ?, ?, 'T', '{}', '{}', '', '')`,
    );
    insert.run(1, 'id-1', 's', 0);
    expect(() => insert.run(2, 'id-1', 's', 1)).toThrow(/UNIQUE/);
    expect(() => insert.run(2, 'id-2', 's', 0)).toThrow(/UNIQUE/);
    db.close();
  });

  it('migrates a store written before rows carried checksums, and keeps checking its rows by hash', async () => {
    const store = new SqliteEventStore({ file });
    await store.append('early', events(2, 'c1'), { expectedRevision: 'no_stream' });
    await store.close();
    // As schema version 1 left it: no checksum column, every row checked by its hash.
    const plain = new Database(file);
    plain.exec('ALTER TABLE events DROP COLUMN checksum');
    plain.pragma('user_version = 1');
    plain.close();

    const reopened = new SqliteEventStore({ file });
    await reopened.append('early', events(1, 'c2'), { expectedRevision: 1n });
    const read: bigint[] = [];
    for await (const event of reopened.readStream('early')) read.push(event.revision);
    await reopened.close();
    expect(read).toEqual([0n, 1n, 2n]);
    const migrated = new Database(file, { readonly: true });
    const checksums = migrated
      .prepare('SELECT checksum IS NOT NULL AS kept FROM events ORDER BY position')
      .pluck()
      .all();
    expect(migrated.pragma('user_version', { simple: true })).toBe(2);
    migrated.close();
    expect(checksums).toEqual([0, 0, 1]);
  });

  it.each([10, 43, 99])(
    'refuses a file cut short to %i bytes, naming the damage',
    async (length) => {
      await new SqliteEventStore({ file }).close();
      truncateSync(file, length);
      expect(() => new SqliteEventStore({ file })).toThrow(CorruptedStoreError);
      expect(() => new SqliteEventStore({ file })).toThrow(
        `is ${length} bytes long, shorter than its header`,
      );
    },
  );

  it('completes live subscriptions when the store closes', async () => {
    const store = new SqliteEventStore({ file });
    const completed = new Promise<void>((resolve) =>
      store.subscribeToAll().subscribe({ complete: resolve }),
    );
    await store.close();
    await expect(completed).resolves.toBeUndefined();
  });
});
