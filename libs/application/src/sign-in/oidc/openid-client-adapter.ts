import type * as OpenIdClient from 'openid-client';
import { type OidcAuthorization, type OidcClient, OidcFlowError } from './oidc-client';

export interface OidcProviderSettings {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret?: string;
  readonly scope: string;
}

type Library = typeof OpenIdClient;

/** Plain http is accepted from a provider on this machine only (tests, development). */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The provider through `openid-client` 6 (discovery, authorization code + PKCE + nonce, the ID
 * token checked, then the UserInfo endpoint for the e-mail). The library is ESM-only: it is
 * imported at first use (Node loads ESM with require), and the discovery is retried on the next
 * sign-in when the provider could not be reached.
 */
export class OpenIdClientAdapter implements OidcClient {
  private configuration?: Promise<{ library: Library; config: OpenIdClient.Configuration }>;

  constructor(private readonly settings: OidcProviderSettings) {}

  async authorization(redirectUri: string): Promise<OidcAuthorization> {
    const { library, config } = await this.discovered();
    const codeVerifier = library.randomPKCECodeVerifier();
    const state = library.randomState();
    const nonce = library.randomNonce();
    const url = library.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: this.settings.scope,
      code_challenge: await library.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, state, nonce, codeVerifier };
  }

  async identity(
    callbackUrl: URL,
    redirectUri: string,
    checks: { state: string; nonce: string; codeVerifier: string },
  ) {
    const { library, config } = await this.discovered();
    try {
      const tokens = await library.authorizationCodeGrant(
        config,
        callbackUrl,
        {
          pkceCodeVerifier: checks.codeVerifier,
          expectedState: checks.state,
          expectedNonce: checks.nonce,
          idTokenExpected: true,
        },
        { redirect_uri: redirectUri },
      );
      const claims = tokens.claims();
      if (!claims) throw new OidcFlowError('The provider answered without an ID token');
      const userInfo = await library.fetchUserInfo(config, tokens.access_token, claims.sub);
      const email = stringClaim(claims.email) ?? stringClaim(userInfo.email);
      const verified = claims.email_verified ?? userInfo.email_verified;
      return {
        subject: claims.sub,
        ...(email !== undefined ? { email } : {}),
        ...(typeof verified === 'boolean' ? { emailVerified: verified } : {}),
      };
    } catch (error) {
      if (error instanceof OidcFlowError) throw error;
      throw new OidcFlowError(`The identity provider's answer was refused: ${describe(error)}`);
    }
  }

  private discovered() {
    this.configuration ??= this.discover().catch((error: unknown) => {
      this.configuration = undefined;
      throw new OidcFlowError(
        `The identity provider could not be reached: ${describe(error)}`,
        'unreachable',
      );
    });
    return this.configuration;
  }

  private async discover() {
    const library: Library = await import('openid-client');
    const issuer = new URL(this.settings.issuer);
    const insecure = issuer.protocol === 'http:' && LOOPBACK.has(issuer.hostname);
    const config = await library.discovery(
      issuer,
      this.settings.clientId,
      this.settings.clientSecret,
      undefined,
      insecure ? { execute: [library.allowInsecureRequests] } : undefined,
    );
    return { library, config };
  }
}

const stringClaim = (value: unknown) => (typeof value === 'string' ? value : undefined);

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
