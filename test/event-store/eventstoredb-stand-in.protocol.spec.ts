import { randomUUID } from 'node:crypto';
import {
  EventStoreDBClient,
  jsonEvent,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { firstValueFrom, take, toArray } from 'rxjs';
import { CorruptedStoreError, EventStoreDbEventStore } from '@cohesion/event-store';
import { collect, newEvents } from './event-store-contract';
import { EventStoreDbStandIn } from './eventstoredb-stand-in';
import { eventually } from './eventstoredb-test-support';

// Checks the fixture against what the real client expects of a server, so the contract run on
// the stand-in means something.
describe('EventStoreDB stand-in, seen by the real client', () => {
  let standIn: EventStoreDbStandIn;
  let client: EventStoreDBClient;

  beforeAll(async () => {
    standIn = await EventStoreDbStandIn.start();
    client = EventStoreDBClient.connectionString(standIn.connectionString);
  });

  afterAll(async () => {
    await client.dispose();
    await standIn.stop();
  });

  const someEvent = () => jsonEvent({ id: randomUUID(), type: 'Tested', data: { ok: true } });

  it('answers a stale expected revision so that the client raises WrongExpectedVersionError', async () => {
    const stream = `protocol-${randomUUID()}`;
    await client.appendToStream(stream, [someEvent(), someEvent()], {
      expectedRevision: 'no_stream',
    });
    const attempt = client.appendToStream(stream, someEvent(), { expectedRevision: 0n });
    await expect(attempt).rejects.toBeInstanceOf(WrongExpectedVersionError);
    await expect(attempt).rejects.toMatchObject({ expectedVersion: 0n, actualVersion: 1n });
    const onMissing = client.appendToStream(`missing-${randomUUID()}`, someEvent(), {
      expectedRevision: 'stream_exists',
    });
    await expect(onMissing).rejects.toMatchObject({ actualVersion: 'no_stream' });
  });

  it('answers a read of a missing stream so that the client raises StreamNotFoundError', async () => {
    await expect(collect(client.readStream(`missing-${randomUUID()}`))).rejects.toBeInstanceOf(
      StreamNotFoundError,
    );
  });

  it('confirms a subscription to $all, then reports it caught up', async () => {
    const subscription = client.subscribeToAll();
    const signals: string[] = [];
    subscription.on('confirmation', () => signals.push('confirmation'));
    subscription.on('caughtUp', () => signals.push('caughtUp'));
    subscription.on('data', () => undefined);
    await eventually(() => signals.length === 2);
    expect(signals).toEqual(['confirmation', 'caughtUp']);
    await subscription.unsubscribe();
  });

  it('is read by the adapter as corrupted where an event lacks the ledger envelope', async () => {
    const store = EventStoreDbEventStore.connect(standIn.connectionString);
    const stream = `foreign-${randomUUID()}`;
    await client.appendToStream(stream, someEvent());
    await expect(collect(store.readStream(stream))).rejects.toBeInstanceOf(CorruptedStoreError);
    await store.close();
  });

  it('keeps its log for later connections, with system events the adapter never surfaces', async () => {
    // A log of its own: the other cases here write events that are not ledger events.
    const ledgerOnly = await EventStoreDbStandIn.start();
    const writer = EventStoreDbEventStore.connect(ledgerOnly.connectionString);
    const stream = `ledger_${randomUUID().slice(0, 8)}`;
    await writer.append(stream, newEvents(2), { expectedRevision: 'no_stream' });
    ledgerOnly.appendSystemEvent('$stats-127.0.0.1:2113', '$statsCollected');
    const last = await writer.append(stream, newEvents(1), { expectedRevision: 1n });
    ledgerOnly.appendSystemEvent('$stats-127.0.0.1:2113', '$statsCollected');
    await writer.close();

    const reader = EventStoreDbEventStore.connect(ledgerOnly.connectionString, { pageSize: 2 });
    const log = await collect(reader.readAll());
    expect(log.some((event) => event.stream.startsWith('$') || event.type.startsWith('$'))).toBe(
      false,
    );
    expect(log.filter((event) => event.stream === stream)).toHaveLength(3);
    expect(await reader.headPosition()).toBe(last.position);
    const live = await firstValueFrom(reader.subscribeToAll().pipe(take(log.length), toArray()));
    expect(live).toEqual(log);
    await reader.close();
    await ledgerOnly.stop();
  });
});
