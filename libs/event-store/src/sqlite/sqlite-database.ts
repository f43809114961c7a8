import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { CorruptedStoreError } from '../errors';
import { takeCleanCloseMarker } from './sqlite-clean-close';
import {
  asCorruptedStoreError,
  assertHeaderIntact,
  assertSchemaMatches,
  assertStructureSound,
} from './sqlite-damage-checks';

/** `PRAGMA synchronous` value of FULL: every commit is fsynced before the append is acknowledged. */
const SYNCHRONOUS_FULL = 2;

/** Ordered schema migrations; `PRAGMA user_version` counts how many have been applied. Append only. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE events (
     position  INTEGER PRIMARY KEY,
     id        TEXT    NOT NULL UNIQUE,
     stream    TEXT    NOT NULL,
     revision  INTEGER NOT NULL,
     type      TEXT    NOT NULL,
     data      TEXT    NOT NULL,
     metadata  TEXT    NOT NULL,
     prev_hash TEXT    NOT NULL,
     hash      TEXT    NOT NULL,
     UNIQUE (stream, revision)
   ) STRICT;
   CREATE INDEX events_by_type ON events (type, position);`,
  // The CRC-32 of each row's stored text (see sqlite-row-checksum); rows written before carry none.
  `ALTER TABLE events ADD COLUMN checksum INTEGER;`,
];

export interface OpenedEventStoreDatabase {
  readonly db: Database.Database;
  /**
   * `checked`: the whole-file structure check ran before opening; `deferred`: the file was closed
   * cleanly and left alone since (see sqlite-clean-close), so the check is the caller's to run in
   * the background.
   */
  readonly structure: 'checked' | 'deferred';
}

/**
 * Opens (creating if needed) an event store database: WAL, synchronous FULL (checked, since this
 * build silently runs WAL at NORMAL, which can lose acknowledged commits on power loss), the file
 * checked for damage (see sqlite-damage-checks; every row is also checked against its checksum when
 * read), and the schema migrated to the latest version. A damaged file is refused with a
 * CorruptedStoreError naming the file and the damage, before anything is written to it. The
 * whole-file structure check, which grows with the file, runs here only for a file not closed
 * cleanly (after a crash, a copy or a restore); its header and schema are checked every time.
 */
export function openEventStoreDatabase(file: string): OpenedEventStoreDatabase {
  const inMemory = file === ':memory:';
  const closedCleanly = !inMemory && takeCleanCloseMarker(file);
  if (!inMemory) {
    mkdirSync(dirname(file), { recursive: true });
    assertHeaderIntact(file);
  }
  const db = new Database(file);
  try {
    if (!inMemory) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    const synchronous = db.pragma('synchronous', { simple: true }) as number;
    if (synchronous !== SYNCHRONOUS_FULL) {
      throw new CorruptedStoreError(`${file}: PRAGMA synchronous is ${synchronous}, expected FULL`);
    }
    if (!closedCleanly) assertStructureSound(db, file);
    assertNotNewer(db, file);
    assertSchemaMatches(db, file, MIGRATIONS);
    migrate(db);
    return { db, structure: closedCleanly ? 'deferred' : 'checked' };
  } catch (error) {
    db.close();
    throw asCorruptedStoreError(error, file);
  }
}

function assertNotNewer(db: Database.Database, file: string): void {
  const applied = db.pragma('user_version', { simple: true }) as number;
  if (applied > MIGRATIONS.length) {
    throw new CorruptedStoreError(
      `${file}: schema version ${applied} is newer than this program knows (${MIGRATIONS.length})`,
    );
  }
}

function migrate(db: Database.Database): void {
  const applied = db.pragma('user_version', { simple: true }) as number;
  db.transaction(() => {
    MIGRATIONS.slice(applied).forEach((sql) => db.exec(sql));
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  }).immediate();
}
