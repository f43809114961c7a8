import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

/** The first wait after the free attempts, doubling with each further failure, up to the cap. */
const FIRST_WAIT_MS = 1_000;
const LONGEST_WAIT_MS = 15 * 60_000;
/** An address may fail this many times more than one account before it waits too. */
const ADDRESS_FACTOR = 10;
/** Failures older than this are forgotten. */
const MEMORY_MS = 24 * 3_600_000;

/**
 * Backoff against password guessing, per account (the e-mail as typed, whether or not someone
 * has it, so that throttling tells nothing about who exists) and per client address: after the
 * free attempts, each attempt must wait a doubling delay after the last failure. A success
 * forgets the account's failures.
 */
export class SignInThrottle {
  constructor(
    private readonly db: Database.Database,
    private readonly freeAttempts: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds to wait before this attempt may be tried; 0 when it may go ahead now. */
  waitBefore(accountKey: string, address: string): number {
    return Math.max(
      this.waitOf(rowKey('account', accountKey), this.freeAttempts),
      this.waitOf(rowKey('address', address), this.freeAttempts * ADDRESS_FACTOR),
    );
  }

  failed(accountKey: string, address: string): void {
    const now = this.now();
    const record = this.db.prepare(
      `INSERT INTO sign_in_failures (key, failures, last_failed_at) VALUES (?, 1, ?)
       ON CONFLICT (key) DO UPDATE SET last_failed_at = excluded.last_failed_at,
         failures = CASE WHEN sign_in_failures.last_failed_at < ? THEN 1 ELSE failures + 1 END`,
    );
    this.db.transaction(() => {
      record.run(rowKey('account', accountKey), now, now - MEMORY_MS);
      record.run(rowKey('address', address), now, now - MEMORY_MS);
      this.db.prepare('DELETE FROM sign_in_failures WHERE last_failed_at < ?').run(now - MEMORY_MS);
    })();
  }

  succeeded(accountKey: string): void {
    this.db
      .prepare('DELETE FROM sign_in_failures WHERE key = ?')
      .run(rowKey('account', accountKey));
  }

  private waitOf(key: string, free: number): number {
    const row = this.db
      .prepare('SELECT failures, last_failed_at FROM sign_in_failures WHERE key = ?')
      .get(key) as { failures: number; last_failed_at: number } | undefined;
    if (!row || row.failures < free || row.last_failed_at < this.now() - MEMORY_MS) return 0;
    const wait = Math.min(FIRST_WAIT_MS * 2 ** (row.failures - free), LONGEST_WAIT_MS);
    return Math.max(0, row.last_failed_at + wait - this.now());
  }
}

/**
 * The row of an account or an address: a hash, so that the e-mails people typed and their
 * addresses (personal data) are not written in clear, not even for the day they are kept.
 */
function rowKey(kind: 'account' | 'address', value: string): string {
  return createHash('sha256').update(`${kind}:${value}`).digest('base64url');
}
