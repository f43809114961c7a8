import { randomUUID } from 'node:crypto';
import { firstValueFrom, take, toArray } from 'rxjs';
import {
  type AppendResult,
  type EventStore,
  eventIdFor,
  GENESIS_HASH,
  hashEvent,
  IdempotencyConflictError,
  InvalidAppendError,
  type NewEvent,
  type RecordedEvent,
  WrongExpectedRevisionError,
} from '@cohesion/event-store';

/**
 * The behaviour every event store adapter must have. Written so that it can also run against a
 * shared, long-lived server: every case uses streams of its own and reads the log only after the
 * position it started from.
 */
export interface EventStoreFixture {
  /** A new connection to the same storage each time it is called (used to test reopening). */
  open(): Promise<EventStore>;
  dispose(): Promise<void>;
}

const actor = { sub: 'contract-suite', partnerId: 'partner-1', roles: ['partner'] };

export function newEvents(
  count: number,
  type = 'SomethingHappened',
  commandId = randomUUID(),
): NewEvent[] {
  return Array.from({ length: count }, (_, index) => ({
    id: eventIdFor(commandId, index),
    type,
    data: { index, note: 'é ✓ "quoted"', nested: { amount: 12.5, tags: ['a', 'b'] } },
    metadata: {
      actor,
      commandId,
      correlationId: commandId,
      causationId: commandId,
      schemaVersion: 1,
    },
  }));
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

export function describeEventStoreContract(
  adapterName: string,
  makeFixture: () => Promise<EventStoreFixture>,
): void {
  describe(`event store contract: ${adapterName}`, () => {
    let fixture: EventStoreFixture;
    let store: EventStore;
    const run = randomUUID().slice(0, 8);
    let streamCounter = 0;
    const newStream = (name = 'thing') => `${name}_${run}_${++streamCounter}`;

    beforeAll(async () => {
      fixture = await makeFixture();
      store = await fixture.open();
    });

    afterAll(async () => {
      await store.close();
      await fixture.dispose();
    });

    describe('appending', () => {
      it('records a new stream from revision 0 with its envelope, metadata and recording time', async () => {
        const stream = newStream();
        const events = newEvents(3);
        const before = Date.now();
        const result = await store.append(stream, events, { expectedRevision: 'no_stream' });
        const recorded = await collect(store.readStream(stream));

        expect(result.nextRevision).toBe(2n);
        expect(recorded.map((event) => event.revision)).toEqual([0n, 1n, 2n]);
        expect(recorded[2].position).toBe(result.position);
        expect(recorded[0].position < recorded[1].position).toBe(true);
        recorded.forEach((event, index) => {
          expect(event).toMatchObject({
            id: events[index].id,
            stream,
            type: 'SomethingHappened',
            data: events[index].data,
            metadata: events[index].metadata,
          });
          const recordedAt = Date.parse(event.metadata.recordedAt);
          expect(recordedAt).toBeGreaterThanOrEqual(before - 1000);
          expect(recordedAt).toBeLessThanOrEqual(Date.now() + 1000);
        });
      });

      it('accepts an exact expected revision and continues the stream', async () => {
        const stream = newStream();
        await store.append(stream, newEvents(2), { expectedRevision: 'no_stream' });
        const result = await store.append(stream, newEvents(1), { expectedRevision: 1n });
        expect(result.nextRevision).toBe(2n);
      });

      it.each([
        ['a stale exact revision', 0n, 1n],
        ['a revision from the future', 5n, 1n],
        ['no_stream on an existing stream', 'no_stream', 1n],
      ] as const)(
        'refuses %s with the actual revision',
        async (_case, expectedRevision, actual) => {
          const stream = newStream();
          await store.append(stream, newEvents(2), { expectedRevision: 'no_stream' });
          const error = await rejection(store.append(stream, newEvents(1), { expectedRevision }));
          expect(error).toBeInstanceOf(WrongExpectedRevisionError);
          expect(error).toMatchObject({ stream, expectedRevision, actualRevision: actual });
          expect(await collect(store.readStream(stream))).toHaveLength(2);
        },
      );

      it('refuses stream_exists and an exact revision on a missing stream, reporting no_stream', async () => {
        const stream = newStream();
        for (const expectedRevision of ['stream_exists', 0n] as const) {
          const error = await rejection(store.append(stream, newEvents(1), { expectedRevision }));
          expect(error).toBeInstanceOf(WrongExpectedRevisionError);
          expect(error).toMatchObject({ actualRevision: 'no_stream' });
        }
        expect(await collect(store.readStream(stream))).toHaveLength(0);
      });

      it('accepts any and stream_exists whatever the revision', async () => {
        const stream = newStream();
        await store.append(stream, newEvents(1), { expectedRevision: 'any' });
        await store.append(stream, newEvents(1), { expectedRevision: 'stream_exists' });
        const result = await store.append(stream, newEvents(1), { expectedRevision: 'any' });
        expect(result.nextRevision).toBe(2n);
      });

      it.each([
        ['no events', () => []],
        [
          'a data value that is not JSON',
          () => [{ ...newEvents(1)[0], data: { amount: Number.NaN } }],
        ],
        ['an id that is not a UUID', () => [{ ...newEvents(1)[0], id: 'not-a-uuid' }]],
        [
          'the same id twice',
          () => newEvents(2).map((event, _, all) => ({ ...event, id: all[0].id })),
        ],
      ])('refuses an append with %s and stores nothing', async (_case, events) => {
        const stream = newStream();
        const error = await rejection(store.append(stream, events(), { expectedRevision: 'any' }));
        expect(error).toBeInstanceOf(InvalidAppendError);
        expect(await collect(store.readStream(stream))).toHaveLength(0);
      });

      it('refuses reserved $ stream names', async () => {
        const error = await rejection(
          store.append(`$${newStream()}`, newEvents(1), { expectedRevision: 'any' }),
        );
        expect(error).toBeInstanceOf(InvalidAppendError);
      });
    });

    describe('concurrency', () => {
      it('lets exactly one of 20 concurrent appends at one expected revision win, losing nothing', async () => {
        const stream = newStream();
        await store.append(stream, newEvents(1), { expectedRevision: 'no_stream' });
        const contenders = Array.from({ length: 20 }, () => newEvents(2));
        const outcomes = await Promise.allSettled(
          contenders.map((events) => store.append(stream, events, { expectedRevision: 0n })),
        );

        const winners = outcomes.flatMap((outcome, index) =>
          outcome.status === 'fulfilled' ? [index] : [],
        );
        expect(winners).toHaveLength(1);
        outcomes.forEach((outcome) => {
          if (outcome.status === 'rejected') {
            expect(outcome.reason).toBeInstanceOf(WrongExpectedRevisionError);
            expect(outcome.reason).toMatchObject({ actualRevision: 2n });
          }
        });
        const recorded = await collect(store.readStream(stream));
        expect(recorded.map((event) => event.id).slice(1)).toEqual(
          contenders[winners[0]].map((e) => e.id),
        );
      });

      it('keeps every one of 30 concurrent appends with any, gap-free and chained', async () => {
        const stream = newStream();
        const batches = Array.from({ length: 30 }, () => newEvents(2));
        await Promise.all(
          batches.map((events) => store.append(stream, events, { expectedRevision: 'any' })),
        );
        const recorded = await collect(store.readStream(stream));
        expect(recorded.map((event) => event.revision)).toEqual(
          Array.from({ length: 60 }, (_, i) => BigInt(i)),
        );
        expect(new Set(recorded.map((event) => event.id))).toEqual(
          new Set(batches.flat().map((e) => e.id)),
        );
        expectChained(recorded);
      });

      it('appends to 25 streams concurrently without interference', async () => {
        const streams = Array.from({ length: 25 }, () => newStream('parallel'));
        await Promise.all(
          streams.map((stream) =>
            store.append(stream, newEvents(3), { expectedRevision: 'no_stream' }),
          ),
        );
        for (const stream of streams) {
          expect((await collect(store.readStream(stream))).map((e) => e.revision)).toEqual([
            0n,
            1n,
            2n,
          ]);
        }
      });
    });

    describe('idempotency', () => {
      it('stores a retried append once and answers it with the first result', async () => {
        const stream = newStream();
        const events = newEvents(2);
        const first = await store.append(stream, events, { expectedRevision: 'no_stream' });
        const retry = await store.append(stream, events, { expectedRevision: 'no_stream' });
        expect(retry).toEqual(first);
        expect(await collect(store.readStream(stream))).toHaveLength(2);
      });

      it('recognises a retry at an exact revision after the stream moved on', async () => {
        const stream = newStream();
        await store.append(stream, newEvents(1), { expectedRevision: 'no_stream' });
        const events = newEvents(2);
        const first = await store.append(stream, events, { expectedRevision: 0n });
        await store.append(stream, newEvents(3), { expectedRevision: 2n });
        expect(await store.append(stream, events, { expectedRevision: 0n })).toEqual(first);
        expect(await collect(store.readStream(stream))).toHaveLength(6);
      });

      it('refuses the same ids with other content and stores nothing', async () => {
        const stream = newStream();
        const events = newEvents(2);
        await store.append(stream, events, { expectedRevision: 'no_stream' });
        const altered = events.map((event) => ({
          ...event,
          data: { ...event.data, note: 'changed' },
        }));
        const error = await rejection(
          store.append(stream, altered, { expectedRevision: 'no_stream' }),
        );
        expect(error).toBeInstanceOf(IdempotencyConflictError);
        const recorded = await collect(store.readStream(stream));
        expect(recorded.map((event) => event.data)).toEqual(events.map((event) => event.data));
      });

      it('refuses an append that repeats earlier ids and adds new ones, storing nothing', async () => {
        const stream = newStream();
        const commandId = randomUUID();
        const events = newEvents(2, 'SomethingHappened', commandId);
        await store.append(stream, events, { expectedRevision: 'no_stream' });
        const extended = newEvents(3, 'SomethingHappened', commandId);
        const error = await rejection(
          store.append(stream, extended, { expectedRevision: 'no_stream' }),
        );
        expect(error).toBeInstanceOf(IdempotencyConflictError);
        expect(await collect(store.readStream(stream))).toHaveLength(2);
      });
    });

    describe('reading a stream', () => {
      let stream: string;
      beforeAll(async () => {
        stream = newStream('reading');
        await store.append(stream, newEvents(700), { expectedRevision: 'no_stream' });
      });

      it('reads forwards in revision order across pages', async () => {
        const recorded = await collect(store.readStream(stream));
        expect(recorded.map((event) => event.revision)).toEqual(
          Array.from({ length: 700 }, (_, i) => BigInt(i)),
        );
      });

      it('reads backwards from the end or from a revision, bounded by maxCount', async () => {
        const fromEnd = await collect(
          store.readStream(stream, { direction: 'backwards', maxCount: 3 }),
        );
        expect(fromEnd.map((event) => event.revision)).toEqual([699n, 698n, 697n]);
        const fromMiddle = await collect(
          store.readStream(stream, { direction: 'backwards', fromRevision: 2n, maxCount: 10 }),
        );
        expect(fromMiddle.map((event) => event.revision)).toEqual([2n, 1n, 0n]);
      });

      it('reads forwards from a revision, bounded by maxCount', async () => {
        const recorded = await collect(
          store.readStream(stream, { fromRevision: 650n, maxCount: 300 }),
        );
        expect(recorded.map((event) => event.revision)).toEqual(
          Array.from({ length: 50 }, (_, i) => BigInt(650 + i)),
        );
      });

      it('yields nothing for a stream that does not exist', async () => {
        expect(await collect(store.readStream(newStream('missing')))).toEqual([]);
      });
    });

    describe('reading the log', () => {
      it('reads every event after a position, in order, filtered by type or stream prefix', async () => {
        const start = await store.headPosition();
        const prefix = newStream('log');
        const a = `${prefix}-a`;
        const b = `${prefix}-b`;
        await store.append(a, newEvents(300, 'Alpha'), { expectedRevision: 'no_stream' });
        await store.append(b, newEvents(300, 'Beta'), { expectedRevision: 'no_stream' });
        await store.append(a, newEvents(1, 'Beta'), { expectedRevision: 299n });

        const mine = await collect(
          store.readAll({ fromPosition: start, filter: { streamPrefixes: [prefix] } }),
        );
        expect(mine).toHaveLength(601);
        expectStrictlyIncreasing(mine.map((event) => event.position));
        expect(mine.map((event) => event.stream)).toEqual([
          ...Array<string>(300).fill(a),
          ...Array<string>(300).fill(b),
          a,
        ]);

        const betas = await collect(
          store.readAll({
            fromPosition: start,
            filter: { eventTypes: ['Beta'], streamPrefixes: [prefix] },
          }),
        );
        expect(betas).toHaveLength(301);
        expect(betas.every((event) => event.type === 'Beta')).toBe(true);

        const afterFirst = await collect(
          store.readAll({
            fromPosition: mine[0].position,
            maxCount: 2,
            filter: { streamPrefixes: [prefix] },
          }),
        );
        expect(afterFirst.map((event) => event.id)).toEqual([mine[1].id, mine[2].id]);
      });

      it('reads the events at given positions, in log order, leaving out positions without one', async () => {
        const start = await store.headPosition();
        const prefix = newStream('at');
        const first = await store.append(`${prefix}-a`, newEvents(3, 'Alpha'), {
          expectedRevision: 'no_stream',
        });
        const second = await store.append(`${prefix}-b`, newEvents(2, 'Beta'), {
          expectedRevision: 'no_stream',
        });
        const written = await collect(
          store.readAll({ fromPosition: start, filter: { streamPrefixes: [prefix] } }),
        );
        const [a0, , a2, b0] = written;
        expect(a2.position).toBe(first.position);

        const read = await store.readAt([b0.position, a0.position, a2.position, a0.position]);
        expect(read.map((event) => event.id)).toEqual([a0.id, a2.id, b0.id]);
        expect(read[2]).toEqual(b0);
        expect(await store.readAt([second.position + 1_000_000n])).toEqual([]);
        expect(await store.readAt([])).toEqual([]);
      });

      it('reports the head position as the position of the last event', async () => {
        const result = await store.append(newStream(), newEvents(2), {
          expectedRevision: 'no_stream',
        });
        expect(await store.headPosition()).toBe(result.position);
      });
    });

    describe('hash chain', () => {
      it('chains every event of a stream to the one before, from the genesis hash', async () => {
        const stream = newStream();
        await store.append(stream, newEvents(3), { expectedRevision: 'no_stream' });
        await store.append(stream, newEvents(2), { expectedRevision: 2n });
        const recorded = await collect(store.readStream(stream));
        expect(recorded[0].prevHash).toBe(GENESIS_HASH);
        expectChained(recorded);
      });

      it('keeps a given recordedAt (imports), so an event hashes as it did where it came from', async () => {
        const stream = newStream();
        const recordedAt = '2024-03-01T08:30:00.123Z';
        const events = newEvents(2);
        const result = await store.append(stream, events, {
          expectedRevision: 'no_stream',
          recordedAt,
        });
        const recorded = await collect(store.readStream(stream));
        expect(recorded.map((event) => event.metadata.recordedAt)).toEqual([
          recordedAt,
          recordedAt,
        ]);
        const first = { ...recorded[0], metadata: { ...events[0].metadata, recordedAt } };
        expect(recorded[0].hash).toBe(hashEvent({ ...first, prevHash: GENESIS_HASH }));
        expectChained(recorded);
        // Importing the same events again records nothing and answers as the first time.
        await expect(
          store.append(stream, events, { expectedRevision: 'no_stream', recordedAt }),
        ).resolves.toEqual(result);
      });

      it.each(['yesterday', '2024-03-01 08:30:00', '2024-13-01T00:00:00Z', ''])(
        'refuses a recordedAt that is not an ISO instant in UTC (%p)',
        async (recordedAt) => {
          const stream = newStream();
          const error = await rejection(
            store.append(stream, newEvents(1), { expectedRevision: 'any', recordedAt }),
          );
          expect(error).toBeInstanceOf(InvalidAppendError);
          expect(await collect(store.readStream(stream))).toEqual([]);
        },
      );
    });

    describe('subscribing to the log', () => {
      it('catches up then goes live, never skipping nor repeating, while appends continue', async () => {
        const start = await store.headPosition();
        const prefix = newStream('sub');
        const before = Array.from({ length: 10 }, () => newEvents(30));
        for (const [index, events] of before.entries()) {
          await store.append(`${prefix}-${index}`, events, { expectedRevision: 'no_stream' });
        }
        const during = Array.from({ length: 40 }, () => newEvents(5));
        const expected = [...before, ...during].flat().map((event) => event.id);

        const received = firstValueFrom(
          store
            .subscribeToAll({ fromPosition: start, filter: { streamPrefixes: [prefix] } })
            .pipe(take(expected.length), toArray()),
        );
        await Promise.all(
          during.map((events, index) =>
            store.append(`${prefix}-live-${index % 7}`, events, { expectedRevision: 'any' }),
          ),
        );
        const events = await received;

        expectStrictlyIncreasing(events.map((event) => event.position));
        expect(new Set(events.map((event) => event.id))).toEqual(new Set(expected));
      });

      it('delivers only the events after the given position', async () => {
        const stream = newStream();
        const first = await store.append(stream, newEvents(3), { expectedRevision: 'no_stream' });
        const later = newEvents(2);
        await store.append(stream, later, { expectedRevision: 2n });
        const events = await firstValueFrom(
          store
            .subscribeToAll({ fromPosition: first.position, filter: { streamPrefixes: [stream] } })
            .pipe(take(2), toArray()),
        );
        expect(events.map((event) => event.id)).toEqual(later.map((event) => event.id));
      });

      it('delivers nothing more after unsubscribing', async () => {
        const stream = newStream();
        const start = await store.headPosition();
        const seen: RecordedEvent[] = [];
        const subscription = store
          .subscribeToAll({ fromPosition: start, filter: { streamPrefixes: [stream] } })
          .subscribe((event) => seen.push(event));
        await store.append(stream, newEvents(1), { expectedRevision: 'no_stream' });
        await waitUntil(() => seen.length === 1);
        subscription.unsubscribe();
        await store.append(stream, newEvents(1), { expectedRevision: 0n });
        await new Promise((resolve) => setTimeout(resolve, 400));
        expect(seen).toHaveLength(1);
      });
    });

    describe('durability', () => {
      it('keeps everything across closing and reopening, and goes on chaining', async () => {
        const stream = newStream();
        const written: AppendResult = await store.append(stream, newEvents(4), {
          expectedRevision: 'no_stream',
        });
        const before = await collect(store.readStream(stream));
        await store.close();
        store = await fixture.open();

        expect(await collect(store.readStream(stream))).toEqual(before);
        expect(await store.headPosition()).toBeGreaterThanOrEqual(written.position);
        await store.append(stream, newEvents(1), { expectedRevision: 3n });
        expectChained(await collect(store.readStream(stream)));
      });
    });
  });
}

function expectChained(events: readonly RecordedEvent[]): void {
  events.forEach((event, index) => {
    const { hash, position: _position, ...content } = event;
    expect(hash).toBe(hashEvent(content));
    expect(event.prevHash).toBe(index === 0 ? GENESIS_HASH : events[index - 1].hash);
  });
}

function expectStrictlyIncreasing(values: readonly bigint[]): void {
  values.slice(1).forEach((value, index) => expect(value > values[index]).toBe(true));
}

async function waitUntil(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
