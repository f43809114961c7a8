import { Module } from '@nestjs/common';
import { OidcSignInModule, SignInApplicationModule } from '@cohesion/application';
import { AuthenticationModule } from '../authentication/authentication.module';
import { OidcController } from './oidc.controller';
import { PasskeysController } from './passkeys.controller';
import { SignInController } from './sign-in.controller';

/** The routes of signing in and out (/auth/…). */
@Module({
  imports: [SignInApplicationModule, OidcSignInModule, AuthenticationModule],
  controllers: [SignInController, OidcController, PasskeysController],
})
export class SignInModule {}
