import {
  type DynamicModule,
  Global,
  Inject,
  Module,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CqrsModule } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@cohesion/event-store';
import { CommandSideModule } from '../../../ledger-api/src/command-side/command-side.module';
import { COMMAND_SLICES } from '../../../ledger-api/src/command-slices';
import type { LedgerConfig } from '../../../ledger-api/src/config/ledger-config';
import { ledgerConfiguration } from '../../../ledger-api/src/config/ledger-configuration';
import { createEventStore } from '../../../ledger-api/src/event-store/event-store.module';
import { ReadModelsModule } from '../../../ledger-api/src/read-models/read-models.module';
import { ClockedEventStore, type LedgerClock } from './clocked-event-store';

/** The store the API would use (same settings), closed with the context. */
@Global()
@Module({})
class CliEventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  static forRoot(clock?: LedgerClock): DynamicModule {
    return {
      module: CliEventStoreModule,
      providers: [
        {
          provide: EVENT_STORE,
          inject: [ConfigService],
          useFactory: (config: ConfigService<LedgerConfig, true>) => {
            const store = createEventStore(config);
            return clock ? new ClockedEventStore(store, clock) : store;
          },
        },
      ],
      exports: [EVENT_STORE],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

/** The event store alone: for work on the log itself (export, import, stats). */
@Module({})
export class EventStoreContextModule {
  static forRoot(): DynamicModule {
    return {
      module: EventStoreContextModule,
      imports: [ledgerConfiguration(), CliEventStoreModule.forRoot()],
    };
  }
}

/**
 * The API's command and query side without HTTP: the same command handlers, deciders, access
 * rules and read models (kept up to date by the same projection runner while the context runs).
 * `clock`, when given, decides when each event is recorded (see `ClockedEventStore`).
 */
@Module({})
export class LedgerContextModule {
  static forRoot(clock?: LedgerClock): DynamicModule {
    return {
      module: LedgerContextModule,
      imports: [
        ledgerConfiguration(),
        CqrsModule.forRoot(),
        CliEventStoreModule.forRoot(clock),
        CommandSideModule,
        ReadModelsModule,
        ...COMMAND_SLICES,
      ],
    };
  }
}
