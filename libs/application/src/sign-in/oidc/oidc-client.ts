/** What must come back unchanged for a redirect to be this browser's own (RFC 9700 §2.1). */
export interface OidcChecks {
  readonly state: string;
  readonly nonce: string;
  /** PKCE (RFC 7636), S256. */
  readonly codeVerifier: string;
}

export interface OidcAuthorization extends OidcChecks {
  /** Where to send the browser. */
  readonly url: string;
}

/** Who the identity provider says signed in. */
export interface OidcIdentity {
  readonly subject: string;
  readonly email?: string;
  /** False when the provider says it did not verify the e-mail: then it is not trusted. */
  readonly emailVerified?: boolean;
}

/**
 * The seam to an OpenID Connect provider (authorization code flow with PKCE). The real one wraps
 * `openid-client`, an ESM-only package that Jest cannot load in-process; suites that do not sign
 * in through a provider never load it.
 */
export interface OidcClient {
  authorization(redirectUri: string): Promise<OidcAuthorization>;
  /** Exchanges the code of the callback URL, checking it against what the redirect carried. */
  identity(callbackUrl: URL, redirectUri: string, checks: OidcChecks): Promise<OidcIdentity>;
}

export const OIDC_CLIENT = Symbol('OIDC_CLIENT');

/** The provider refused, or its answer did not pass the checks: the sign-in did not happen. */
export class OidcFlowError extends Error {
  override readonly name = 'OidcFlowError';

  constructor(
    message: string,
    /** `unreachable`: the provider could not be asked (try again later); `refused` otherwise. */
    readonly kind: 'refused' | 'unreachable' = 'refused',
  ) {
    super(message);
  }
}
