import { join } from 'node:path';
import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import {
  EVENT_STORE,
  type EventStore,
  EventStoreDbEventStore,
  SqliteEventStore,
} from '@cohesion/event-store';
import type { LedgerConfig } from '../config/ledger-config';

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

@Global()
@Module({
  providers: [{ provide: EVENT_STORE, useFactory: createEventStore, inject: [ConfigService] }],
  exports: [EVENT_STORE],
})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
