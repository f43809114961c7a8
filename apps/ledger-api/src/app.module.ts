import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import {
  ErasureReconciliationModule,
  FulfilmentHandOffRecoveryModule,
  type LedgerConfig,
  LedgerApplicationModule,
  RetentionScheduleModule,
} from '@cohesion/application';
import { SLICE_ROUTES } from './slice-routes';
import { AbuseLimitsModule } from './abuse-limits/abuse-limits.module';
import { AccessAuditModule } from './access-audit/access-audit.module';
import { AuthenticationModule } from './authentication/authentication.module';
import { AuthorizationModule } from './authorization/authorization.module';
import { LedgerValidationPipe } from './validation/ledger-validation.pipe';
import { HealthModule } from './health/health.module';
import { AuditTrailModule } from './audit-trail/audit-trail.module';
import { ExportsModule } from './exports/exports.module';
import { StreamsHttpModule } from './streams/streams-http.module';
import { ReadYourWritesModule } from './queries/read-your-writes.module';
import { VerifiableHistoryHttpModule } from './verifiable-history/verifiable-history-http.module';
import { ProblemDetailsFilter } from './problem/problem-details.filter';
import { SignInModule } from './sign-in/sign-in.module';
import { PersonalDataHttpModule } from './personal-data/personal-data-http.module';

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
    AbuseLimitsModule,
    AuthenticationModule,
    AuthorizationModule,
    AccessAuditModule,
    ReadYourWritesModule,
    PersonalDataHttpModule,
    HealthModule,
    ...SLICE_ROUTES,
    FulfilmentHandOffRecoveryModule,
    ErasureReconciliationModule,
    RetentionScheduleModule,
    AuditTrailModule,
    ExportsModule,
    VerifiableHistoryHttpModule,
    StreamsHttpModule,
    SignInModule,
  ],
  providers: [
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
    { provide: APP_PIPE, useClass: LedgerValidationPipe },
  ],
})
export class AppModule {
  /** The API with the whole application layer (its settings read from the environment now). */
  static forRoot(): DynamicModule {
    return { module: AppModule, imports: [LedgerApplicationModule.forRoot()] };
  }
}
