import { Module } from '@nestjs/common';
import { CommandSideModule } from '../command-side/command-side.module';
import { ReadModelsModule } from '../read-models/read-models.module';
import { IdentityStoreModule } from '../sign-in/identity-store.module';
import { LinkMail } from '../sign-in/link-mail';
import { DirectoryGate } from './directory-gate';
import {
  ListPeopleHandler,
  MediatorsHandler,
  PersonalTokensHandler,
  PersonHandler,
} from './people.queries';
import { PersonCommandHandler } from './person-command.handler';
import { PersonLinks } from './person-links';
import { PersonalTokens } from './personal-tokens';

/** The people directory: its commands and queries, links, personal tokens, and its gate. */
@Module({
  imports: [CommandSideModule, ReadModelsModule, IdentityStoreModule],
  providers: [
    PersonCommandHandler,
    ListPeopleHandler,
    PersonHandler,
    PersonalTokensHandler,
    MediatorsHandler,
    PersonLinks,
    LinkMail,
    PersonalTokens,
    DirectoryGate,
  ],
  exports: [PersonLinks, PersonalTokens, DirectoryGate],
})
export class PeopleApplicationModule {}
