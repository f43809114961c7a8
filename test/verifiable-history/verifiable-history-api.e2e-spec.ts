import { EVENT_STORE, type EventStore, hashEvent, type RecordedEvent } from '@cohesion/event-store';
import { InMemoryHashStore, MerkleLog, toBase64 } from '@cohesion/merkle';
import { eventHashBytes, ProjectionRunner } from '@cohesion/projections';
import type {
  ConsistencyProofDocument,
  InclusionProofDocument,
  PublicKeyDocument,
  TreeHeadDocument,
} from '@cohesion/application';
import { startTestLedger, type TestLedger } from '../support/ledger-app';
import {
  admin,
  expectProblem,
  type LedgerClient,
  ledgerClient,
  partner,
  type Principal,
} from '../support/ledger-client';
import { partnershipWith } from '../support/partnership-fixtures';
import { checkConsistency, checkInclusion, verifiedHead } from './verifier-checks';

const auditor: Principal = { sub: 'auditor-1', roles: ['auditor'] };
const base = '/verifiable-history';

describe('verifiable history through HTTP', () => {
  let ledger: TestLedger;
  let api: LedgerClient;
  let store: EventStore;
  let publicKey: PublicKeyDocument;

  const settled = async () => {
    const runner = ledger.app.get(ProjectionRunner);
    expect(await runner.waitFor(await store.headPosition(), 5000)).toBe(true);
  };
  const get = async <T>(path: string, as: Principal = auditor): Promise<T> =>
    (await api.get(`${base}${path}`, as).expect(200)).body as T;
  const allEvents = async () => {
    const events: RecordedEvent[] = [];
    for await (const event of store.readAll()) events.push(event);
    return events;
  };
  const eventOf = async (stream: string) =>
    (await allEvents()).find((event) => event.stream === stream) as RecordedEvent;

  beforeAll(async () => {
    ledger = await startTestLedger();
    api = ledgerClient(ledger);
    store = ledger.app.get<EventStore>(EVENT_STORE);
    await partnershipWith(api, 'north', ['acme', 'sos']);
    await partnershipWith(api, 'south', ['kiosk']);
    await settled();
    publicKey = await get<PublicKeyDocument>('/public-key');
  });
  afterAll(() => ledger.close());

  it('publishes the signing key as PEM and as JWK', () => {
    expect(publicKey).toMatchObject({
      algorithm: 'Ed25519',
      pem: expect.stringMatching(/^-----BEGIN PUBLIC KEY-----/) as string,
      jwk: { kty: 'OKP', crv: 'Ed25519', kid: publicKey.keyId },
    });
  });

  it('signs a tree head whose root is the RFC 9162 tree of every event hash, in log order', async () => {
    const head = await get<TreeHeadDocument>('/tree-head');
    const verified = await verifiedHead(head, publicKey.pem);
    await verifiedHead(head, publicKey.jwk);
    const events = await allEvents();
    const reference = new MerkleLog(new InMemoryHashStore());
    reference.append(events.map((event) => eventHashBytes(event.hash)));
    expect(head).toMatchObject({ treeSize: events.length, keyId: publicKey.keyId });
    expect(toBase64(verified.rootHash)).toBe(toBase64(reference.root()));
    // Asked again with nothing new recorded: the very same head, not a new signature.
    expect(await get<TreeHeadDocument>('/tree-head')).toEqual(head);
  });

  it('proves an event is included, by id or by leaf index, against the signed head', async () => {
    const event = await eventOf('partnership-south');
    const byId = await get<InclusionProofDocument>(`/inclusion-proof?eventId=${event.id}`);
    expect(byId).toMatchObject({
      eventId: event.id,
      stream: 'partnership-south',
      revision: '0',
      position: event.position.toString(),
      eventHash: hashEvent(event),
    });
    const head = await verifiedHead(byId.treeHead as TreeHeadDocument, publicKey.pem);
    checkInclusion(byId, head);
    const byIndex = await get<InclusionProofDocument>(
      `/inclusion-proof?leafIndex=${byId.leafIndex}`,
    );
    expect(byIndex).toEqual(byId);
  });

  it('keeps every head it signed, and proves the later ones extend the earlier ones', async () => {
    const older = await get<TreeHeadDocument>('/tree-head');
    await api.post('/partnerships/south/partners', {
      partnerId: 'bakery',
      name: 'bakery',
      kind: 'company',
      role: 'member',
      responsibilities: [],
    });
    await settled();
    const newer = await get<TreeHeadDocument>('/tree-head');
    expect(newer.treeSize).toBeGreaterThan(older.treeSize);
    expect(await get<TreeHeadDocument>(`/tree-head?treeSize=${older.treeSize}`)).toEqual(older);

    const proof = await get<ConsistencyProofDocument>(
      `/consistency-proof?oldSize=${older.treeSize}`,
    );
    expect(proof).toMatchObject({
      oldSize: older.treeSize,
      oldTreeHead: older,
      newTreeHead: newer,
    });
    checkConsistency(
      proof,
      await verifiedHead(older, publicKey.pem),
      await verifiedHead(newer, publicKey.pem),
    );

    // An old event, proved in the old tree: the head of that size comes with the proof.
    const event = await eventOf('partnership-north');
    const old = await get<InclusionProofDocument>(
      `/inclusion-proof?eventId=${event.id}&treeSize=${older.treeSize}`,
    );
    expect(old.treeHead).toEqual(older);
    checkInclusion(old, await verifiedHead(older, publicKey.pem));
  });

  it('proves nothing from the empty tree, and says when no head was signed at a size', async () => {
    const proof = await get<ConsistencyProofDocument>('/consistency-proof?oldSize=0');
    expect(proof).toMatchObject({ oldSize: 0, proof: [], oldTreeHead: null });
    const unsigned = await get<InclusionProofDocument>('/inclusion-proof?leafIndex=0&treeSize=2');
    expect(unsigned).toMatchObject({ treeSize: 2, treeHead: null });
    expectProblem(await api.get(`${base}/tree-head?treeSize=1`, auditor), 404, 'not-found');
  });

  it.each([
    ['/inclusion-proof', 400],
    ['/inclusion-proof?leafIndex=0&eventId=5f0c1b6e-1111-5222-8333-444455556666', 400],
    ['/inclusion-proof?eventId=not-a-uuid', 400],
    ['/inclusion-proof?leafIndex=-1', 400],
    ['/inclusion-proof?leafIndex=1e3', 400],
    ['/inclusion-proof?leafIndex=', 400],
    ['/inclusion-proof?leafIndex=0&treeSize=99999', 400],
    ['/inclusion-proof?leafIndex=5&treeSize=5', 400],
    ['/inclusion-proof?leafIndex=0&colour=red', 400],
    ['/inclusion-proof?eventId=5f0c1b6e-1111-5222-8333-444455556666', 404],
    ['/inclusion-proof?leafIndex=99999', 404],
    ['/consistency-proof', 400],
    ['/consistency-proof?oldSize=3&newSize=2', 400],
    ['/consistency-proof?oldSize=1&newSize=99999', 400],
    ['/tree-head?treeSize=x', 400],
  ])('answers %s with a %i problem', async (path, status) => {
    const response = await api.get(`${base}${path}`, auditor);
    expectProblem(response, status, status === 400 ? 'bad-request' : 'not-found');
  });

  it('gives partners heads and consistency proofs, and inclusion proofs only for what they may read', async () => {
    const acme = partner('acme');
    await get<TreeHeadDocument>('/tree-head', acme);
    await get<ConsistencyProofDocument>('/consistency-proof?oldSize=1', acme);
    await get<PublicKeyDocument>('/public-key', { sub: 'mediator-1', roles: ['mediator'] });
    const own = await eventOf('partnership-north');
    const other = await eventOf('partnership-south');
    await get<InclusionProofDocument>(`/inclusion-proof?eventId=${own.id}`, acme);
    const refused = await api.get(`${base}/inclusion-proof?eventId=${other.id}`, acme);
    expectProblem(refused, 404, 'not-found');
    const byIndex = await get<InclusionProofDocument>(
      `/inclusion-proof?eventId=${other.id}`,
      admin,
    );
    const refusedByIndex = await api.get(
      `${base}/inclusion-proof?leafIndex=${byIndex.leafIndex}`,
      acme,
    );
    expectProblem(refusedByIndex, 404, 'not-found');
    expectProblem(await api.get(`${base}/tree-head`, { sub: 'resident' }), 403, 'forbidden');
  });
});
