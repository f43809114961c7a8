import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  jwtVerify,
  type JWTVerifyGetKey,
} from 'jose';
import { type AccessTokenSubject, subjectOf } from './access-token-claims';
import { AccessTokenError, KeySetUnavailableError } from './access-token-error';
import type { SigningKey } from './signing-key';
import type { TokenTrust } from './token-trust';
import { VerifiedTokenCache } from './verified-token-cache';

/** A token that passed every check: whom it authenticates, and its id if it carries one. */
export interface VerifiedAccessToken {
  readonly subject: AccessTokenSubject;
  readonly tokenId?: string;
}

/**
 * Asymmetric algorithms only: `none` and the HS* family (where a public key could be misused as
 * an HMAC secret) are refused before any key is looked at.
 */
export const ACCEPTED_ALGORITHMS = ['EdDSA', 'ES256', 'RS256'] as const;

/** Clocks of the issuer and the ledger may disagree a little; exp and nbf allow this much. */
export const CLOCK_TOLERANCE_SECONDS = 30;

/** Longer than any real JWT; bounds the work done on garbage. */
const MAX_TOKEN_LENGTH = 8192;
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/**
 * Checks access tokens against one source of keys — the ledger's own public key or an OpenID
 * Connect provider's JWKS — and turns every failure into an AccessTokenError with a reason.
 */
export class AccessTokenVerifier {
  private readonly verified = new VerifiedTokenCache();

  private constructor(
    private readonly keys: JWTVerifyGetKey,
    private readonly trust: TokenTrust,
    /** Says where keys come from, for the start-up log. */
    readonly source: string,
  ) {}

  /** Trusts tokens signed by the ledger's own key (the CLI issues them). */
  static forSigningKey(key: SigningKey, trust: TokenTrust): AccessTokenVerifier {
    const keys = createLocalJWKSet({ keys: [key.publicJwk] });
    return new AccessTokenVerifier(keys, trust, `the local signing key ${key.kid}`);
  }

  /** Trusts tokens signed by any key of an external provider's JWKS (fetched and cached). */
  static forRemoteKeySet(url: string | URL, trust: TokenTrust): AccessTokenVerifier {
    const remote = createRemoteJWKSet(new URL(url));
    const keys: JWTVerifyGetKey = async (header, token) => {
      try {
        return await remote(header, token);
      } catch (error) {
        if (isUnknownKey(error)) throw error;
        throw new KeySetUnavailableError(
          `The key set at ${String(url)} could not be read: ${describe(error)}`,
        );
      }
    };
    return new AccessTokenVerifier(keys, trust, `the key set at ${String(url)}`);
  }

  async verify(token: string): Promise<AccessTokenSubject> {
    return (await this.verifyToken(token)).subject;
  }

  /** The token's subject, and its id (`jti`) when it has one, for revocation checks. */
  async verifyToken(token: string): Promise<VerifiedAccessToken> {
    if (token.length > MAX_TOKEN_LENGTH || !COMPACT_JWS.test(token)) {
      throw new AccessTokenError('malformed', 'The access token is not a compact JWT');
    }
    const cached = this.verified.get(token);
    if (cached) return cached;
    try {
      const { payload } = await jwtVerify(token, this.keys, {
        algorithms: [...ACCEPTED_ALGORITHMS],
        issuer: this.trust.issuer,
        audience: this.trust.audience,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp', 'sub'],
      });
      const verified = {
        subject: subjectOf(payload),
        ...(typeof payload.jti === 'string' ? { tokenId: payload.jti } : {}),
      };
      // exp is a required claim: jose refused the token without it.
      this.verified.remember(
        token,
        verified,
        ((payload.exp ?? 0) + CLOCK_TOLERANCE_SECONDS) * 1000,
      );
      return verified;
    } catch (error) {
      if (error instanceof AccessTokenError || error instanceof KeySetUnavailableError) throw error;
      throw refusal(error);
    }
  }
}

function isUnknownKey(error: unknown): boolean {
  return (
    error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys
  );
}

/** jose's errors → the ledger's reasons; anything jose did not recognise is a malformed token. */
function refusal(error: unknown): AccessTokenError {
  if (error instanceof errors.JWTExpired) {
    return new AccessTokenError('expired', 'The access token has expired');
  }
  if (error instanceof errors.JWTClaimValidationFailed) return claimRefusal(error);
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
    return new AccessTokenError(
      'unsupported-algorithm',
      `The access token's signature algorithm is not accepted (only ${ACCEPTED_ALGORITHMS.join(', ')})`,
    );
  }
  if (isUnknownKey(error)) {
    return new AccessTokenError(
      'unknown-key',
      'The access token was signed with a key this ledger does not know',
    );
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return new AccessTokenError('invalid-signature', "The access token's signature is not valid");
  }
  if (error instanceof errors.JOSEError) {
    return new AccessTokenError('malformed', 'The access token is not a well-formed JWT');
  }
  // Not from jose (a bug, not bad input): let it surface as the internal error it is.
  throw error;
}

function claimRefusal(
  error: InstanceType<typeof errors.JWTClaimValidationFailed>,
): AccessTokenError {
  const missing = error.reason === 'missing';
  switch (error.claim) {
    case 'iss':
      return new AccessTokenError(
        'wrong-issuer',
        missing
          ? 'The access token names no issuer'
          : 'The access token was issued by an issuer this ledger does not trust',
      );
    case 'aud':
      return new AccessTokenError(
        'wrong-audience',
        missing
          ? 'The access token names no audience'
          : 'The access token is meant for another audience',
      );
    case 'nbf':
      if (error.reason === 'check_failed') {
        return new AccessTokenError('not-yet-valid', 'The access token is not valid yet (nbf)');
      }
      break;
  }
  return new AccessTokenError(
    'invalid-claims',
    `The access token's claims are invalid: ${missing ? `${error.claim} is missing` : `${error.claim} is not valid`}`,
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
