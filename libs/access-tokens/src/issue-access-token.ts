import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { claimProblems, PARTNER_ID_CLAIM, ROLES_CLAIM } from './access-token-claims';
import type { TokenTrust } from './token-trust';
import { parseTtl } from './ttl';
import type { SigningKey } from './signing-key';

export interface AccessTokenRequest {
  readonly sub: string;
  readonly roles: readonly string[];
  readonly partnerId?: string;
  /** `8h`, `15m`, `7d`… (see parseTtl), or seconds. */
  readonly ttl: string | number;
  /** The token's id (`jti`), when the caller records it (personal tokens); random otherwise. */
  readonly tokenId?: string;
}

/** The claims would not pass the ledger's own verification, so no token is signed. */
export class InvalidTokenRequestError extends Error {
  override readonly name = 'InvalidTokenRequestError';
}

/**
 * Signs an access token with the ledger's own key (EdDSA), for the configured issuer and
 * audience. The request is checked against the verifier's claim rules first: the ledger never
 * hands out a token it would refuse.
 */
export async function issueAccessToken(
  request: AccessTokenRequest,
  signer: TokenTrust & { readonly key: SigningKey; readonly now?: Date },
): Promise<string> {
  const ttlSeconds = typeof request.ttl === 'number' ? request.ttl : parseTtl(request.ttl);
  if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0) {
    throw new InvalidTokenRequestError('ttl must be a positive whole number of seconds');
  }
  const claims: Record<string, unknown> = {
    sub: request.sub,
    [ROLES_CLAIM]: [...request.roles],
    ...(request.partnerId !== undefined ? { [PARTNER_ID_CLAIM]: request.partnerId } : {}),
  };
  const problems = claimProblems(claims);
  if (problems.length > 0) throw new InvalidTokenRequestError(problems.join('; '));
  const now = Math.floor((signer.now ?? new Date()).getTime() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT', kid: signer.key.kid })
    .setIssuer(signer.issuer)
    .setAudience(signer.audience)
    .setIssuedAt(now)
    .setNotBefore(now)
    .setExpirationTime(now + ttlSeconds)
    .setJti(request.tokenId ?? randomUUID())
    .sign(signer.key.privateKey);
}
