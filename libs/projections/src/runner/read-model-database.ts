import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

/**
 * Opens the read-model database of this node: a SQLite file of its own, separate from the event
 * store (so it works the same over EventStoreDB). Derived data: WAL with synchronous NORMAL is
 * enough, since a lost tail is lost together with its checkpoint and simply re-applied.
 */
export function openReadModelDatabase(file: string): Database.Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  if (file !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.exec(`CREATE TABLE IF NOT EXISTS projection_checkpoints (
    name     TEXT    PRIMARY KEY,
    version  INTEGER NOT NULL,
    position INTEGER NOT NULL
  ) STRICT`);
  return db;
}
