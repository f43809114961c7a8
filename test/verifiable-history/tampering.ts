import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { hashEvent, type HashedContent, rowChecksum } from '@cohesion/event-store';

export const EVENTS_FILE = 'events.sqlite';

/**
 * A copy of a (closed) ledger's data directory, with every write-ahead log folded into its
 * database file: a byte of an event is then found at one place, in the file.
 */
export function copyOfDataDir(dataDir: string): string {
  const copy = mkdtempSync(join(tmpdir(), 'ledger-tampered-'));
  cpSync(dataDir, copy, { recursive: true });
  for (const file of [EVENTS_FILE, 'read-models.sqlite', 'tree-heads.sqlite']) {
    if (!existsSync(join(copy, file))) continue;
    const db = new Database(join(copy, file));
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
  }
  return copy;
}

export interface StoredEvent {
  readonly position: number;
  readonly stream: string;
  readonly revision: number;
  readonly data: string;
}

/** The one event whose stored data contains `needle`. */
export function eventContaining(dataDir: string, needle: string): StoredEvent {
  const db = new Database(join(dataDir, EVENTS_FILE), { readonly: true });
  try {
    const rows = db
      .prepare('SELECT position, stream, revision, data FROM events WHERE instr(data, ?) > 0')
      .all(needle) as StoredEvent[];
    if (rows.length !== 1) throw new Error(`${rows.length} events contain "${needle}"`);
    return rows[0];
  } finally {
    db.close();
  }
}

/** Changes one byte of the database file, where `needle` is stored (it must be there once). */
export function editOneByte(dataDir: string, needle: string, offsetInNeedle: number): void {
  const file = join(dataDir, EVENTS_FILE);
  const bytes = readFileSync(file);
  const at = bytes.indexOf(needle);
  if (at < 0 || bytes.indexOf(needle, at + 1) >= 0)
    throw new Error(`"${needle}" is not once in the file`);
  bytes[at + offsetInNeedle] ^= 0x01;
  writeFileSync(file, bytes);
}

interface Row {
  position: number;
  id: string;
  stream: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
  prev_hash: string;
  hash: string;
}

/**
 * What a dishonest operator would do: change one event's data and recompute the hash chain of
 * its stream from there, so that every stream still verifies on its own. Same number of events.
 */
export function rewriteEvent(dataDir: string, position: number, data: object): void {
  const db = new Database(join(dataDir, EVENTS_FILE));
  try {
    const target = db.prepare('SELECT * FROM events WHERE position = ?').get(position) as Row;
    const later = db
      .prepare('SELECT * FROM events WHERE stream = ? AND revision >= ? ORDER BY revision')
      .all(target.stream, target.revision) as Row[];
    const update = db.prepare(
      'UPDATE events SET data = ?, prev_hash = ?, hash = ?, checksum = ? WHERE id = ?',
    );
    let prevHash = target.prev_hash;
    for (const row of later) {
      const changed = row.id === target.id ? JSON.stringify(data) : row.data;
      const content: HashedContent = {
        id: row.id,
        stream: row.stream,
        revision: BigInt(row.revision),
        type: row.type,
        data: JSON.parse(changed) as HashedContent['data'],
        metadata: JSON.parse(row.metadata) as HashedContent['metadata'],
        prevHash,
      };
      const hash = hashEvent(content);
      // The row's checksum too: it guards against accidents, not against whoever holds the file.
      const checksum = rowChecksum([
        row.id,
        row.stream,
        BigInt(row.revision),
        row.type,
        changed,
        row.metadata,
        prevHash,
        hash,
      ]);
      update.run(changed, prevHash, hash, checksum, row.id);
      prevHash = hash;
    }
  } finally {
    db.close();
  }
}
