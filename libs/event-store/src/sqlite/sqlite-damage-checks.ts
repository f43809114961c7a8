import { closeSync, openSync, readSync } from 'node:fs';
import Database from 'better-sqlite3';
import { CorruptedStoreError } from '../errors';

/**
 * The checks that keep a damaged event store file from being served. SQLite keeps no page
 * checksums (only the WAL's frames have them, and a torn WAL tail is simply not replayed), so a
 * damaged database file would otherwise open and serve whatever it holds, or fail later with an
 * error that does not say the file is damaged. The torn-files suite garbles every part of a
 * store file to hold these checks to that.
 */

/** How many of `integrity_check`'s findings an error names: the first few say what is wrong. */
const FINDINGS_NAMED = 5;
const HEADER_SIZE = 100;
const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * A SQLite error that means the file is damaged, as a CorruptedStoreError naming the file; any
 * other error as it is. SQLite reports damage it finds while reading as SQLITE_CORRUPT (a page
 * that does not parse) or SQLITE_NOTADB (a garbled header).
 */
export function asCorruptedStoreError(error: unknown, file: string): unknown {
  if (/^SQLITE_(CORRUPT|NOTADB)/.test(sqliteErrorCode(error) ?? '')) {
    const { message } = error as { message: string };
    return new CorruptedStoreError(`${file}: the database file is damaged: ${message}`, {
      cause: error,
    });
  }
  return error;
}

/**
 * The result code of an error better-sqlite3 threw (`SQLITE_CORRUPT`…), else `undefined`. By
 * name, not `instanceof Database.SqliteError`: the native addon keeps the error class of the
 * first module registry that loaded it, so under Jest (a registry per test file, one addon per
 * worker) its errors are instances of another file's class.
 */
export function sqliteErrorCode(error: unknown): string | undefined {
  // Not even `instanceof Error`: that class, too, may come from another Jest context.
  if (typeof error !== 'object' || error === null) return undefined;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return name === 'SqliteError' && typeof code === 'string' ? code : undefined;
}

/**
 * The fields of the 100-byte file header that SQLite checks itself, checked first so that their
 * damage is named: SQLite would report it as a read-only database or an unsupported format.
 * Only fields that hold from the database's creation on: the file's page 1 may be older than the
 * one in the WAL. A missing or empty file is a new store.
 */
export function assertHeaderIntact(file: string): void {
  const header = readHeader(file);
  if (header === undefined) return;
  if (header.length < HEADER_SIZE) {
    throw new CorruptedStoreError(
      `${file}: the database file is damaged: it is ${header.length} bytes long, shorter than its header`,
    );
  }
  const pageSize = header.readUInt16BE(16);
  const problems = [
    !header.subarray(0, MAGIC.length).equals(MAGIC) &&
      'its header does not start "SQLite format 3"',
    !(pageSize === 1 || (pageSize >= 512 && (pageSize & (pageSize - 1)) === 0)) &&
      `its header gives a page size of ${pageSize}`,
    ![1, 2].includes(header[18]) && `its header gives a write version of ${header[18]}`,
    ![1, 2].includes(header[19]) && `its header gives a read version of ${header[19]}`,
    (header[21] !== 64 || header[22] !== 32 || header[23] !== 32) &&
      `its header gives payload fractions ${header[21]}/${header[22]}/${header[23]}`,
    // 0 until the first table is created: in WAL mode the file's own page 1 keeps the header of
    // the empty database until a checkpoint copies the newer page 1 back from the WAL.
    ![0, 1, 2, 3, 4].includes(header.readUInt32BE(44)) &&
      `its header gives schema format ${header.readUInt32BE(44)}`,
  ].filter((problem): problem is string => typeof problem === 'string');
  if (problems.length > 0) {
    throw new CorruptedStoreError(`${file}: the database file is damaged: ${problems[0]}`);
  }
}

