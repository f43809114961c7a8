import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { RouteRuleGuard } from './route-rule.guard';

/**
 * What the principal may do. The route rule guard (registered after authentication's guard, so it
 * runs after it) checks each route's roles; per-object rules live in the use cases (the
 * application layer's access rules).
 */
@Module({ providers: [{ provide: APP_GUARD, useClass: RouteRuleGuard }] })
export class AuthorizationModule {}
