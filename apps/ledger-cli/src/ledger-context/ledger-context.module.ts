import { type DynamicModule, Module } from '@nestjs/common';
import {
  EventStoreModule,
  LedgerApplicationModule,
  ledgerConfiguration,
} from '@cohesion/application';
import { ClockedEventStore, type LedgerClock } from './clocked-event-store';

/** The event store alone: for work on the log itself (export, import, stats). */
@Module({})
export class EventStoreContextModule {
  static forRoot(): DynamicModule {
    return {
      module: EventStoreContextModule,
      imports: [ledgerConfiguration(), EventStoreModule.forRoot()],
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
        LedgerApplicationModule.forRoot(
          clock ? { decorate: (store) => new ClockedEventStore(store, clock) } : {},
        ),
      ],
    };
  }
}
