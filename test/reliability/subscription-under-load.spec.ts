import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import {
  type EventStore,
  EventStoreDbEventStore,
  type RecordedEvent,
  SqliteEventStore,
  WrongExpectedRevisionError,
} from '@cohesion/event-store';
import { openReadModelDatabase, ProjectionRunner, type Projector } from '@cohesion/projections';
import { newEvents } from '../event-store/event-store-contract';
import { EventStoreDbStandIn } from '../event-store/eventstoredb-stand-in';
import { eventually } from '../event-store/eventstoredb-test-support';
import { readWholeLog } from '../support/reliability-fixtures';

/**
 * Two connections to one log: the writers append through one, the readers follow through the
 * other (as another process or API node would), so nothing is delivered by in-process wake-ups
 * alone. Small pages make a catch-up take many reads while the log keeps growing.
 */
interface Load {
  readonly writers: number;
  readonly appendsEach: number;
  readonly backlogAppends: number;
  readonly maxEventsPerAppend: number;
}

interface Backend {
  readonly writer: EventStore;
  readonly reader: EventStore;
  /** Concurrent writers, appends each, appends in the backlog, most events in one append. */
  readonly load: Load;
  dispose(): Promise<void>;
}

const BACKENDS: readonly (readonly [string, () => Promise<Backend>])[] = [
  [
    'SQLite',
    () => {
      const directory = mkdtempSync(join(tmpdir(), 'ledger-subscription-load-'));
      const file = join(directory, 'events.sqlite');
      const dispose = async (...stores: EventStore[]) => {
        await Promise.all(stores.map((store) => store.close()));
        rmSync(directory, { recursive: true, force: true });
      };
      const writer = new SqliteEventStore({ file, pageSize: 64 });
      let reader: EventStore;
      try {
        // A second connection to the live file, as another process would open it.
        reader = new SqliteEventStore({ file, pageSize: 64, pollIntervalMs: 20 });
      } catch (error) {
        return dispose(writer).then(() => Promise.reject(error as Error));
      }
      return Promise.resolve({
        writer,
        reader,
        // Appends are cheap here: many of them, small.
        load: { writers: 4, appendsEach: 250, backlogAppends: 250, maxEventsPerAppend: 8 },
        dispose: () => dispose(writer, reader),
      });
    },
  ],
  [
    'EventStoreDB stand-in',
    async () => {
      const standIn = await EventStoreDbStandIn.start();
      const writer = EventStoreDbEventStore.connect(standIn.connectionString, { pageSize: 50 });
      const reader = EventStoreDbEventStore.connect(standIn.connectionString, { pageSize: 50 });
      return {
        writer,
        reader,
        // Each append is several gRPC round trips to the stand-in: fewer, larger ones.
        load: { writers: 4, appendsEach: 60, backlogAppends: 80, maxEventsPerAppend: 16 },
        dispose: async () => {
          await Promise.all([writer.close(), reader.close()]);
          await standIn.stop();
        },
      };
    },
  ],
];

/**
 * Records each event it is given, in a table with no key, so that an event applied twice shows
 * as two rows instead of being refused; `calls` counts applications, rolled back ones included.
 */
function recordingProjector(calls: { count: number }): Projector {
  return {
    name: 'load-recorder',
    version: 1,
    tables: ['load_seen'],
    schema: 'CREATE TABLE load_seen (position TEXT NOT NULL, id TEXT NOT NULL) STRICT',
    bind(db: Database.Database) {
      const insert = db.prepare('INSERT INTO load_seen (position, id) VALUES (?, ?)');
      return (event) => {
        calls.count += 1;
        insert.run(event.position.toString(), event.id);
      };
    },
  };
}

/**
 * Appends `appends` batches of 1 to `maxEvents` events at exact revisions, as the ledger's
 * commands do: to its own streams, and every fifth to a stream all writers share, re-reading its
 * tail after losing to another writer. Answers how many appends it lost that way.
 */
