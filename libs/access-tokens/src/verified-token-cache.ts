import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { VerifiedAccessToken } from './access-token-verifier';

/** Tokens remembered at most: about 1 kB each. */
const MAX_TOKENS = 10_000;
/**
 * How long a verification is trusted at most, whatever the token's expiry: a key an OpenID
 * provider withdraws from its key set stops being honoured within this time.
 */
const MAX_TRUST_MS = 5 * 60_000;

interface Entry {
  readonly verified: VerifiedAccessToken;
  /** When the token expires (its `exp` and the clock tolerance), or the trust ends, in ms. */
  readonly until: number;
}

/**
 * Tokens verified recently, by the SHA-256 of the token: a client sending the same token again
 * (every request of a script or a session) skips its signature check — an Ed25519 verification is
 * the costliest step of a read — but never the expiry. Revocation is not the verifier's business:
 * the guard checks the token's id against the people directory on every request.
 */
export class VerifiedTokenCache {
  private readonly entries = new LRUCache<string, Entry>({ max: MAX_TOKENS });

  constructor(private readonly now: () => number = () => Date.now()) {}

  get(token: string): VerifiedAccessToken | undefined {
    const key = keyOf(token);
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (this.now() >= entry.until) {
      this.entries.delete(key);
      return undefined; // verified again, which refuses it as expired
    }
    return entry.verified;
  }

  /** Remembers a token that passed every check; `expiresAtMs` is its `exp` plus the tolerance. */
  remember(token: string, verified: VerifiedAccessToken, expiresAtMs: number): void {
    const until = Math.min(expiresAtMs, this.now() + MAX_TRUST_MS);
    this.entries.set(keyOf(token), { verified, until });
  }
}

function keyOf(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
