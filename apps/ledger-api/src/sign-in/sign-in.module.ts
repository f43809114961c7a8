import { Module } from '@nestjs/common';
import { SignInApplicationModule } from '@cohesion/application';
import { AuthenticationModule } from '../authentication/authentication.module';
import { SignInController } from './sign-in.controller';

/** The routes of signing in and out (/auth/…). */
@Module({
  imports: [SignInApplicationModule, AuthenticationModule],
  controllers: [SignInController],
})
export class SignInModule {}
