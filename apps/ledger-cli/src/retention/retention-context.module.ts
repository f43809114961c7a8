import { type DynamicModule, Module } from '@nestjs/common';
import {
  EventStoreModule,
  ledgerConfiguration,
  PersonalDataKeysModule,
  RetentionApplicationModule,
} from '@cohesion/application';

/** The log and the data subjects' keys, without read models: what the retention works on. */
@Module({})
export class RetentionContextModule {
  static forRoot(): DynamicModule {
    return {
      module: RetentionContextModule,
      imports: [
        ledgerConfiguration(),
        EventStoreModule.forRoot(),
        PersonalDataKeysModule,
        RetentionApplicationModule,
      ],
    };
  }
}
