import type Database from 'better-sqlite3';
import { hashOfSecret } from '../secret-tokens';
import type { OidcChecks } from './oidc-client';

/** A browser has this long to come back from the provider. */
const FLOW_MS = 10 * 60_000;

/** Redirects under way, by the hash of their state, until the browser comes back (once). */
export class OidcFlows {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => number = Date.now,
  ) {}

  begin(checks: OidcChecks, returnTo: string): void {
    const now = this.now();
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM oidc_flows WHERE expires_at <= ?').run(now);
      this.db
        .prepare(
          `INSERT INTO oidc_flows (state_hash, code_verifier, nonce, return_to, expires_at)
           VALUES (?, ?, ?, ?, ?)`,
        )
        .run(
          hashOfSecret(checks.state),
          checks.codeVerifier,
          checks.nonce,
          returnTo,
          now + FLOW_MS,
        );
    })();
  }

  /** The flow of this state, ended (a state is good once); undefined when unknown or too old. */
  end(state: string): (OidcChecks & { returnTo: string }) | undefined {
    const stateHash = hashOfSecret(state);
    const row = this.db
      .prepare(
        'SELECT code_verifier, nonce, return_to, expires_at FROM oidc_flows WHERE state_hash = ?',
      )
      .get(stateHash) as
      | { code_verifier: string; nonce: string; return_to: string; expires_at: number }
      | undefined;
    if (!row) return undefined;
    this.db.prepare('DELETE FROM oidc_flows WHERE state_hash = ?').run(stateHash);
    if (row.expires_at <= this.now()) return undefined;
    return { state, codeVerifier: row.code_verifier, nonce: row.nonce, returnTo: row.return_to };
  }
}
