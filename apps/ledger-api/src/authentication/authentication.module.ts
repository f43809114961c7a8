import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessTokenVerifier } from '@cohesion/access-tokens';
import { authenticationProviders } from './access-token-verifier.provider';
import { AuthenticationGuard } from './authentication.guard';

/** Who is calling: establishes the principal of every request from its bearer token. */
@Module({
  providers: [...authenticationProviders, { provide: APP_GUARD, useClass: AuthenticationGuard }],
  exports: [AccessTokenVerifier],
})
export class AuthenticationModule {}
