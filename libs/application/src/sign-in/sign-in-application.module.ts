import { Module } from '@nestjs/common';
import { AccessAuditApplicationModule } from '../access-audit/access-audit-application.module';
import { PeopleApplicationModule } from '../people/people-application.module';
import { ReadModelsModule } from '../read-models/read-models.module';
import { IdentityAudit } from './identity-audit';
import { IdentityStoreModule } from './identity-store.module';
import { DirectoryCommands } from './internal-command';
import { PeopleSignIn } from './people-sign-in';

/** How people sign in: passwords, invitations, resets, sessions (and the audit of it all). */
@Module({
  imports: [
    PeopleApplicationModule,
    IdentityStoreModule,
    ReadModelsModule,
    AccessAuditApplicationModule,
  ],
  providers: [PeopleSignIn, DirectoryCommands, IdentityAudit],
  exports: [PeopleSignIn, DirectoryCommands, IdentityAudit, PeopleApplicationModule],
})
export class SignInApplicationModule {}
