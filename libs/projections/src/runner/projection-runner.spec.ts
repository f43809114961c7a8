import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { eventIdFor, type NewEvent, SqliteEventStore } from '@cohesion/event-store';
import type { Projector } from '../projector';
import { digestOfTables } from './digest';
import { ProjectionRunner } from './projection-runner';
import { openReadModelDatabase } from './read-model-database';

/** Counts the events of each stream; refuses (throws on) the event whose index is in `poisoned`. */
function countingProjector(version = 1, poisoned = new Set<number>()): Projector {
  return {
    name: 'counts',
    version,
    tables: ['stream_counts'],
    schema: 'CREATE TABLE stream_counts (stream TEXT PRIMARY KEY, events INTEGER NOT NULL) STRICT',
    bind(db: Database.Database) {
      const count = db.prepare(
        `INSERT INTO stream_counts (stream, events) VALUES (?, 1)
         ON CONFLICT (stream) DO UPDATE SET events = events + 1`,
      );
      return (event) => {
        if (poisoned.has(Number(event.data.index))) throw new Error(`cannot project ${event.id}`);
        if (event.type === 'Counted') count.run(event.stream);
      };
    },
  };
}

function events(count: number, commandId: string, type = 'Counted'): NewEvent[] {
  return Array.from({ length: count }, (_, index) => ({
    id: eventIdFor(commandId, index),
    type,
    data: { index },
    metadata: {
      actor: { sub: 't' },
      commandId,
      correlationId: commandId,
      causationId: commandId,
      schemaVersion: 1,
    },
  }));
}

describe('projection runner', () => {
  let directory: string;
  let store: SqliteEventStore;
  let db: Database.Database;
  let runner: ProjectionRunner | undefined;

  const counts = () =>
    Object.fromEntries(
      (
        db.prepare('SELECT stream, events FROM stream_counts').all() as {
          stream: string;
          events: number;
        }[]
      ).map((row) => [row.stream, row.events]),
    );

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'ledger-projections-'));
    store = new SqliteEventStore({ file: join(directory, 'events.sqlite'), pageSize: 100 });
    db = openReadModelDatabase(join(directory, 'read-models.sqlite'));
  });
  afterEach(async () => {
    runner?.stop();
    db.close();
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('applies the whole log, then what is appended live, and reports its checkpoint', async () => {
    await store.append('a', events(250, 'c1'), { expectedRevision: 'no_stream' });
    runner = new ProjectionRunner(store, db, [countingProjector()], { maxBatchSize: 64 });
    runner.start();
    expect(await runner.waitFor(250n, 5000)).toBe(true);
    const { position } = await store.append('b', events(3, 'c2'), {
      expectedRevision: 'no_stream',
    });
    expect(await runner.waitFor(position, 5000)).toBe(true);
    expect(counts()).toEqual({ a: 250, b: 3 });
    expect(runner.status()).toEqual([{ name: 'counts', version: 1, checkpoint: 253n }]);
  });

  it('ignores event types the projector does not know, and still advances its checkpoint', async () => {
    await store.append('a', events(5, 'c1', 'SomethingElse'), { expectedRevision: 'no_stream' });
    runner = new ProjectionRunner(store, db, [countingProjector()]);
    runner.start();
    expect(await runner.waitFor(5n, 5000)).toBe(true);
    expect(counts()).toEqual({});
  });

  it('answers false when the read models do not reach a position in time', async () => {
    runner = new ProjectionRunner(store, db, [countingProjector()]);
    runner.start();
    expect(await runner.waitFor(99n, 50)).toBe(false);
  });

  it('resumes after a restart from its checkpoint, applying nothing twice', async () => {
    await store.append('a', events(120, 'c1'), { expectedRevision: 'no_stream' });
    runner = new ProjectionRunner(store, db, [countingProjector()]);
    runner.start();
    await runner.waitFor(120n, 5000);
    runner.stop();
    await store.append('a', events(30, 'c2'), { expectedRevision: 119n });
    runner = new ProjectionRunner(store, db, [countingProjector()]);
    runner.start();
    expect(await runner.waitFor(150n, 5000)).toBe(true);
    expect(counts()).toEqual({ a: 150 });
  });

  it('rolls back a batch that fails midway, retries it, and ends with every event applied exactly once', async () => {
    await store.append('a', events(300, 'c1'), { expectedRevision: 'no_stream' });
    const poisoned = new Set([170]);
    const reported: string[] = [];
    runner = new ProjectionRunner(store, db, [countingProjector(1, poisoned)], {
      maxBatchSize: 100,
      retryDelayMs: 20,
      report: {
        failed: ({ readModel, position, cause }) =>
          reported.push(`failed ${readModel} ${position} ${cause}`),
        recovered: ({ position }) => reported.push(`recovered from ${position}`),
      },
    });
    const started = runner;
    started.start();
    // Retried a few times: the same failure each time.
    await eventually(() => expect(started.failure).toBeDefined());
    await new Promise((resolve) => setTimeout(resolve, 100));
    // The batch holding event 170 failed: the batches before it are applied, nothing of its own.
    expect(started.failure).toEqual({
      readModel: 'counts',
      position: '171',
      cause: expect.stringMatching(/cannot project/) as unknown,
      since: expect.stringMatching(/^\d{4}-/) as unknown,
    });
    expect(started.position).toBe(100n);
    expect(counts()).toEqual({ a: 100 });
    poisoned.clear();
    expect(await started.waitFor(300n, 5000)).toBe(true);
    expect(counts()).toEqual({ a: 300 });
    expect(started.failure).toBeUndefined();
    // Reported once when it stopped, however often it retried, and once when it went on.
    expect(reported).toEqual([
      expect.stringMatching(/^failed counts 171 cannot project/),
      'recovered from 171',
    ]);
  });

  it('rebuilds a read model whose version changed', async () => {
    await store.append('a', events(10, 'c1'), { expectedRevision: 'no_stream' });
    runner = new ProjectionRunner(store, db, [countingProjector(1)]);
    runner.start();
    await runner.waitFor(10n, 5000);
    runner.stop();
    db.exec("UPDATE stream_counts SET events = 999 WHERE stream = 'a'");
    runner = new ProjectionRunner(store, db, [countingProjector(2)]);
    runner.start();
    expect(await runner.waitFor(10n, 5000)).toBe(true);
    expect(counts()).toEqual({ a: 10 });
  });

  it('ends a rebuild in the very state incremental application reached', async () => {
    runner = new ProjectionRunner(store, db, [countingProjector()], { maxBatchSize: 7 });
    runner.start();
    for (let round = 0; round < 20; round++) {
      const { position } = await store.append(`s${round % 3}`, events(round + 1, `r${round}`), {
        expectedRevision: 'any',
      });
      await runner.waitFor(position, 5000);
    }
    const incremental = digestOfTables(db, ['stream_counts']);
    runner.rebuild();
    expect(await runner.waitFor(await store.headPosition(), 5000)).toBe(true);
    expect(digestOfTables(db, ['stream_counts'])).toBe(incremental);
    expect(() => runner?.rebuild(['nope'])).toThrow(/Unknown read models: nope/);
  });
});

/** Waits until `check` passes (it throws until then), polling; jest's timeout bounds the wait. */
async function eventually(check: () => void): Promise<void> {
  for (;;) {
    try {
      check();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}
