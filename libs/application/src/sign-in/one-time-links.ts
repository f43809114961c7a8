import type Database from 'better-sqlite3';
import { hashOfSecret, newSecretToken, SECRET_TOKEN } from './secret-tokens';

/** What a link lets its holder do once: accept an invitation, or set a new password. */
export type LinkPurpose = 'invitation' | 'password-reset';

export interface IssuedLink {
  /** The secret to put in the link: shown once, only its hash is kept. */
  readonly token: string;
  readonly expiresAt: string;
}

/**
 * Single-use links. A person has at most one live link per purpose: issuing another voids the
 * previous one, so that only the latest link given out works.
 */
export class OneTimeLinks {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  issue(purpose: LinkPurpose, personId: string, ttlHours: number): IssuedLink {
    const token = newSecretToken();
    const now = this.now();
    const expiresAt = new Date(now.getTime() + ttlHours * 3_600_000).toISOString();
    this.db.transaction(() => {
      this.db
        .prepare('DELETE FROM links WHERE person_id = ? AND purpose = ?')
        .run(personId, purpose);
      this.db
        .prepare(
          `INSERT INTO links (token_hash, purpose, person_id, created_at, expires_at)
           VALUES (?, ?, ?, ?, ?)`,
        )
        .run(hashOfSecret(token), purpose, personId, now.toISOString(), expiresAt);
    })();
    return { token, expiresAt };
  }

  /** The person a live link of this purpose is for, without using it up. */
  peek(purpose: LinkPurpose, token: string): { personId: string; expiresAt: string } | undefined {
    if (!SECRET_TOKEN.test(token)) return undefined;
    const row = this.db
      .prepare('SELECT person_id, expires_at FROM links WHERE token_hash = ? AND purpose = ?')
      .get(hashOfSecret(token), purpose) as { person_id: string; expires_at: string } | undefined;
    if (!row || row.expires_at <= this.now().toISOString()) return undefined;
    return { personId: row.person_id, expiresAt: row.expires_at };
  }

  /** Uses the link up: the person it was for, once; undefined when unknown, used or expired. */
  consume(purpose: LinkPurpose, token: string): string | undefined {
    const live = this.peek(purpose, token);
    if (!live) return undefined;
    const deleted = this.db
      .prepare('DELETE FROM links WHERE token_hash = ?')
      .run(hashOfSecret(token)).changes;
    // Two requests racing with one link: only the one that deleted it may use it.
    return deleted === 1 ? live.personId : undefined;
  }

  /** Voids every link of a person (suspended, removed). */
  voidAllOf(personId: string): void {
    this.db.prepare('DELETE FROM links WHERE person_id = ?').run(personId);
  }
}
