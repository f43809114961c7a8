import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import type { LedgerConfig } from '@cohesion/application';
import { CountingThrottlerStorage } from './counting-throttler-storage';
import { LedgerThrottlerGuard } from './ledger-throttler.guard';
import { isLimitedPerAddress, PUBLIC_FORM_THROTTLER } from './public-form-limit';

const ONE_MINUTE_MS = 60_000;
const ONE_HOUR_MS = 3_600_000;

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
          {
            name: PUBLIC_FORM_THROTTLER,
            ttl: ONE_HOUR_MS,
            limit: config.get('LEDGER_PUBLIC_FEEDBACK_PER_HOUR', { infer: true }),
            skipIf: (context) => !isLimitedPerAddress(context),
          },
        ],
        // One budget per client across every route: the default (one per route) would let a
        // client multiply its limit by the number of routes.
        generateKey: (_context, tracker, throttler) => `${throttler}:${tracker}`,
        errorMessage: 'Too many requests from this client; retry after the Retry-After seconds',
        storage: new CountingThrottlerStorage(),
      }),
    }),
  ],
  providers: [{ provide: APP_GUARD, useClass: LedgerThrottlerGuard }],
})
export class AbuseLimitsModule {}
