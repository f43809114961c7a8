import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';

/**
 * The secrets of sign-in, which must never enter the immutable log: password hashes, passkey
 * credentials, sessions, invitation and reset links (their hashes), sign-in throttling and the
 * state of OpenID Connect redirects. Mutable and per node, beside the events, not a read model:
 * it cannot be rebuilt from the log (deleting it signs everyone out and forgets every password).
 */
export const IDENTITY_FILE = 'identity.sqlite';

export const identityDatabasePath = (dataDir: string): string => join(dataDir, IDENTITY_FILE);

/** Ordered migrations; `PRAGMA user_version` counts those applied. Append only. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE passwords (
     person_id  TEXT PRIMARY KEY,
     hash       TEXT NOT NULL,
     set_at     TEXT NOT NULL
   ) STRICT;
   CREATE TABLE links (
     token_hash TEXT PRIMARY KEY,
     purpose    TEXT NOT NULL,
     person_id  TEXT NOT NULL,
     created_at TEXT NOT NULL,
     expires_at TEXT NOT NULL
   ) STRICT;
   CREATE INDEX links_by_person ON links (person_id, purpose);
   CREATE TABLE sessions (
     id_hash      TEXT    PRIMARY KEY,
     person_id    TEXT    NOT NULL,
     csrf_token   TEXT    NOT NULL,
     method       TEXT    NOT NULL,
     created_at   INTEGER NOT NULL,
     last_seen_at INTEGER NOT NULL,
     expires_at   INTEGER NOT NULL
   ) STRICT;
   CREATE INDEX sessions_by_person ON sessions (person_id);
   CREATE TABLE sign_in_failures (
     key            TEXT    PRIMARY KEY,
     failures       INTEGER NOT NULL,
     last_failed_at INTEGER NOT NULL
   ) STRICT;
   CREATE TABLE oidc_flows (
     state_hash    TEXT    PRIMARY KEY,
     code_verifier TEXT    NOT NULL,
     nonce         TEXT    NOT NULL,
     return_to     TEXT    NOT NULL,
     expires_at    INTEGER NOT NULL
   ) STRICT;
   CREATE TABLE passkeys (
     credential_id TEXT    PRIMARY KEY,
     person_id     TEXT    NOT NULL,
     public_key    BLOB    NOT NULL,
     counter       INTEGER NOT NULL,
     transports    TEXT    NOT NULL,
     label         TEXT    NOT NULL,
     created_at    TEXT    NOT NULL,
     last_used_at  TEXT
   ) STRICT;
   CREATE INDEX passkeys_by_person ON passkeys (person_id);
   CREATE TABLE passkey_challenges (
     challenge  TEXT    PRIMARY KEY,
     purpose    TEXT    NOT NULL,
     person_id  TEXT,
     expires_at INTEGER NOT NULL
   ) STRICT;`,
];

/** Opens (creating and migrating) the identity database: WAL, synchronous FULL, owner-only. */
export function openIdentityDatabase(file: string): Database.Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const db = new Database(file);
  try {
    if (file !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    // What is deleted (an erased person's passkeys, expired sessions) is zeroed, not left behind.
    db.pragma('secure_delete = ON');
    db.pragma('busy_timeout = 5000');
    const applied = db.pragma('user_version', { simple: true }) as number;
    if (applied > MIGRATIONS.length) {
      throw new Error(`${file}: schema version ${applied} is newer than this program knows`);
    }
    db.transaction(() => {
      for (const migration of MIGRATIONS.slice(applied)) db.exec(migration);
      db.pragma(`user_version = ${MIGRATIONS.length}`);
    })();
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
