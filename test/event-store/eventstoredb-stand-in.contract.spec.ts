import { EventStoreDbEventStore } from '@cohesion/event-store';
import { describeEventStoreContract } from './event-store-contract';
import { EventStoreDbStandIn } from './eventstoredb-stand-in';

// The real @eventstore/db-client against the in-process gRPC stand-in: every open() is a new
// client connection to the same in-memory log.
describeEventStoreContract('EventStoreDB (real client, gRPC stand-in)', async () => {
  const standIn = await EventStoreDbStandIn.start();
  return {
    open: () => Promise.resolve(EventStoreDbEventStore.connect(standIn.connectionString)),
    dispose: () => standIn.stop(),
  };
});
