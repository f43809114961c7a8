import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessTokenVerifier } from '@cohesion/access-tokens';
import { SignInApplicationModule } from '@cohesion/application';
import { SessionAuthentication } from '../sign-in/session-authentication';
import { authenticationProviders } from './access-token-verifier.provider';
import { AuthenticationGuard } from './authentication.guard';

/** Who is calling: establishes the principal of every request from its token or session. */
@Module({
  imports: [SignInApplicationModule],
  providers: [
    ...authenticationProviders,
    SessionAuthentication,
    { provide: APP_GUARD, useClass: AuthenticationGuard },
  ],
  exports: [AccessTokenVerifier, SessionAuthentication],
})
export class AuthenticationModule {}
