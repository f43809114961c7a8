import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  type AppendResult,
  eventIdFor,
  hashEvent,
  IdempotencyConflictError,
  InvalidAppendError,
  type NewEvent,
  type RecordedEvent,
  SqliteEventStore,
  StoreUnavailableError,
  WrongExpectedRevisionError,
} from '@cohesion/event-store';
import { FillableSqliteEventStore } from '../support/faulty-event-store';

function events(count: number, commandId: string, data: object = { note: commandId }): NewEvent[] {
  return Array.from({ length: count }, (_, index) => ({
    id: eventIdFor(commandId, index),
    type: 'Noted',
    data: { ...data, index },
    metadata: {
      actor: { sub: 'tester' },
      commandId,
      correlationId: commandId,
      causationId: commandId,
      schemaVersion: 1,
    },
  }));
}

async function wholeLog(store: SqliteEventStore): Promise<RecordedEvent[]> {
  const log: RecordedEvent[] = [];
  for await (const event of store.readAll()) log.push(event);
  return log;
}

/** Positions 1…n without gaps, and every stream chained hash to hash. */
function expectIntact(log: readonly RecordedEvent[]): void {
  expect(log.map((event) => event.position)).toEqual(log.map((_, index) => BigInt(index + 1)));
  const tails = new Map<string, RecordedEvent>();
  for (const event of log) {
    const previous = tails.get(event.stream);
    expect(event.revision).toBe(previous ? previous.revision + 1n : 0n);
    expect(event.prevHash).toBe(previous ? previous.hash : '0'.repeat(64));
    expect(hashEvent(event)).toBe(event.hash);
    tails.set(event.stream, event);
  }
}