async function write(
  store: EventStore,
  writer: number,
  appends: number,
  maxEvents: number,
): Promise<number> {
  const revisions = new Map<string, bigint>();
  let lost = 0;
  for (let n = 0; n < appends; n++) {
    const events = newEvents(1 + ((writer * 7 + n * 3) % maxEvents), 'LoadApplied');
    const stream = n % 5 === 0 ? 'load-shared' : `load-w${writer}-${n % 7}`;
    for (;;) {
      if (stream === 'load-shared') revisions.set(stream, await lastRevision(store, stream));
      const known = revisions.get(stream) ?? -1n;
      try {
        const { nextRevision } = await store.append(stream, events, {
          expectedRevision: known < 0n ? 'no_stream' : known,
        });
        revisions.set(stream, nextRevision);
        break;
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        lost += 1;
      }
    }
    // The SQLite store answers synchronously: yield, so that readers and writers interleave.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return lost;
}

async function lastRevision(store: EventStore, stream: string): Promise<bigint> {
  for await (const event of store.readStream(stream, { direction: 'backwards', maxCount: 1 })) {
    return event.revision;
  }
  return -1n;
}

/** Every way `seen` differs from `expected`: count, duplicates, order, positions not increasing. */
function deliveryFaults(
  seen: readonly { readonly id: string; readonly position: bigint }[],
  expected: readonly RecordedEvent[],
): string[] {
  const faults: string[] = [];
  if (seen.length !== expected.length) faults.push(`${seen.length} of ${expected.length} events`);
  const ids = new Set(seen.map((event) => event.id));
  if (ids.size !== seen.length) faults.push(`${seen.length - ids.size} delivered twice`);
  const missing = expected.filter((event) => !ids.has(event.id)).length;
  if (missing > 0) faults.push(`${missing} never delivered`);
  const firstOutOfOrder = seen.findIndex((event, i) => event.id !== expected[i]?.id);
  if (firstOutOfOrder >= 0) faults.push(`log order broken at delivery ${firstOutOfOrder}`);
  const notIncreasing = seen.filter((event, i) => i > 0 && event.position <= seen[i - 1].position);
  if (notIncreasing.length > 0) faults.push(`${notIncreasing.length} positions not increasing`);
  return faults;
}

describe.each(BACKENDS)('subscription under load (%s)', (name, open) => {
  let backend: Backend | undefined;
  let db: Database.Database | undefined;
  let runner: ProjectionRunner | undefined;

  afterEach(async () => {
    runner?.stop();
    db?.close();
    await backend?.dispose();
    [runner, db, backend] = [undefined, undefined, undefined];
  });

  it('delivers every event once, in log order, to a projection and a subscriber catching up from zero', async () => {
    const { writer, reader, load } = (backend = await open());
    const readModels = (db = openReadModelDatabase(':memory:'));
    await write(writer, load.writers, load.backlogAppends, load.maxEventsPerAppend);
    const started = Date.now();
    const lost = Promise.all(
      Array.from({ length: load.writers }, (_, w) =>
        write(writer, w, load.appendsEach, load.maxEventsPerAppend),
      ),
    );

    // Both start from the beginning of the log while the writers are at work.
    const delivered: RecordedEvent[] = [];
    const subscription = reader.subscribeToAll().subscribe((event) => delivered.push(event));
    const calls = { count: 0 };
    runner = new ProjectionRunner(reader, readModels, [recordingProjector(calls)], {
      maxBatchSize: 100,
    });
    runner.start();
    const headWhenJoined = await writer.headPosition();

    const lostToAnotherWriter = (await lost).reduce((sum, count) => sum + count, 0);
    const log = await readWholeLog(writer);
    const head = log[log.length - 1].position;
    expect(await runner.waitFor(head, 60_000)).toBe(true);
    // Not reaching the count is reported below, with what was missed.
    await eventually(() => delivered.length >= log.length, 60_000).catch(() => undefined);
    // A little longer, so that an event delivered twice after the last one would be seen.
    await new Promise((resolve) => setTimeout(resolve, 100));
    subscription.unsubscribe();
    const elapsedMs = Date.now() - started;

    const projected = (
      readModels.prepare('SELECT position, id FROM load_seen ORDER BY rowid').all() as {
        position: string;
        id: string;
      }[]
    ).map((row) => ({ id: row.id, position: BigInt(row.position) }));
    console.log(
      `subscription under load (${name}): ${log.length} events in ${load.writers * load.appendsEach + load.backlogAppends} appends (${load.writers} concurrent writers, ${lostToAnotherWriter} lost the shared stream and retried), ` +
        `readers joined at position ${headWhenJoined}; subscriber ${delivered.length}, projection ${projected.length} ` +
        `(${calls.count} applications), ${elapsedMs} ms`,
    );
    // The premise: the readers started behind, and the log kept growing after they had.
    expect(headWhenJoined).toBeLessThan(head);
    expect(deliveryFaults(delivered, log)).toEqual([]);
    expect(deliveryFaults(projected, log)).toEqual([]);
  });
});
