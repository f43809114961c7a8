import { randomUUID } from 'node:crypto';
import { EventStoreDbEventStore, type RecordedEvent } from '@cohesion/event-store';
import { newEvents } from './event-store-contract';
import { EventStoreDbStandIn } from './eventstoredb-stand-in';
import { eventually } from './eventstoredb-test-support';

describe('EventStoreDB adapter: dropped subscriptions', () => {
  let standIn: EventStoreDbStandIn;
  let store: EventStoreDbEventStore;

  beforeEach(async () => {
    standIn = await EventStoreDbStandIn.start();
    store = EventStoreDbEventStore.connect(standIn.connectionString, {
      resubscribe: { initialDelayMs: 10, maxDelayMs: 50, maxAttempts: 3 },
    });
  });

  afterEach(async () => {
    await store.close();
    await standIn.stop();
  });

  it('resumes from the last delivered event, skipping and repeating nothing', async () => {
    const prefix = `resubscribe_${randomUUID().slice(0, 8)}`;
    const caughtUpBatches = Array.from({ length: 20 }, () => newEvents(10));
    for (const [index, events] of caughtUpBatches.entries()) {
      await store.append(`${prefix}-${index}`, events, { expectedRevision: 'no_stream' });
      standIn.appendSystemEvent('$stats-127.0.0.1:2113', '$statsCollected');
    }
    const liveEvents = newEvents(30);
    const delivered: RecordedEvent[] = [];
    let droppedDuringCatchUp = 0;
    const subscription = store
      .subscribeToAll({ filter: { streamPrefixes: [prefix] } })
      .subscribe((event) => {
        delivered.push(event);
        if (delivered.length === 50) droppedDuringCatchUp = standIn.dropSubscriptions();
      });

    await eventually(() => delivered.length === 200);
    await store.append(`${prefix}-live`, liveEvents, { expectedRevision: 'no_stream' });
    await eventually(() => delivered.length === 230);
    const droppedWhileLive = standIn.dropSubscriptions();
    const lastBeforeSecondDrop = delivered[delivered.length - 1];
    const afterSecondDrop = newEvents(5);
    await store.append(`${prefix}-live`, afterSecondDrop, { expectedRevision: 29n });
    await eventually(() => delivered.length === 235);
    await new Promise((resolve) => setTimeout(resolve, 100));
    subscription.unsubscribe();

    const expected = [...caughtUpBatches.flat(), ...liveEvents, ...afterSecondDrop];
    expect(delivered.map((event) => event.id)).toEqual(expected.map((event) => event.id));
    delivered
      .slice(1)
      .forEach((event, index) => expect(event.position > delivered[index].position).toBe(true));
    expect([droppedDuringCatchUp, droppedWhileLive]).toEqual([1, 1]);
    const [first, afterCatchUpDrop, afterLiveDrop] = standIn.subscriptionStarts;
    expect(standIn.subscriptionStarts).toHaveLength(3);
    expect(first).toBe('start');
    expect(delivered.map((event) => event.position)).toContain(afterCatchUpDrop);
    expect(afterCatchUpDrop).toBeGreaterThanOrEqual(delivered[49].position);
    expect(afterLiveDrop).toBe(lastBeforeSecondDrop.position);
  });

  it('releases the server-side subscription on unsubscribe', async () => {
    const subscription = store.subscribeToAll().subscribe();
    await eventually(() => standIn.activeSubscriptionCount === 1);
    subscription.unsubscribe();
    await eventually(() => standIn.activeSubscriptionCount === 0);
  });

  it('ends live subscriptions when the store closes', async () => {
    let completed = false;
    store.subscribeToAll().subscribe({ complete: () => (completed = true) });
    await eventually(() => standIn.activeSubscriptionCount === 1);
    await store.close();
    expect(completed).toBe(true);
    await eventually(() => standIn.activeSubscriptionCount === 0);
  });

  it('gives up with the error once the server stays away beyond the bounded attempts', async () => {
    let failure: unknown;
    store.subscribeToAll().subscribe({ error: (error: unknown) => (failure = error) });
    await eventually(() => standIn.activeSubscriptionCount === 1);
    await standIn.stop();
    await eventually(() => failure !== undefined);
    expect(failure).toBeInstanceOf(Error);
  });
});
