import { AccessTokenError, type AccessTokenFailure } from '@cohesion/access-tokens';

const REALM = 'cohesion-ledger';
const BEARER = /^Bearer +([A-Za-z0-9._~+/-]+=*) *$/i;

/** The token of an `Authorization: Bearer <token>` header (RFC 6750 §2.1). */
export function bearerToken(authorization: string): string {
  const match = BEARER.exec(authorization);
  if (!match) {
    throw new AccessTokenError(
      'malformed',
      'The Authorization header must be: Bearer <access token>',
    );
  }
  return match[1];
}

/**
 * The WWW-Authenticate challenge of a refusal (RFC 6750 §3). The description is fixed per reason:
 * the problem's detail may quote token contents, which have no place in a header.
 */
export function bearerChallenge(reason: AccessTokenFailure): string {
  // A request that sent no credentials gets no error code, only the scheme to use.
  if (reason === 'missing') return `Bearer realm="${REALM}"`;
  return `Bearer realm="${REALM}", error="invalid_token", error_description="${DESCRIPTIONS[reason]}"`;
}

const DESCRIPTIONS: Record<Exclude<AccessTokenFailure, 'missing'>, string> = {
  malformed: 'malformed token',
  expired: 'token expired',
  'not-yet-valid': 'token not valid yet',
  'wrong-issuer': 'untrusted issuer',
  'wrong-audience': 'wrong audience',
  'unsupported-algorithm': 'unsupported algorithm',
  'unknown-key': 'unknown signing key',
  'invalid-signature': 'invalid signature',
  'invalid-claims': 'invalid claims',
  revoked: 'token revoked or person not active',
  'session-expired': 'session expired',
};
