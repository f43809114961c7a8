import type { NewEvent } from '@cohesion/event-store';
import {
  type EmmettConnection,
  type EmmettEvent,
  type EmmettSqliteModule,
  loadEmmettSqlite,
} from './emmett-sqlite-api';
import { type OpenStore } from './store-under-test';

/** Events per query of the global read, the page size our store reads the log in. */
const LOG_PAGE = 256;

const SYNCHRONOUS_FULL = 2;

/**
 * emmett-sqlite on the node `sqlite3` driver. It sets `journal_mode = WAL` on every connection it
 * opens and never sets `synchronous`; the sqlite3 6.0.1 build defaults to FULL in WAL mode
 * (SQLITE_DEFAULT_WAL_SYNCHRONOUS=2), which is checked here, so it runs WAL + FULL unchanged.
 * It uses one connection for the whole run (its `singleton` option; by default it opens and
 * closes a connection per operation on a file database). Concurrent appends are queued and run
 * one at a time on that connection: its connection counts nested transactions, so concurrent
 * appends on it would join each other's transactions, and with its default connection per
 * operation they livelock on SQLITE_BUSY (300 appends, 10 in flight, did not finish in 60 s).
 */
export const openEmmettSqliteStore: OpenStore = async ({ file }) => {
  const emmett = await loadEmmettSqlite();
  const connection = emmett.sqliteConnection({ fileName: file });
  await assertWalAndFull(connection, file);
  const store = emmett.getSQLiteEventStore({
    fileName: file,
    connectionOptions: { singleton: true, connection },
  });
  await store.schema.migrate();
  let previous: Promise<unknown> = Promise.resolve();
  return {
    append(stream, events, known) {
      const appended = previous.then(() =>
        store.appendToStream(
          stream,
          events.map(asEmmettEvent),
          known === 'any' ? {} : { expectedStreamVersion: BigInt(known) },
        ),
      );
      previous = appended.catch(() => undefined);
      return appended.then(() => undefined);
    },
    readStream: async (stream) => (await store.readStream(stream)).events.length,
    readAll: () => readWholeLog(emmett, connection),
    close: () => Promise.resolve(connection.close()),
  };
};

function asEmmettEvent(event: NewEvent): EmmettEvent {
  return { type: event.type, data: event.data, metadata: { ...event.metadata } };
}

/**
 * Emmett issues `PRAGMA journal_mode = WAL` when it opens a connection without waiting for it;
 * issuing it again and waiting makes sure it took effect before the first append.
 */
async function assertWalAndFull(connection: EmmettConnection, file: string): Promise<void> {
  await connection.command('PRAGMA journal_mode = WAL');
  const journal = await connection.querySingle<{ journal_mode: string }>('PRAGMA journal_mode');
  const synchronous = await connection.querySingle<{ synchronous: number }>('PRAGMA synchronous');
  if (journal?.journal_mode !== 'wal' || synchronous?.synchronous !== SYNCHRONOUS_FULL) {
    throw new Error(
      `${file}: emmett-sqlite runs journal_mode ${journal?.journal_mode}, synchronous ${synchronous?.synchronous}; expected wal and 2 (FULL)`,
    );
  }
}

async function readWholeLog(
  emmett: EmmettSqliteModule,
  connection: EmmettConnection,
): Promise<number> {
  let after = 0n;
  let count = 0;
  for (;;) {
    const batch = await emmett.readMessagesBatch(connection, { after, batchSize: LOG_PAGE });
    count += batch.messages.length;
    after = batch.currentGlobalPosition;
    if (!batch.areEventsLeft) return count;
  }
}
