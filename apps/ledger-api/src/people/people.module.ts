import { Module } from '@nestjs/common';
import { SignInApplicationModule } from '@cohesion/application';
import { MediatorsController } from './mediators.controller';
import { PeopleQueriesController } from './people-queries.controller';
import { PeopleController } from './people.controller';

/** HTTP routes of the people directory; its use cases are in PeopleApplicationModule. */
@Module({
  imports: [SignInApplicationModule],
  controllers: [PeopleController, PeopleQueriesController, MediatorsController],
})
export class PeopleModule {}
