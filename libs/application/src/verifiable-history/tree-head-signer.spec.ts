import { generateKeyPairSync } from 'node:crypto';
import { type SigningKey, signingKeyFromPem } from '@cohesion/access-tokens';
import {
  fromBase64,
  InMemoryHashStore,
  MerkleLog,
  verifyConsistency,
  verifySignedTreeHead,
} from '@cohesion/merkle';
import type Database from 'better-sqlite3';
import { StoreUnavailableError } from '@cohesion/event-store';
import { SignedTreeHeadStore } from './signed-tree-head-store';
import { TreeHeadInconsistentError, TreeHeadSigner } from './tree-head-signer';

const leaf = (i: number, variant = 0) => Uint8Array.of(i & 0xff, i >> 8, variant);

function logOf(count: number, changed?: { index: number }): MerkleLog {
  const log = new MerkleLog(new InMemoryHashStore());
  log.append(Array.from({ length: count }, (_, i) => leaf(i, i === changed?.index ? 1 : 0)));
  return log;
}

describe('tree head signer', () => {
  let key: SigningKey;
  let heads: SignedTreeHeadStore;
  let now: Date;
  const clock = () => now;

  beforeAll(async () => {
    const pem = generateKeyPairSync('ed25519')
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    key = await signingKeyFromPem(pem, 'test key');
  });
  beforeEach(() => {
    heads = SignedTreeHeadStore.open(':memory:');
    now = new Date('2026-05-01T12:00:00.000Z');
  });
  afterEach(() => heads.close());

  it('signs the log as it stands, verifiably, and reuses the head while the log has not grown', async () => {
    const log = logOf(5);
    const head = new TreeHeadSigner(log, heads, key, clock).current();
    expect(head).toMatchObject({ treeSize: 5, timestamp: now.toISOString(), keyId: key.kid });
    const pem = key.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const verified = await verifySignedTreeHead(head, pem);
    expect(verified.rootHash).toEqual(log.root());
    now = new Date('2026-05-01T13:00:00.000Z');
    expect(new TreeHeadSigner(log, heads, key, clock).current()).toEqual(head);
    expect(heads.all()).toHaveLength(1);
  });

  it('signs a new head once the log grew, consistent with the previous one, and keeps both', () => {
    const first = new TreeHeadSigner(logOf(5), heads, key, clock).current();
    const grown = logOf(9);
    now = new Date('2026-05-01T13:00:00.000Z');
    const second = new TreeHeadSigner(grown, heads, key, clock).current();
    expect(second.treeSize).toBe(9);
    verifyConsistency(
      5,
      9,
      grown.consistencyProof(5, 9),
      fromBase64(first.rootHash) ?? new Uint8Array(),
      fromBase64(second.rootHash) ?? new Uint8Array(),
    );
    expect(heads.all()).toEqual([first, second]);
    expect(heads.atSize(5)).toEqual(first);
  });

  it('treats an empty first head as consistent with anything', () => {
    new TreeHeadSigner(logOf(0), heads, key, clock).current();
    expect(new TreeHeadSigner(logOf(3), heads, key, clock).current().treeSize).toBe(3);
  });

  it.each([
    ['same size, one event changed', 6, 2],
    ['grown, one earlier event changed', 11, 4],
    ['grown, the last signed event changed', 7, 5],
  ])('refuses to sign a log inconsistent with the latest head (%s)', (_, size, index) => {
    new TreeHeadSigner(logOf(6), heads, key, clock).current();
    const rewritten = new TreeHeadSigner(logOf(size, { index }), heads, key, clock);
    expect(() => rewritten.current()).toThrow(TreeHeadInconsistentError);
    expect(() => rewritten.current()).toThrow(/does not extend the tree head signed at/);
    expect(heads.all()).toHaveLength(1);
  });

  it('keeps serving the latest head while the Merkle log is behind it (rebuild)', () => {
    const head = new TreeHeadSigner(logOf(6), heads, key, clock).current();
    expect(new TreeHeadSigner(logOf(2), heads, key, clock).current()).toEqual(head);
  });

  it('never dates a head before the previous one, even if the clock went back', () => {
    const first = new TreeHeadSigner(logOf(2), heads, key, clock).current();
    now = new Date('2026-04-01T00:00:00.000Z');
    expect(new TreeHeadSigner(logOf(3), heads, key, clock).current().timestamp).toBe(
      first.timestamp,
    );
  });

  it('tells a full disk apart as a storage fault (a 503 to try again), never as changed history', () => {
    new TreeHeadSigner(logOf(3), heads, key, clock).current();
    // SQLite's own refusal when a file may not grow (what a full disk gives), once every page is used.
    const db = (heads as unknown as { db: Database.Database }).db;
    db.exec('CREATE TABLE filler (bytes BLOB NOT NULL)');
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    const fill = db.prepare('INSERT INTO filler (bytes) VALUES (zeroblob(64))');
    expect(() => {
      for (;;) fill.run();
    }).toThrow(/full/);
    // Each larger log is signed anew, until the heads' own page is full too.
    let failure: unknown;
    for (let size = 4; size < 500 && failure === undefined; size++) {
      try {
        new TreeHeadSigner(logOf(size), heads, key, clock).current();
      } catch (error) {
        failure = error;
      }
    }
    expect(failure).toBeInstanceOf(StoreUnavailableError);
    expect(failure).toMatchObject({ code: 'SQLITE_FULL' });
  });
});
