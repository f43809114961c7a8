import type Database from 'better-sqlite3';
import { hashOfSecret, newSecretToken, SECRET_TOKEN } from './secret-tokens';

/** How the person proved who they are when the session began. */
export type SignInMethod = 'password' | 'passkey' | 'oidc' | 'invitation';

export interface SessionTimeouts {
  readonly idleMs: number;
  readonly absoluteMs: number;
}

/** A live session (never its id: only the cookie holds that). */
export interface Session {
  readonly personId: string;
  /** Sent back by the client in a header on every write (CSRF). */
  readonly csrfToken: string;
  readonly method: SignInMethod;
  readonly createdAt: string;
  /** When it ends at the latest, however much it is used. */
  readonly expiresAt: string;
}

export interface StartedSession extends Session {
  /** The cookie's value: shown once; only its hash is kept. */
  readonly id: string;
}

interface SessionRow {
  readonly person_id: string;
  readonly csrf_token: string;
  readonly method: SignInMethod;
  readonly created_at: number;
  readonly last_seen_at: number;
  readonly expires_at: number;
}

/** Only so often is a session's last use written: a busy client would write on every request. */
const TOUCH_EVERY_MS = 60_000;

/** Server-side sessions, found by the hash of the cookie's value. */
export class Sessions {
  constructor(
    private readonly db: Database.Database,
    private readonly timeouts: SessionTimeouts,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * A new session for a person who just proved who they are; `replacing` (the session the
   * browser held before, if any) ends, so that a session id is never carried across a sign-in.
   */
  start(personId: string, method: SignInMethod, replacing?: string): StartedSession {
    const id = newSecretToken();
    const csrfToken = newSecretToken();
    const now = this.now();
    const expiresAt = now + this.timeouts.absoluteMs;
    this.db.transaction(() => {
      if (replacing !== undefined) this.end(replacing);
      this.db
        .prepare(
          `INSERT INTO sessions (id_hash, person_id, csrf_token, method, created_at, last_seen_at,
             expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(hashOfSecret(id), personId, csrfToken, method, now, now, expiresAt);
      this.db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now);
    })();
    return {
      id,
      personId,
      csrfToken,
      method,
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(expiresAt).toISOString(),
    };
  }

  /** The live session of this cookie value, its last use noted; undefined when over or unknown. */
  find(id: string): Session | undefined {
    if (!SECRET_TOKEN.test(id)) return undefined;
    const idHash = hashOfSecret(id);
    const row = this.db.prepare('SELECT * FROM sessions WHERE id_hash = ?').get(idHash) as
      | SessionRow
      | undefined;
    if (!row) return undefined;
    const now = this.now();
    if (row.expires_at <= now || row.last_seen_at + this.timeouts.idleMs <= now) {
      this.db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(idHash);
      return undefined;
    }
    if (now - row.last_seen_at >= TOUCH_EVERY_MS) {
      this.db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?').run(now, idHash);
    }
    return {
      personId: row.person_id,
      csrfToken: row.csrf_token,
      method: row.method,
      createdAt: new Date(row.created_at).toISOString(),
      expiresAt: new Date(row.expires_at).toISOString(),
    };
  }

  end(id: string): void {
    this.db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(hashOfSecret(id));
  }

  /** Signs a person out everywhere; answers how many sessions ended. */
  endAllOf(personId: string): number {
    return this.db.prepare('DELETE FROM sessions WHERE person_id = ?').run(personId).changes;
  }
}