function readHeader(file: string): Buffer | undefined {
  let descriptor: number;
  try {
    descriptor = openSync(file, 'r');
  } catch {
    return undefined; // not there yet: SQLite creates it, and reports any other trouble itself
  }
  try {
    const header = Buffer.alloc(HEADER_SIZE);
    const length = readSync(descriptor, header, 0, HEADER_SIZE, 0);
    return length === 0 ? undefined : header.subarray(0, length);
  } finally {
    closeSync(descriptor);
  }
}

/** What a whole-file structure check reads: SQLite's findings, and the log's count and head. */
export interface StructureFindings {
  readonly integrity: readonly string[];
  readonly events: number;
  readonly head: number;
}

/**
 * The statements of the whole-file check, shared with the background check's worker thread.
 * `PRAGMA integrity_check`: every page parses, keys are in order, and every index holds exactly
 * the rows of its table. `quick_check` leaves that last part out, and the torn-files suite shows
 * why it matters: a garbled page of the (stream, revision) index passes it, and a stream is then
 * read short, silently, and could be appended to at a revision it already has. The cost is one
 * pass over the file and its indexes, about 0.8 s per 100k events. Positions are assigned 1, 2,
 * 3… and never reused, so the head equals the number of events: a damaged rowid that stays in key
 * order passes integrity_check and is not covered by any event hash, and the count catches it.
 */
export const STRUCTURE_CHECK = {
  integrity: 'integrity_check',
  countAndHead: 'SELECT COUNT(*) AS events, COALESCE(MAX(position), 0) AS head FROM events',
} as const;

export function structureFindingsOf(db: Database.Database): StructureFindings {
  const integrity = (db.pragma(STRUCTURE_CHECK.integrity) as { integrity_check: string }[]).map(
    (row) => row.integrity_check,
  );
  const tables = db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'events'").get();
  const { events, head } = tables
    ? (db.prepare(STRUCTURE_CHECK.countAndHead).get() as { events: number; head: number })
    : { events: 0, head: 0 };
  return { integrity, events, head };
}

/** The damage the findings show, as the error that refuses the file; none when sound. */
export function structureDamage(
  { integrity, events, head }: StructureFindings,
  file: string,
): CorruptedStoreError | undefined {
  if (integrity.length !== 1 || integrity[0] !== 'ok') {
    const named = integrity.slice(0, FINDINGS_NAMED).join('; ');
    const more =
      integrity.length > FINDINGS_NAMED ? ` (and ${integrity.length - FINDINGS_NAMED} more)` : '';
    return new CorruptedStoreError(`${file}: PRAGMA integrity_check found damage: ${named}${more}`);
  }
  if (events !== head) {
    return new CorruptedStoreError(
      `${file}: positions are not gap-free: ${events} events but the last is at position ${head}`,
    );
  }
  return undefined;
}

/** The whole-file check, here and now: throws the damage it finds. */
export function assertStructureSound(db: Database.Database, file: string): void {
  const damage = structureDamage(structureFindingsOf(db), file);
  if (damage) throw damage;
}

/**
 * The schema must be exactly what the migrations its `user_version` counts create: a garbled
 * column name in the stored SQL, or a garbled version, would otherwise surface as "no such
 * column" or "table already exists", which do not say the file is damaged.
 */
export function assertSchemaMatches(
  db: Database.Database,
  file: string,
  migrations: readonly string[],
): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  const expected = new Database(':memory:');
  try {
    migrations.slice(0, version).forEach((sql) => expected.exec(sql));
    const want = schemaOf(expected);
    const have = schemaOf(db);
    const differs = [...want.keys(), ...have.keys()].find(
      (name) => want.get(name) !== have.get(name),
    );
    if (differs !== undefined) {
      throw new CorruptedStoreError(
        `${file}: the schema is damaged: ${differs} is not as schema version ${version} defines it`,
      );
    }
  } finally {
    expected.close();
  }
}

function schemaOf(db: Database.Database): Map<string, string> {
  const rows = db
    .prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name')
    .all() as { type: string; name: string; tbl_name: string; sql: string | null }[];
  return new Map(rows.map((row) => [`${row.type} ${row.name}`, JSON.stringify(row)]));
}
