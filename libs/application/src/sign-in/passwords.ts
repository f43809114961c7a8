import type Database from 'better-sqlite3';
import { hashPassword, verifyPassword } from './password-hashing';

/** The password hashes of people, by person id. */
export class Passwords {
  /** A hash of no one's password, checked when the e-mail is unknown, so both take as long. */
  private decoy?: Promise<string>;

  constructor(private readonly db: Database.Database) {}

  async set(personId: string, password: string): Promise<void> {
    const hash = await hashPassword(password);
    this.db
      .prepare(
        `INSERT INTO passwords (person_id, hash, set_at) VALUES (?, ?, ?)
         ON CONFLICT (person_id) DO UPDATE SET hash = excluded.hash, set_at = excluded.set_at`,
      )
      .run(personId, hash, new Date().toISOString());
  }

  /**
   * Whether `password` is this person's. Always derives one scrypt key, even for no person or a
   * person without a password, so that the answer's timing tells nothing about the account.
   */
  async check(personId: string | undefined, password: string): Promise<boolean> {
    const row =
      personId === undefined
        ? undefined
        : (this.db.prepare('SELECT hash FROM passwords WHERE person_id = ?').get(personId) as
            | { hash: string }
            | undefined);
    this.decoy ??= hashPassword('no one has this password, ever');
    const matches = await verifyPassword(password, row?.hash ?? (await this.decoy));
    return row !== undefined && matches;
  }
}
