import { Logger, type Provider } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AccessTokenVerifier, loadSigningKey } from '@cohesion/access-tokens';
import type { LedgerConfig } from '@cohesion/application';

/** Whether the unsigned development headers are honoured (LEDGER_DEV_PRINCIPAL_HEADERS). */
export const DEVELOPMENT_PRINCIPAL_HEADERS = Symbol('development-principal-headers');

/**
 * The source of trusted keys, chosen by configuration: an OpenID Connect provider's JWKS when
 * LEDGER_OIDC_JWKS_URL is set (then no local key is created), the ledger's own key otherwise.
 */
async function createAccessTokenVerifier(
  config: ConfigService<LedgerConfig, true>,
): Promise<AccessTokenVerifier> {
  const logger = new Logger('Authentication');
  const trust = {
    issuer: config.get('LEDGER_JWT_ISSUER', { infer: true }),
    audience: config.get('LEDGER_JWT_AUDIENCE', { infer: true }),
  };
  // An empty value means unset (validation drops it, the raw environment may still hold it).
  const jwksUrl = config.get('LEDGER_OIDC_JWKS_URL', { infer: true }) || undefined;
  const verifier = jwksUrl
    ? AccessTokenVerifier.forRemoteKeySet(jwksUrl, trust)
    : await localVerifier(config, trust, logger);
  logger.log(`Access tokens are verified with ${verifier.source} (issuer ${trust.issuer})`);
  return verifier;
}

async function localVerifier(
  config: ConfigService<LedgerConfig, true>,
  trust: { issuer: string; audience: string },
  logger: Logger,
): Promise<AccessTokenVerifier> {
  const { key, origin } = await loadSigningKey({
    privateKeyPem: config.get('LEDGER_JWT_PRIVATE_KEY', { infer: true }) || undefined,
    dataDir: config.get('LEDGER_DATA_DIR', { infer: true }),
  });
  if (origin === 'generated') logger.log('Generated a token-signing key in the data directory');
  return AccessTokenVerifier.forSigningKey(key, trust);
}

function developmentPrincipalHeaders(config: ConfigService<LedgerConfig, true>): boolean {
  const enabled = config.get('LEDGER_DEV_PRINCIPAL_HEADERS', { infer: true }) === true;
  if (enabled) {
    new Logger('Authentication').warn(
      'LEDGER_DEV_PRINCIPAL_HEADERS is on: anyone can act as anyone with x-ledger-actor headers. ' +
        'Never use this where people rely on the ledger.',
    );
  }
  return enabled;
}

export const authenticationProviders: Provider[] = [
  { provide: AccessTokenVerifier, useFactory: createAccessTokenVerifier, inject: [ConfigService] },
  {
    provide: DEVELOPMENT_PRINCIPAL_HEADERS,
    useFactory: developmentPrincipalHeaders,
    inject: [ConfigService],
  },
];
