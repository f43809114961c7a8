import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { RouteRuleGuard } from './route-rule.guard';
import { StreamAccess } from './stream-access';

/**
 * What the principal may do. The route rule guard (registered after authentication's guard, so it
 * runs after it) checks each route's roles; per-object rules live in the handlers, with the
 * helpers of this folder, and the streams endpoints use StreamAccess.
 */
@Global()
@Module({
  providers: [{ provide: APP_GUARD, useClass: RouteRuleGuard }, StreamAccess],
  exports: [StreamAccess],
})
export class AuthorizationModule {}
