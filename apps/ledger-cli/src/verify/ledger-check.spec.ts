import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { type SigningKey, signingKeyFromPem } from '@cohesion/access-tokens';
import { eventIdFor, type NewEvent, SqliteEventStore } from '@cohesion/event-store';
import { merkleLogOf, merkleLogProjector, openReadModelDatabase } from '@cohesion/projections';
import { SignedTreeHeadStore, type TreeHeadDocument, TreeHeadSigner } from '@cohesion/application';
import { checkLedger, type LedgerSources } from './ledger-check';

const EVENTS = 20;

async function keyOf(): Promise<SigningKey> {
  const pem = generateKeyPairSync('ed25519')
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
  return signingKeyFromPem(pem, 'test key');
}

const newEvent = (i: number): NewEvent => ({
  id: eventIdFor(`c${i}`, 0),
  type: 'Noted',
  data: { i, note: `note ${i}` },
  metadata: {
    actor: { sub: 't' },
    commandId: `c${i}`,
    correlationId: `c${i}`,
    causationId: `c${i}`,
    schemaVersion: 1,
  },
});

/** A small ledger on disk: events in three streams, their Merkle log projected, one head signed. */
describe('ledger check', () => {
  let directory: string;
  let events: Database.Database;
  let readModels: Database.Database;
  let head: TreeHeadDocument;
  let key: SigningKey;
  let sources: LedgerSources;

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'ledger-check-'));
    const store = new SqliteEventStore({ file: join(directory, 'events.sqlite') });
    for (let i = 0; i < EVENTS; i++) {
      await store.append(`s-${i % 3}`, [newEvent(i)], { expectedRevision: 'any' });
    }
    readModels = openReadModelDatabase(join(directory, 'read-models.sqlite'));
    readModels.exec(merkleLogProjector.schema);
    const project = merkleLogProjector.bind(readModels);
    for await (const event of store.readAll()) project(event);
    await store.close();
    key = await keyOf();
    const heads = SignedTreeHeadStore.open(':memory:');
    head = new TreeHeadSigner(merkleLogOf(readModels), heads, key).current();
    heads.close();
    events = new Database(join(directory, 'events.sqlite'));
    sources = {
      events,
      readModels,
      heads: [head],
      publicKey: {
        keyId: key.kid,
        pem: key.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      },
    };
  });
  afterEach(() => {
    events.close();
    readModels.close();
    rmSync(directory, { recursive: true, force: true });
  });

  const damageOf = async (changed: Partial<LedgerSources> = {}) =>
    (await checkLedger({ ...sources, ...changed })).damage;

  it('verifies every event, the stored tree node for node, and the signed head', async () => {
    expect(await checkLedger(sources)).toMatchObject({
      events: EVENTS,
      streams: 3,
      root: head.rootHash,
      storedLeaves: EVENTS,
      heads: { matched: 1, signed: 1, otherKeys: 0 },
      damage: undefined,
    });
  });

  it.each([
    ['UPDATE events SET data = \'{"i": 7\' WHERE position = 8', 8, /its data is not a JSON object/],
    [
      'UPDATE events SET data = \'{"i":7,"note":"note 8"}\' WHERE position = 8',
      8,
      /its content does not match its hash/,
    ],
    [
      'UPDATE events SET revision = 9 WHERE position = 8',
      8,
      /revision 2 was expected in its stream/,
    ],
    ['UPDATE events SET prev_hash = hash WHERE position = 11', 11, /its prevHash is not the hash/],
    ['DELETE FROM events WHERE position = 5', 6, /it is event 5 of the log but has position 6/],
  ])('names the first damaged event after %s', async (sql, position, reason) => {
    events.exec(sql);
    const damage = await damageOf();
    expect(damage).toMatchObject({
      kind: 'event',
      position: BigInt(position),
      reason: expect.stringMatching(reason) as string,
    });
  });

  it('names the stream and revision of the damaged event', async () => {
    events.exec("UPDATE events SET metadata = '[]' WHERE position = 14");
    expect(await damageOf()).toMatchObject({
      stream: 's-1',
      revision: 4n,
      reason: 'its metadata is not a JSON object',
    });
  });

  it('sees events removed at the end by the signed head, without any read model', async () => {
    events.exec(`DELETE FROM events WHERE position = ${EVENTS}`);
    expect(await damageOf({ readModels: undefined })).toMatchObject({
      kind: 'tree-head',
      reason: expect.stringMatching(/vouched for 20 events, the log holds only 19/) as string,
    });
  });

  it('sees an altered node of the stored Merkle log', async () => {
    readModels.exec(
      'UPDATE merkle_log_nodes SET hash = zeroblob(32) WHERE level = 2 AND node_index = 1',
    );
    expect(await damageOf()).toMatchObject({
      kind: 'merkle-log',
      reason: expect.stringMatching(/stored node 2\/1 \(leaves 4 to 7\) does not match/) as string,
    });
  });

  it.each([
    ['UPDATE merkle_log_leaves SET position = 99 WHERE leaf_index = 5', /another event as leaf 5/],
    [
      'UPDATE merkle_log_leaves_by_event SET leaf_index = 6 WHERE leaf_index = 5',
      /finds event .* at another leaf than 5/,
    ],
  ])('sees a leaf of the stored Merkle log pointed elsewhere: %s', async (sql, reason) => {
    readModels.exec(sql);
    // Reported at the event (position 6 is leaf 5) whose leaf the read model misplaces.
    expect(await damageOf()).toMatchObject({
      kind: 'event',
      position: 6n,
      reason: expect.stringMatching(reason) as string,
    });
  });

  it('refutes a head whose signature does not verify, and leaves heads of other keys unchecked', async () => {
    const forged = { ...head, signature: Buffer.alloc(64).toString('base64') };
    expect(await damageOf({ heads: [forged] })).toMatchObject({
      kind: 'tree-head',
      reason: 'tree head signature does not verify',
    });
    const other = await checkLedger({ ...sources, heads: [{ ...forged, keyId: 'another' }] });
    expect(other).toMatchObject({
      damage: undefined,
      heads: { matched: 1, signed: 0, otherKeys: 1 },
    });
  });
});