describe('SQLite group commit', () => {
  let directory: string;
  let file: string;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'ledger-group-commit-'));
    file = join(directory, 'events.sqlite');
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('commits appends that arrive together in one transaction, each answered with its own place', async () => {
    const store = new SqliteEventStore({ file });
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, index) =>
        store.append(`stream-${index % 7}`, events(1, `c${index}`), { expectedRevision: 'any' }),
      ),
    );
    expect(store.groupCommits).toEqual({ groups: 1, appends: 100 });
    expect(results.map((result) => result.position)).toEqual(
      results.map((_, index) => BigInt(index + 1)),
    );
    expect(results[99].nextRevision).toBe(BigInt(Math.floor(99 / 7)));
    expectIntact(await wholeLog(store));
    await store.close();
  });

  it('answers each append of a group on its own: a refused one never fails its neighbours', async () => {
    const store = new SqliteEventStore({ file });
    await store.append('known', events(1, 'known'), { expectedRevision: 'no_stream' });
    const settled = await Promise.allSettled<AppendResult>([
      store.append('a', events(1, 'first'), { expectedRevision: 'no_stream' }),
      store.append('a', events(1, 'second'), { expectedRevision: 'no_stream' }),
      store.append('b', [{ ...events(1, 'bad')[0], id: 'not-a-uuid' }], {
        expectedRevision: 'any',
      }),
      store.append('a', events(1, 'first'), { expectedRevision: 'no_stream' }),
      store.append('c', events(1, 'first', { other: 'content' }), { expectedRevision: 'any' }),
      // Two new events, the second reusing a recorded id: undone alone, nothing of it kept.
      store.append('d', [events(1, 'fresh')[0], events(1, 'known')[0]], {
        expectedRevision: 'no_stream',
      }),
      store.append('a', events(2, 'third'), { expectedRevision: 0n }),
    ]);
    expect(store.groupCommits).toEqual({ groups: 2, appends: 8 });
    const [first, second, invalid, retry, reused, partlyKnown, third] = settled;
    expect(first).toEqual({ status: 'fulfilled', value: { nextRevision: 0n, position: 2n } });
    expect(second).toMatchObject({
      status: 'rejected',
      reason: expect.any(WrongExpectedRevisionError) as unknown,
    });
    expect(invalid).toMatchObject({
      status: 'rejected',
      reason: expect.any(InvalidAppendError) as unknown,
    });
    expect(retry).toEqual(first);
    expect(reused).toMatchObject({
      status: 'rejected',
      reason: expect.any(IdempotencyConflictError) as unknown,
    });
    expect(partlyKnown).toMatchObject({
      status: 'rejected',
      reason: expect.any(IdempotencyConflictError) as unknown,
    });
    expect(third).toEqual({ status: 'fulfilled', value: { nextRevision: 2n, position: 4n } });
    const log = await wholeLog(store);
    expect(log.map((event) => `${event.stream}@${event.revision}`)).toEqual([
      'known@0',
      'a@0',
      'a@1',
      'a@2',
    ]);
    expectIntact(log);
    await store.close();
  });

  it('fails the whole group when storage fails, writes none of it, and goes on after', async () => {
    const store = new FillableSqliteEventStore({ file });
    const big = { text: 'x'.repeat(4000) };
    await store.append('s', events(1, 'before', big), { expectedRevision: 'no_stream' });
    store.fillDisk();
    const settled = await Promise.allSettled(
      Array.from({ length: 20 }, (_, index) =>
        store.append(`s${index % 2}`, events(1, `full${index}`, big), { expectedRevision: 'any' }),
      ),
    );
    expect(settled.every((outcome) => outcome.status === 'rejected')).toBe(true);
    expect(
      settled.every(
        (outcome) =>
          outcome.status === 'rejected' && outcome.reason instanceof StoreUnavailableError,
      ),
    ).toBe(true);
    expect(await store.headPosition()).toBe(1n);
    store.freeDisk();
    await store.append('s', events(1, 'after', big), { expectedRevision: 0n });
    await store.append('s0', events(1, 'full0', big), { expectedRevision: 'no_stream' });
    const log = await wholeLog(store);
    expect(log.map((event) => `${event.stream}@${event.revision}`)).toEqual(['s@0', 's@1', 's0@0']);
    expectIntact(log);
    await store.close();
  });

  it('notices what another connection committed to the same file before chaining to a stream', async () => {
    const mine = new SqliteEventStore({ file });
    const theirs = new SqliteEventStore({ file });
    await mine.append('shared', events(1, 'm1'), { expectedRevision: 'no_stream' });
    await theirs.append('shared', events(1, 't1'), { expectedRevision: 0n });
    await mine.append('shared', events(1, 'm2'), { expectedRevision: 1n });
    await expect(mine.append('shared', events(1, 'm3'), { expectedRevision: 1n })).rejects.toThrow(
      WrongExpectedRevisionError,
    );
    expectIntact(await wholeLog(theirs));
    await Promise.all([mine.close(), theirs.close()]);
  });

  it('keeps reading rows an earlier version wrote with non-canonical JSON, and refuses them damaged', async () => {
    const store = new SqliteEventStore({ file });
    await store.close();
    const [event] = events(1, 'legacy', { zeta: 1, alpha: 2 });
    const recorded = {
      ...event,
      stream: 'legacy',
      revision: 0n,
      prevHash: '0'.repeat(64),
      metadata: { ...event.metadata, recordedAt: '2026-01-01T00:00:00.000Z' },
    };
    const hash = hashEvent(recorded);
    const plain = new Database(file);
    const insert = plain.prepare(
      'INSERT INTO events (position, id, stream, revision, type, data, metadata, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    // Keys in insertion order, as JSON.stringify wrote them before the store kept canonical text.
    insert.run(
      1,
      recorded.id,
      'legacy',
      0,
      'Noted',
      JSON.stringify(recorded.data),
      JSON.stringify(recorded.metadata),
      recorded.prevHash,
      hash,
    );
    insert.run(
      2,
      eventIdFor('damaged', 0),
      'damaged',
      0,
      'Noted',
      JSON.stringify({ zeta: 2, alpha: 2, index: 0 }),
      JSON.stringify(recorded.metadata),
      recorded.prevHash,
      hash,
    );
    plain.close();
    const reopened = new SqliteEventStore({ file });
    const legacy: RecordedEvent[] = [];
    for await (const read of reopened.readStream('legacy')) legacy.push(read);
    expect(legacy).toEqual([{ ...recorded, position: 1n, hash }]);
    const damaged = async () => {
      for await (const _ of reopened.readStream('damaged')) void _;
    };
    await expect(damaged()).rejects.toThrow(/stored hash does not match/);
    await reopened.close();
  });
});
