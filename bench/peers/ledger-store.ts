import { type ExpectedRevision, SqliteEventStore } from '@cohesion/event-store';
import { type KnownLength, type OpenStore } from './store-under-test';

/** Our SqliteEventStore, appending with expected revisions as the product's command handlers do. */
export const openLedgerStore: OpenStore = ({ file }) => {
  const store = new SqliteEventStore({ file });
  return Promise.resolve({
    async append(stream, events, known) {
      await store.append(stream, events, { expectedRevision: expectedRevision(known) });
    },
    readStream: (stream) => countEvents(store.readStream(stream)),
    readAll: () => countEvents(store.readAll()),
    close: () => store.close(),
  });
};

function expectedRevision(known: KnownLength): ExpectedRevision {
  if (known === 'any') return 'any';
  return known === 0 ? 'no_stream' : BigInt(known - 1);
}

async function countEvents(events: AsyncIterable<unknown>): Promise<number> {
  let count = 0;
  for await (const _event of events) count += 1;
  return count;
}
