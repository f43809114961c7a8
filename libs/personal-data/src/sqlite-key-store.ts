import { chmodSync, existsSync, mkdirSync, realpathSync } from 'node:fs';
import { randomBytes, type KeyObject } from 'node:crypto';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { LRUCache } from 'lru-cache';
import { decrypt, encrypt, type Encrypted, KEY_BYTES, keyFromBytes, NONCE_BYTES } from './aes-gcm';
import type { ErasedSubject, KeyLookup, KeyStore } from './key-store';
import { KeyStoreCorrupted, MasterKeyError } from './personal-data-errors';
import { assertSubjectId, type DataKey } from './sealed-value';

/** The key store's own file, beside the read models in the data directory by default. */
export const KEY_STORE_FILE = 'personal-data-keys.sqlite';
export const DEFAULT_KEY_CACHE_SIZE = 10_000;

export function keyStorePath(dataDir: string): string {
  return join(dataDir, KEY_STORE_FILE);
}

export interface SqliteKeyStoreOptions {
  /** How many unwrapped keys to keep in memory (least recently used forgotten first). */
  readonly cacheSize?: number;
}

/** Ordered schema migrations; `PRAGMA user_version` counts how many have been applied. Append only. */
const MIGRATIONS: readonly string[] = [
  // A destroyed key's row is deleted (secure_delete zeroes it); its tombstone, without key
  // material, says whose it was and when it went.
  `CREATE TABLE master_key_check (
     id     INTEGER PRIMARY KEY CHECK (id = 1),
     sealed BLOB    NOT NULL
   ) STRICT;
   CREATE TABLE data_keys (
     key_id  TEXT PRIMARY KEY,
     subject TEXT NOT NULL UNIQUE,
     wrapped BLOB NOT NULL
   ) STRICT;
   CREATE TABLE destroyed_keys (
     key_id       TEXT PRIMARY KEY,
     subject      TEXT NOT NULL,
     destroyed_at TEXT NOT NULL
   ) STRICT;
   CREATE INDEX destroyed_keys_by_subject ON destroyed_keys (subject);`,
];

const CHECK_PLAINTEXT = Buffer.from('cohesion-ledger personal-data key store', 'utf8');
const CHECK_ASSOCIATED_DATA = Buffer.from('cohesion-ledger/master-key-check/1', 'utf8');
const KEY_ID_BYTES = 16;

/**
 * How many erasures each key store file has seen in this process, so that every store open on
 * the file forgets the keys another one destroyed. Other processes cannot share the file: it lives
 * in the data directory, which one process holds at a time. (Asking SQLite instead, through
 * `PRAGMA data_version`, takes a file lock on every cached key and made opening three times slower.)
 */
const erasuresByFile = new Map<string, number>();

interface LiveKeyRow {
  readonly keyId: string;
  readonly subject: string;
  readonly wrapped: Buffer;
}

interface CachedKey {
  readonly subject: string;
  readonly key: DataKey;
}

/**
 * The embedded key store: its own SQLite file, so that destroying a key never touches the log.
 * Keys are stored wrapped (AES-256-GCM under the master key, bound to key id and subject), and
 * the file is written so that a destroyed key leaves no bytes behind: `secure_delete` zeroes
 * freed space, and the rollback journal (never a WAL, which would keep old pages until a
 * checkpoint) is deleted at each commit.
 */
export class SqliteKeyStore implements KeyStore {
  private readonly cache: LRUCache<string, CachedKey>;
  /** Each subject's current key, as `currentKey` last answered it (sealing asks it per field). */
  private readonly currentOf: LRUCache<string, DataKey>;
  /** Set while `transaction` runs: whether it began writing yet (keys are made lazily). */
  private batch: { begun: boolean } | undefined;
  private readonly statements: ReturnType<typeof prepareStatements>;
  private seenErasures: number;

  private constructor(
    private readonly db: Database.Database,
    private readonly file: string,
    /** The file however it was named (relative, through a link): what the stores on it share. */
    private readonly realFile: string,
    private readonly masterKey: KeyObject,
    cacheSize: number,
  ) {
    this.cache = new LRUCache({ max: cacheSize });
    this.currentOf = new LRUCache({ max: cacheSize });
    this.statements = prepareStatements(db);
    this.seenErasures = erasuresByFile.get(realFile) ?? 0;
  }

  /**
   * Opens (creating if needed) the key store in `file` (`:memory:` for tests). Refuses, with a
   * MasterKeyError, a master key other than the one the store was made with.
   */
  static open(
    file: string,
    masterKey: KeyObject,
    options: SqliteKeyStoreOptions = {},
  ): SqliteKeyStore {
    const onDisk = file !== ':memory:';
    const created = onDisk && !existsSync(file);
    if (onDisk) mkdirSync(dirname(file), { recursive: true });
    const db = new Database(file);
    try {
      // Wrapped keys are still key material: readable by the ledger's user only (SQLite gives
      // its journal the same mode), set before anything is written.
      if (created) chmodSync(file, 0o600);
      configure(db, file, onDisk);
      migrate(db, file);
      checkMasterKey(db, file, masterKey);
      const realFile = onDisk ? realpathSync(file) : file;
      const cacheSize = options.cacheSize ?? DEFAULT_KEY_CACHE_SIZE;
      return new SqliteKeyStore(db, file, realFile, masterKey, cacheSize);
    } catch (error) {
      db.close();
      throw asKeyStoreError(error, file);
    }
  }

