import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type Database from 'better-sqlite3';
import type { LedgerConfig } from '../config/ledger-config';
import { identityDatabasePath, openIdentityDatabase } from './identity-database';
import { OneTimeLinks } from './one-time-links';
import { Passwords } from './passwords';
import { Sessions } from './sessions';
import { SignInThrottle } from './sign-in-throttle';

export const IDENTITY_DATABASE = Symbol('IDENTITY_DATABASE');

type Settings = ConfigService<LedgerConfig, true>;

/** The secrets of sign-in (see `identity-database`), and the stores that keep them. */
@Module({
  providers: [
    {
      provide: IDENTITY_DATABASE,
      inject: [ConfigService],
      useFactory: (config: Settings) =>
        openIdentityDatabase(identityDatabasePath(config.get('LEDGER_DATA_DIR', { infer: true }))),
    },
    {
      provide: Sessions,
      inject: [IDENTITY_DATABASE, ConfigService],
      useFactory: (db: Database.Database, config: Settings) =>
        new Sessions(db, {
          idleMs: config.get('LEDGER_SESSION_IDLE_MINUTES', { infer: true }) * 60_000,
          absoluteMs: config.get('LEDGER_SESSION_ABSOLUTE_HOURS', { infer: true }) * 3_600_000,
        }),
    },
    {
      provide: OneTimeLinks,
      inject: [IDENTITY_DATABASE],
      useFactory: (db: Database.Database) => new OneTimeLinks(db),
    },
    {
      provide: Passwords,
      inject: [IDENTITY_DATABASE],
      useFactory: (db: Database.Database) => new Passwords(db),
    },
    {
      provide: SignInThrottle,
      inject: [IDENTITY_DATABASE, ConfigService],
      useFactory: (db: Database.Database, config: Settings) =>
        new SignInThrottle(db, config.get('LEDGER_SIGN_IN_FREE_ATTEMPTS', { infer: true })),
    },
  ],
  exports: [IDENTITY_DATABASE, Sessions, OneTimeLinks, Passwords, SignInThrottle],
})
export class IdentityStoreModule implements OnApplicationShutdown {
  constructor(@Inject(IDENTITY_DATABASE) private readonly db: Database.Database) {}

  onApplicationShutdown(): void {
    this.db.close();
  }
}
