import { createSecretKey, randomBytes } from 'node:crypto';
import { type Actor, eventIdFor, type JsonObject, SqliteEventStore } from '@cohesion/event-store';
import { type KeyStore, SqliteKeyStore } from '@cohesion/personal-data';
import { sealEventData } from '../personal-fields';

export interface RecordOptions {
  readonly actor?: Actor;
  /** When the store recorded it (the import option): a past the test needs. */
  readonly recordedAt?: string;
  readonly effectiveDate?: string;
  /** False for a legacy event: its personal fields in clear, as before sealing existed. */
  readonly sealed?: boolean;
}

/**
 * An in-memory log and key store, and `record`, which appends one event as the aggregate store
 * would: its personal fields sealed (unless `sealed: false`), under a fresh command id.
 */
export function sealedLog(keysOf: (keys: SqliteKeyStore) => KeyStore = (keys) => keys) {
  const store = new SqliteEventStore({ file: ':memory:' });
  const sqliteKeys = SqliteKeyStore.open(':memory:', createSecretKey(randomBytes(32)));
  const keys = keysOf(sqliteKeys);
  let commands = 0;
  return {
    store,
    sqliteKeys,
    keys,
    async record(stream: string, type: string, data: JsonObject, options: RecordOptions = {}) {
      const { actor = { sub: 'city-admin', roles: ['admin'] }, sealed = true } = options;
      commands += 1;
      const commandId = `command-${commands}`;
      await store.append(
        stream,
        [
          {
            id: eventIdFor(commandId, 0),
            type,
            data: sealed ? sealEventData(type, data, actor, keys) : data,
            metadata: {
              actor,
              commandId,
              correlationId: commandId,
              causationId: commandId,
              schemaVersion: 1,
              ...(options.effectiveDate === undefined
                ? {}
                : { effectiveDate: options.effectiveDate }),
            },
          },
        ],
        { expectedRevision: 'any', recordedAt: options.recordedAt },
      );
    },
    async close() {
      await store.close();
      sqliteKeys.close();
    },
  };
}

export type SealedLog = ReturnType<typeof sealedLog>;