  currentKey(subject: string): DataKey {
    assertSubjectId(subject);
    this.forgetKeysErasedElsewhere();
    const current = this.currentOf.get(subject) ?? this.liveKeyOf(subject) ?? this.made(subject);
    this.currentOf.set(subject, current);
    return current;
  }

  keyById(keyId: string): KeyLookup {
    this.forgetKeysErasedElsewhere();
    const cached = this.cache.get(keyId);
    if (cached !== undefined) return { state: 'open', key: cached.key, subject: cached.subject };
    const live = this.statements.liveById.get(keyId) as LiveKeyRow | undefined;
    if (live !== undefined) return { state: 'open', key: this.unwrap(live), subject: live.subject };
    const destroyed = this.statements.destroyedById.get(keyId) as
      | { readonly subject: string; readonly destroyedAt: string }
      | undefined;
    return destroyed === undefined ? { state: 'unknown' } : { state: 'destroyed', ...destroyed };
  }

  destroySubjectKeys(subject: string, at: Date): number {
    if (Number.isNaN(at.getTime())) throw new RangeError('An erasure needs a valid date');
    const destroyed = this.db
      .transaction(() => {
        this.statements.tombstone.run(at.toISOString(), subject);
        return this.statements.deleteLive.run(subject).changes;
      })
      .immediate();
    for (const [keyId, cached] of this.cache.entries())
      if (cached.subject === subject) this.cache.delete(keyId);
    this.currentOf.delete(subject);
    this.seenErasures = (erasuresByFile.get(this.realFile) ?? 0) + 1;
    erasuresByFile.set(this.realFile, this.seenErasures);
    return destroyed;
  }

  subjectOf(keyId: string): string | undefined {
    return this.statements.subjectOf.get({ keyId }) as string | undefined;
  }

  erasedSubjects(): readonly ErasedSubject[] {
    return this.statements.erased.all() as ErasedSubject[];
  }

  /**
   * Runs `work` in one transaction of the key store: the keys it creates are written together,
   * with one sync when it returns (generating a large ledger, a bulk import), and none of them is
   * durable before. Synchronous, like every call of the store.
   */
  transaction<T>(work: () => T): T {
    if (this.batch !== undefined || this.db.inTransaction) return work();
    const batch = { begun: false };
    this.batch = batch;
    try {
      const result = work();
      if (batch.begun) this.db.exec('COMMIT');
      return result;
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      // Keys made by the rolled-back work were cached as they were made: they exist no more.
      this.cache.clear();
      this.currentOf.clear();
      throw error;
    } finally {
      this.batch = undefined;
    }
  }

  close(): void {
    this.cache.clear();
    this.currentOf.clear();
    this.db.close();
  }

  /**
   * A new key for the subject: in its own transaction, or in the running batch's, begun by the
   * first key it makes (a batch that only reads keys writes nothing, and syncs nothing).
   */
  private made(subject: string): DataKey {
    const batch = this.batch;
    if (batch === undefined) {
      return this.db
        .transaction(() => this.liveKeyOf(subject) ?? this.createKey(subject))
        .immediate();
    }
    if (!batch.begun) {
      this.db.exec('BEGIN IMMEDIATE');
      batch.begun = true;
    }
    return this.liveKeyOf(subject) ?? this.createKey(subject);
  }

  private liveKeyOf(subject: string): DataKey | undefined {
    const row = this.statements.liveOf.get(subject) as LiveKeyRow | undefined;
    return row === undefined ? undefined : this.unwrap(row);
  }

  private createKey(subject: string): DataKey {
    const keyId = randomBytes(KEY_ID_BYTES).toString('base64url');
    const material = randomBytes(KEY_BYTES);
    const wrapped = pack(encrypt(this.masterKey, material, wrappingData(keyId, subject)));
    this.statements.insert.run(keyId, subject, wrapped);
    const key = { keyId, key: keyFromBytes(material) };
    this.cache.set(keyId, { subject, key });
    return key;
  }

  private unwrap({ keyId, subject, wrapped }: LiveKeyRow): DataKey {
    const cached = this.cache.get(keyId);
    if (cached !== undefined) return cached.key;
    const material = decrypt(this.masterKey, unpack(wrapped), wrappingData(keyId, subject));
    if (material === undefined) {
      throw new KeyStoreCorrupted(
        `${this.file}: key ${keyId} does not unwrap with the master key that opened the store: the file was damaged or edited`,
      );
    }
    const key = { keyId, key: keyFromBytes(material) };
    this.cache.set(keyId, { subject, key });
    return key;
  }

