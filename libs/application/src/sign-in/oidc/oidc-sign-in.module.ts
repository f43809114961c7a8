import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type Database from 'better-sqlite3';
import type { LedgerConfig } from '../../config/ledger-config';
import { ReadModelsModule } from '../../read-models/read-models.module';
import { IDENTITY_DATABASE, IdentityStoreModule } from '../identity-store.module';
import { SignInApplicationModule } from '../sign-in-application.module';
import { OIDC_CLIENT, type OidcClient } from './oidc-client';
import { OidcFlows } from './oidc-flows';
import { OidcSignIn } from './oidc-sign-in';
import { OpenIdClientAdapter } from './openid-client-adapter';

/** The provider of LEDGER_OIDC_ISSUER_URL, or none (null) when it is unset. */
function oidcClient(config: ConfigService<LedgerConfig, true>): OidcClient | null {
  const issuer = config.get('LEDGER_OIDC_ISSUER_URL', { infer: true }) || undefined;
  if (issuer === undefined) return null;
  const clientId = config.get('LEDGER_OIDC_CLIENT_ID', { infer: true }) || undefined;
  if (clientId === undefined) {
    throw new Error('LEDGER_OIDC_ISSUER_URL is set: LEDGER_OIDC_CLIENT_ID must be set too');
  }
  return new OpenIdClientAdapter({
    issuer,
    clientId,
    clientSecret: config.get('LEDGER_OIDC_CLIENT_SECRET', { infer: true }) || undefined,
    scope: 'openid email profile',
  });
}

/**
 * Sign-in through an OpenID Connect provider. `OIDC_CLIENT` is the seam a test replaces (or
 * leaves null) to keep the ESM-only `openid-client` out of Jest.
 */
@Module({
  imports: [SignInApplicationModule, IdentityStoreModule, ReadModelsModule],
  providers: [
    { provide: OIDC_CLIENT, inject: [ConfigService], useFactory: oidcClient },
    {
      provide: OidcFlows,
      inject: [IDENTITY_DATABASE],
      useFactory: (db: Database.Database) => new OidcFlows(db),
    },
    OidcSignIn,
  ],
  exports: [OidcSignIn],
})
export class OidcSignInModule {}
