import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  defaultHasher,
  fromBase64,
  toBase64,
  verifyConsistency,
  verifyInclusion,
} from '@cohesion/merkle';
import { referenceRoot } from '@cohesion/merkle/log/testing/reference-tree';
import { eventIdFor, type NewEvent, SqliteEventStore } from '@cohesion/event-store';
import { digestOfTables } from '../runner/digest';
import { ProjectionRunner } from '../runner/projection-runner';
import { openReadModelDatabase } from '../runner/read-model-database';
import { project, recordedEvents } from '../testing';
import { merkleLogProjector } from './merkle-log.projector';
import { merkleLeafAt, merkleLeafOfEvent, merkleLogOf } from './merkle-log.queries';
import { merkleLeafViewOf } from './merkle-log.views';
import { eventHashBytes } from './native-hasher';

const hex = (text: string) => createHash('sha256').update(text).digest('hex');

describe('merkle log projector', () => {
  // The spec kit gives every event the genesis hash: give each a hash of its own.
  const events = recordedEvents(
    Array.from({ length: 13 }, (_, i) => ({
      stream: `commitment-c${i % 3}`,
      event: { type: 'CommitmentMade', data: { i } },
    })),
  ).map((event, i) => ({ ...event, hash: hex(`event ${i}`) }));
  const leaves = events.map((event) => defaultHasher.hashLeaf(eventHashBytes(event.hash)));

  it('makes each event, in log order, the next leaf, and keeps the RFC 9162 root of the log', () => {
    const db = project(merkleLogProjector, []);
    const handle = merkleLogProjector.bind(db);
    events.forEach((event, i) => {
      handle(event);
      expect(toBase64(merkleLogOf(db).root())).toBe(
        toBase64(referenceRoot(leaves.slice(0, i + 1))),
      );
    });
    expect(merkleLogOf(db).size()).toBe(13);
  });

  it('gives the same tables when it is handed batches of any size as one event at a time', () => {
    const oneByOne = project(merkleLogProjector, []);
    events.forEach(merkleLogProjector.bind(oneByOne));
    const tables = [...merkleLogProjector.tables];
    for (const size of [1, 2, 5, 13]) {
      const batched = project(merkleLogProjector, []);
      const apply = merkleLogProjector.bindBatch?.(batched);
      for (let start = 0; start < events.length; start += size) {
        apply?.(events.slice(start, start + size));
      }
      expect(merkleLogOf(batched).size()).toBe(13);
      expect(digestOfTables(batched, tables)).toBe(digestOfTables(oneByOne, tables));
    }
  });

  it('serves proofs, for any size, that the verifier accepts', () => {
    const db = project(merkleLogProjector, []);
    const handle = merkleLogProjector.bind(db);
    events.forEach(handle);
    const log = merkleLogOf(db);
    for (let size = 1; size <= 13; size++) {
      const root = log.root(size);
      for (let index = 0; index < size; index++) {
        verifyInclusion(leaves[index], index, size, log.inclusionProof(index, size), root);
      }
      verifyConsistency(size, 13, log.consistencyProof(size, 13), root, log.root());
    }
  });

  it('finds a leaf by event id and by index', () => {
    const db = project(merkleLogProjector, []);
    const handle = merkleLogProjector.bind(db);
    events.forEach(handle);
    const leaf = { leafIndex: 4, position: '5' };
    expect(merkleLeafOfEvent(db, events[4].id)).toEqual(leaf);
    expect(merkleLeafAt(db, 4)).toEqual(leaf);
    expect(merkleLeafViewOf(leaf, events[4])).toEqual({
      ...leaf,
      eventId: events[4].id,
      stream: 'commitment-c1',
      revision: '1',
      eventHash: events[4].hash,
    });
    expect(merkleLeafOfEvent(db, 'nope')).toBeUndefined();
    expect(merkleLeafAt(db, 13)).toBeUndefined();
  });
});

describe('merkle log projector under the projection runner', () => {
  const directory = mkdtempSync(join(tmpdir(), 'ledger-merkle-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  const batch = (commandId: string, count: number): NewEvent[] =>
    Array.from({ length: count }, (_, index) => ({
      id: eventIdFor(commandId, index),
      type: 'Counted',
      data: { index },
      metadata: {
        actor: { sub: 't' },
        commandId,
        correlationId: commandId,
        causationId: commandId,
        schemaVersion: 1,
      },
    }));

  it('follows the real log in batches and ends a rebuild with the very same tree', async () => {
    const store = new SqliteEventStore({ file: join(directory, 'events.sqlite'), pageSize: 50 });
    const db = openReadModelDatabase(join(directory, 'read-models.sqlite'));
    const runner = new ProjectionRunner(store, db, [merkleLogProjector], { maxBatchSize: 16 });
    try {
      runner.start();
      for (let round = 0; round < 12; round++) {
        await store.append(`s${round % 4}`, batch(`r${round}`, round + 1), {
          expectedRevision: 'any',
        });
      }
      const head = await store.headPosition();
      expect(await runner.waitFor(head, 5000)).toBe(true);
      const hashes: Uint8Array[] = [];
      for await (const event of store.readAll()) {
        hashes.push(defaultHasher.hashLeaf(eventHashBytes(event.hash)));
      }
      const root = toBase64(referenceRoot(hashes));
      expect(toBase64(merkleLogOf(db).root())).toBe(root);
      const digest = digestOfTables(db, merkleLogProjector.tables);
      runner.rebuild();
      expect(await runner.waitFor(head, 5000)).toBe(true);
      expect(digestOfTables(db, merkleLogProjector.tables)).toBe(digest);
      expect(fromBase64(root)).toEqual(merkleLogOf(db).root());
    } finally {
      runner.stop();
      db.close();
      await store.close();
    }
  });
});
