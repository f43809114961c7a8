import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { DevelopmentPrincipalGuard } from '../principal/development-principal.guard';

/** Who is calling: establishes the principal of every request (placeholder: development headers). */
@Module({
  providers: [{ provide: APP_GUARD, useClass: DevelopmentPrincipalGuard }],
})
export class AuthenticationModule {}
