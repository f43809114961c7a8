import { Module } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { AccessAuditApplicationModule } from '../access-audit/access-audit-application.module';
import { PeopleApplicationModule } from '../people/people-application.module';
import { ReadModelsModule } from '../read-models/read-models.module';
import { IdentityAudit } from './identity-audit';
import { IDENTITY_DATABASE, IdentityStoreModule } from './identity-store.module';
import { DirectoryCommands } from './internal-command';
import { PasskeySignIn } from './passkeys/passkey-sign-in';
import { PasskeyStore } from './passkeys/passkey-store';
import { PeopleSignIn } from './people-sign-in';

/** How people sign in: passwords, passkeys, invitations, resets, sessions (and their audit). */
@Module({
  imports: [
    PeopleApplicationModule,
    IdentityStoreModule,
    ReadModelsModule,
    AccessAuditApplicationModule,
  ],
  providers: [
    PeopleSignIn,
    DirectoryCommands,
    IdentityAudit,
    PasskeySignIn,
    {
      provide: PasskeyStore,
      inject: [IDENTITY_DATABASE],
      useFactory: (db: Database.Database) => new PasskeyStore(db),
    },
  ],
  exports: [PeopleSignIn, DirectoryCommands, IdentityAudit, PasskeySignIn, PeopleApplicationModule],
})
export class SignInApplicationModule {}
