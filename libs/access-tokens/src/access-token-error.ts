/** Why an access token was refused; each reason has its own, stable wording for the 401 detail. */
export type AccessTokenFailure =
  | 'missing'
  | 'malformed'
  | 'expired'
  | 'not-yet-valid'
  | 'wrong-issuer'
  | 'wrong-audience'
  | 'unsupported-algorithm'
  | 'unknown-key'
  | 'invalid-signature'
  | 'invalid-claims'
  /** Revoked token, or a person of the directory who is suspended, removed or not yet active. */
  | 'revoked'
  /** A session cookie that is unknown, signed out or timed out. */
  | 'session-expired';

/** A token that does not authenticate anyone. The message never quotes the token itself. */
export class AccessTokenError extends Error {
  override readonly name = 'AccessTokenError';

  constructor(
    readonly reason: AccessTokenFailure,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The external provider's key set could not be fetched or read: not the caller's fault, so the
 * API answers 503 rather than telling the client its (possibly good) token is bad.
 */
export class KeySetUnavailableError extends Error {
  override readonly name = 'KeySetUnavailableError';
}
