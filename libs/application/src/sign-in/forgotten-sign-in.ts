import type Database from 'better-sqlite3';

/** The identity database's tables that hold something of a person, by their person id. */
const PERSON_TABLES = ['passwords', 'passkeys', 'passkey_challenges', 'sessions', 'links'] as const;

/**
 * Forgets everything sign-in kept of a person (password hash, passkeys and their labels,
 * sessions, pending links): done when their personal data is erased. The database zeroes what
 * it deletes (`secure_delete`), so the rows leave no bytes behind once the WAL is checkpointed.
 */
export function forgetSignInOf(db: Database.Database, personId: string): number {
  return db.transaction(() =>
    PERSON_TABLES.reduce(
      (forgotten, table) =>
        forgotten + db.prepare(`DELETE FROM ${table} WHERE person_id = ?`).run(personId).changes,
      0,
    ),
  )();
}
