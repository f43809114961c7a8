import { type DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AgreementsApplicationModule } from './agreements/agreements-application.module';
import { CommitmentsApplicationModule } from './commitments/commitments-application.module';
import { ledgerConfiguration } from './config/ledger-configuration';
import { ConflictsApplicationModule } from './conflicts/conflicts-application.module';
import { ContributionsApplicationModule } from './contributions/contributions-application.module';
import { ErasuresApplicationModule } from './erasures/erasures-application.module';
import { EventStoreModule, type EventStoreOptions } from './event-store/event-store.module';
import { FeedbackApplicationModule } from './feedback/feedback-application.module';
import { IndicatorsApplicationModule } from './indicators/indicators-application.module';
import { PartnershipsApplicationModule } from './partnerships/partnerships-application.module';
import { PeopleApplicationModule } from './people/people-application.module';
import { PersonalDataKeysModule } from './personal-data/personal-data-keys.module';
import { ReadModelsModule } from './read-models/read-models.module';
import { ValuationPoliciesApplicationModule } from './valuation-policies/valuation-policies-application.module';

/** The use cases that take commands, one module per aggregate. */
export const COMMAND_SIDE_SLICES = [
  PartnershipsApplicationModule,
  CommitmentsApplicationModule,
  ContributionsApplicationModule,
  ValuationPoliciesApplicationModule,
  AgreementsApplicationModule,
  ConflictsApplicationModule,
  IndicatorsApplicationModule,
  FeedbackApplicationModule,
  PeopleApplicationModule,
  ErasuresApplicationModule,
];

/**
 * The core of one ledger process, for its composition root (the API's app module, a CLI command's
 * context): configuration, the command and query buses, the event store, the read models kept up
 * to date, and every slice that takes commands (with its queries). The root adds what else it
 * serves (the API: streams, audits, exports, verifiable history).
 */
@Module({})
export class LedgerApplicationModule {
  static forRoot(options: EventStoreOptions = {}): DynamicModule {
    return {
      module: LedgerApplicationModule,
      imports: [
        ledgerConfiguration(),
        CqrsModule.forRoot(),
        EventStoreModule.forRoot(options),
        PersonalDataKeysModule,
        ReadModelsModule,
        ...COMMAND_SIDE_SLICES,
      ],
      exports: [ReadModelsModule],
    };
  }
}