  private forgetKeysErasedElsewhere(): void {
    const erasures = erasuresByFile.get(this.realFile) ?? 0;
    if (erasures === this.seenErasures) return;
    this.cache.clear();
    this.currentOf.clear();
    this.seenErasures = erasures;
  }
}

function prepareStatements(db: Database.Database) {
  const liveKey = 'SELECT key_id AS keyId, subject, wrapped FROM data_keys';
  return {
    liveOf: db.prepare(`${liveKey} WHERE subject = ?`),
    liveById: db.prepare(`${liveKey} WHERE key_id = ?`),
    destroyedById: db.prepare(
      'SELECT subject, destroyed_at AS destroyedAt FROM destroyed_keys WHERE key_id = ?',
    ),
    insert: db.prepare('INSERT INTO data_keys (key_id, subject, wrapped) VALUES (?, ?, ?)'),
    tombstone: db.prepare(
      `INSERT INTO destroyed_keys (key_id, subject, destroyed_at)
       SELECT key_id, subject, ? FROM data_keys WHERE subject = ?`,
    ),
    deleteLive: db.prepare('DELETE FROM data_keys WHERE subject = ?'),
    subjectOf: db
      .prepare(
        `SELECT subject FROM data_keys WHERE key_id = @keyId
         UNION ALL SELECT subject FROM destroyed_keys WHERE key_id = @keyId`,
      )
      .pluck(),
    erased: db.prepare(
      `SELECT subject, MAX(destroyed_at) AS destroyedAt FROM destroyed_keys
        GROUP BY subject ORDER BY destroyedAt, subject`,
    ),
  };
}

function configure(db: Database.Database, file: string, onDisk: boolean): void {
  db.pragma('busy_timeout = 5000');
  const journal = db.pragma('journal_mode = DELETE', { simple: true }) as string;
  if (journal !== (onDisk ? 'delete' : 'memory')) {
    throw new KeyStoreCorrupted(
      `${file}: the journal mode stays ${journal} (another program holds the file in WAL mode?); the key store needs DELETE`,
    );
  }
  db.pragma('secure_delete = ON');
  db.pragma('synchronous = FULL');
  if (db.pragma('secure_delete', { simple: true }) !== 1) {
    throw new KeyStoreCorrupted(`${file}: this SQLite build refuses secure_delete`);
  }
}

function migrate(db: Database.Database, file: string): void {
  db.transaction(() => {
    const applied = db.pragma('user_version', { simple: true }) as number;
    if (applied > MIGRATIONS.length) {
      throw new KeyStoreCorrupted(
        `${file}: schema version ${applied} is newer than this program knows (${MIGRATIONS.length})`,
      );
    }
    if (applied === MIGRATIONS.length) return;
    MIGRATIONS.slice(applied).forEach((sql) => db.exec(sql));
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  }).immediate();
}

/** A master key other than the store's is refused here, at open, rather than at the first key. */
function checkMasterKey(db: Database.Database, file: string, masterKey: KeyObject): void {
  db.transaction(() => {
    const check = db.prepare('SELECT sealed FROM master_key_check WHERE id = 1').pluck().get() as
      | Buffer
      | undefined;
    if (check === undefined) {
      const keys = db.prepare('SELECT COUNT(*) FROM data_keys').pluck().get() as number;
      if (keys > 0) throw new KeyStoreCorrupted(`${file}: the master key's check value is missing`);
      const sealed = pack(encrypt(masterKey, CHECK_PLAINTEXT, CHECK_ASSOCIATED_DATA));
      db.prepare('INSERT INTO master_key_check (id, sealed) VALUES (1, ?)').run(sealed);
      return;
    }
    const opened = decrypt(masterKey, unpack(check), CHECK_ASSOCIATED_DATA);
    if (opened === undefined || !opened.equals(CHECK_PLAINTEXT)) {
      throw new MasterKeyError(
        'wrong-master-key',
        `${file} was made with another master key: start with the master key it was made with (LEDGER_MASTER_KEY, LEDGER_MASTER_KEY_FILE or master.key)`,
      );
    }
  }).immediate();
}

/** Binds a wrapped key to its key id and subject: a row edited to another does not unwrap. */
function wrappingData(keyId: string, subject: string): Buffer {
  return Buffer.from(JSON.stringify(['cohesion-ledger/data-key/1', keyId, subject]), 'utf8');
}

function pack({ nonce, data }: Encrypted): Buffer {
  return Buffer.concat([nonce, data]);
}

function unpack(blob: Buffer): Encrypted {
  return { nonce: blob.subarray(0, NONCE_BYTES), data: blob.subarray(NONCE_BYTES) };
}

/** SQLite's own word for a damaged or foreign file, turned into the store's error. */
function asKeyStoreError(error: unknown, file: string): unknown {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code)) {
    return new KeyStoreCorrupted(`${file} is not a readable key store (${code})`);
  }
  return error;
}
