import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import type { LedgerConfig } from '@cohesion/application';
import { LedgerThrottlerGuard } from './ledger-throttler.guard';

const ONE_MINUTE_MS = 60_000;

/**
 * Rate limits (here), and body size, security headers and CORS (`applyHttpHardening`, applied to
 * the HTTP server by `configureApp`). Page sizes are capped by the query DTOs (400 above).
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<LedgerConfig, true>) => ({
        throttlers: [
          {
            ttl: ONE_MINUTE_MS,
            limit: config.get('LEDGER_RATE_LIMIT_PER_MINUTE', { infer: true }),
          },
        ],
        // One budget per client across every route: the default (one per route) would let a
        // client multiply its limit by the number of routes.
        generateKey: (_context, tracker, throttler) => `${throttler}:${tracker}`,
        errorMessage: 'Too many requests from this client; retry after the Retry-After seconds',
      }),
    }),
  ],
  providers: [{ provide: APP_GUARD, useClass: LedgerThrottlerGuard }],
})
export class AbuseLimitsModule {}
