import type Database from 'better-sqlite3';

/** A registered passkey: its public key only (the private key never leaves the device). */
export interface StoredPasskey {
  readonly credentialId: string;
  readonly personId: string;
  readonly publicKey: Uint8Array<ArrayBuffer>;
  readonly counter: number;
  readonly transports: readonly string[];
  readonly label: string;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
}

export type ChallengePurpose = 'registration' | 'authentication';

/** A challenge is answered within this long, or not at all. */
const CHALLENGE_MS = 5 * 60_000;

interface PasskeyRow {
  readonly credential_id: string;
  readonly person_id: string;
  readonly public_key: Buffer;
  readonly counter: number;
  readonly transports: string;
  readonly label: string;
  readonly created_at: string;
  readonly last_used_at: string | null;
}

const passkeyOf = (row: PasskeyRow): StoredPasskey => ({
  credentialId: row.credential_id,
  personId: row.person_id,
  publicKey: Uint8Array.from(row.public_key),
  counter: row.counter,
  transports: JSON.parse(row.transports) as string[],
  label: row.label,
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
});

/** Passkeys and the challenges given out for them, in the identity database. */
export class PasskeyStore {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => number = Date.now,
  ) {}

  add(passkey: Omit<StoredPasskey, 'lastUsedAt' | 'createdAt'>): StoredPasskey {
    const createdAt = new Date(this.now()).toISOString();
    this.db
      .prepare(
        `INSERT INTO passkeys (credential_id, person_id, public_key, counter, transports, label,
           created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        passkey.credentialId,
        passkey.personId,
        Buffer.from(passkey.publicKey),
        passkey.counter,
        JSON.stringify(passkey.transports),
        passkey.label,
        createdAt,
      );
    return { ...passkey, createdAt, lastUsedAt: null };
  }

  find(credentialId: string): StoredPasskey | undefined {
    const row = this.db
      .prepare('SELECT * FROM passkeys WHERE credential_id = ?')
      .get(credentialId) as PasskeyRow | undefined;
    return row && passkeyOf(row);
  }

  of(personId: string): StoredPasskey[] {
    const rows = this.db
      .prepare('SELECT * FROM passkeys WHERE person_id = ? ORDER BY created_at')
      .all(personId) as PasskeyRow[];
    return rows.map(passkeyOf);
  }

  used(credentialId: string, counter: number): void {
    this.db
      .prepare('UPDATE passkeys SET counter = ?, last_used_at = ? WHERE credential_id = ?')
      .run(counter, new Date(this.now()).toISOString(), credentialId);
  }

  /** Whether the person had this passkey (now removed). */
  remove(personId: string, credentialId: string): boolean {
    return (
      this.db
        .prepare('DELETE FROM passkeys WHERE person_id = ? AND credential_id = ?')
        .run(personId, credentialId).changes === 1
    );
  }

  challenge(challenge: string, purpose: ChallengePurpose, personId?: string): void {
    const now = this.now();
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM passkey_challenges WHERE expires_at <= ?').run(now);
      this.db
        .prepare(
          'INSERT INTO passkey_challenges (challenge, purpose, person_id, expires_at) VALUES (?, ?, ?, ?)',
        )
        .run(challenge, purpose, personId ?? null, now + CHALLENGE_MS);
    })();
  }

  /** Uses a challenge up: whether it was given out for this purpose (and person), and is live. */
  takeChallenge(challenge: string, purpose: ChallengePurpose, personId?: string): boolean {
    const row = this.db
      .prepare('SELECT purpose, person_id, expires_at FROM passkey_challenges WHERE challenge = ?')
      .get(challenge) as
      | { purpose: string; person_id: string | null; expires_at: number }
      | undefined;
    if (!row) return false;
    this.db.prepare('DELETE FROM passkey_challenges WHERE challenge = ?').run(challenge);
    return (
      row.purpose === purpose && row.person_id === (personId ?? null) && row.expires_at > this.now()
    );
  }
}
