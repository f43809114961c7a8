import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { LoggerModule } from 'nestjs-pino';
import type { LedgerConfig } from './config/ledger-config';
import { ledgerConfiguration } from './config/ledger-configuration';
import { COMMAND_SLICES } from './command-slices';
import { EventStoreModule } from './event-store/event-store.module';
import { AbuseLimitsModule } from './abuse-limits/abuse-limits.module';
import { AccessAuditModule } from './access-audit/access-audit.module';
import { AuthenticationModule } from './authentication/authentication.module';
import { AuthorizationModule } from './authorization/authorization.module';
import { CommandSideModule } from './command-side/command-side.module';
import { LedgerValidationPipe } from './command-side/ledger-validation.pipe';
import { HealthModule } from './health/health.module';
import { AuditTrailModule } from './audit-trail/audit-trail.module';
import { ExportsModule } from './exports/exports.module';
import { VerifiableHistoryModule } from './verifiable-history/verifiable-history.module';
import { ReadModelsModule } from './read-models/read-models.module';
import { StreamsController } from './streams/streams.controller';
import { ProblemDetailsFilter } from './problem/problem-details.filter';

@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<LedgerConfig, true>) => ({
        pinoHttp: {
          level: config.get('LOG_LEVEL', { infer: true }),
          // Tokens and cookies never reach the logs (censored, so a log still shows one was sent).
          redact: {
            paths: [
              'req.headers.authorization',
              'req.headers.cookie',
              'req.headers["proxy-authorization"]',
              'res.headers["set-cookie"]',
            ],
            censor: '[redacted]',
          },
        },
      }),
    }),
    CqrsModule.forRoot(),
    EventStoreModule,
    AbuseLimitsModule,
    AuthenticationModule,
    AuthorizationModule,
    AccessAuditModule,
    CommandSideModule,
    ReadModelsModule,
    HealthModule,
    ...COMMAND_SLICES,
    AuditTrailModule,
    ExportsModule,
    VerifiableHistoryModule,
  ],
  controllers: [StreamsController],
  providers: [
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
    { provide: APP_PIPE, useClass: LedgerValidationPipe },
  ],
})
export class AppModule {
  static forRoot(): DynamicModule {
    return { module: AppModule, imports: [ledgerConfiguration()] };
  }
}
