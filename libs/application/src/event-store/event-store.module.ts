import { join } from 'node:path';
import {
  type DynamicModule,
  Inject,
  Logger,
  Module,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import {
  EVENT_STORE,
  type EventStore,
  EventStoreDbEventStore,
  SqliteEventStore,
} from '@cohesion/event-store';
import type { LedgerConfig } from '../config/ledger-config';
import { WriteHealthMonitor } from './write-health';

/**
 * The store as configured (an adapter, perhaps decorated), before the write-health monitor that
 * every part of the process writes through: the token tests replace to inject storage faults.
 */
export const CONFIGURED_EVENT_STORE = Symbol('CONFIGURED_EVENT_STORE');

/** The file of the embedded store inside the data directory. */
export const SQLITE_EVENT_STORE_FILE = 'events.sqlite';

/** Chooses the adapter from configuration: EventStoreDB when a connection string is set, SQLite otherwise. */
export function createEventStore(config: ConfigService<LedgerConfig, true>): EventStore {
  const logger = new Logger('EventStore');
  const connectionString = config.get('EVENTSTORE_CONNECTION_STRING', { infer: true });
  if (connectionString) {
    logger.log('Using EventStoreDB');
    return EventStoreDbEventStore.connect(connectionString);
  }
  const file = join(config.get('LEDGER_DATA_DIR', { infer: true }), SQLITE_EVENT_STORE_FILE);
  logger.log(`Using the embedded SQLite store at ${file}`);
  return new SqliteEventStore({ file });
}

export interface EventStoreOptions {
  /** Wraps the configured store (the CLI's demo decides the recording time of its events). */
  readonly decorate?: (store: EventStore) => EventStore;
}

/**
 * The process's one event store, chosen once by the composition root (the API, a CLI command) and
 * closed with it. Global, like configuration: every part of the process writes to the same log,
 * and a second store on the same data would be a bug, not an option.
 */
@Module({})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  static forRoot(options: EventStoreOptions = {}): DynamicModule {
    const { decorate = (store: EventStore) => store } = options;
    return {
      module: EventStoreModule,
      global: true,
      providers: [
        {
          provide: CONFIGURED_EVENT_STORE,
          inject: [ConfigService],
          useFactory: (config: ConfigService<LedgerConfig, true>) =>
            decorate(createEventStore(config)),
        },
        {
          provide: WriteHealthMonitor,
          inject: [CONFIGURED_EVENT_STORE],
          useFactory: (store: EventStore) => new WriteHealthMonitor(store),
        },
        { provide: EVENT_STORE, useExisting: WriteHealthMonitor },
      ],
      exports: [EVENT_STORE, WriteHealthMonitor],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
