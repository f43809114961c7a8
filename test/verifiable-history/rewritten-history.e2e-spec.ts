import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MerkleVerificationError } from '@cohesion/merkle/verifier';
import {
  type ConsistencyProofDocument,
  type InclusionProofDocument,
  type PublicKeyDocument,
  TREE_HEADS_FILE,
  type TreeHeadDocument,
} from '@cohesion/application';
import { startTestLedger, type TestLedger } from '../support/ledger-app';
import { expectProblem, ledgerClient } from '../support/ledger-client';
import { partnershipWith } from '../support/partnership-fixtures';
import { eventContaining, rewriteEvent } from './tampering';
import { checkConsistency, checkInclusion, verifiedHead } from './verifier-checks';

const auditor = { sub: 'auditor-1', roles: ['auditor'] };

/** One ledger life on the data directory: start, do, close. */
async function withLedger<T>(
  dataDir: string,
  work: (ledger: TestLedger) => Promise<T>,
): Promise<T> {
  const ledger = await startTestLedger({}, dataDir);
  try {
    return await work(ledger);
  } finally {
    await ledger.close();
  }
}

const getAs = async <T>(ledger: TestLedger, path: string): Promise<T> =>
  (await ledgerClient(ledger).get(`/verifiable-history${path}`, auditor).expect(200)).body as T;

describe('a rewritten history against an old signed tree head', () => {
  jest.setTimeout(60_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-rewritten-'));
  let oldHead: TreeHeadDocument;
  let oldProof: InclusionProofDocument;
  let publicKey: PublicKeyDocument;

  beforeAll(async () => {
    // A partner keeps the signed head of the ledger as it was, and a proof for one event.
    await withLedger(dataDir, async (ledger) => {
      await partnershipWith(ledgerClient(ledger), 'east', ['acme', 'sos']);
      oldHead = await getAs<TreeHeadDocument>(ledger, '/tree-head');
      publicKey = await getAs<PublicKeyDocument>(ledger, '/public-key');
      const { position } = eventContaining(dataDir, '"partnerId":"acme"');
      oldProof = await getAs<InclusionProofDocument>(
        ledger,
        `/inclusion-proof?leafIndex=${position - 1}`,
      );
    });
    // Then one event is rewritten, same number of events, every hash chain recomputed, and the
    // Merkle read model dropped so that it is rebuilt from the rewritten log.
    const { position, data } = eventContaining(dataDir, '"partnerId":"acme"');
    rewriteEvent(dataDir, position, { ...(JSON.parse(data) as object), role: 'owner' });
    rmSync(join(dataDir, 'read-models.sqlite'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('makes the ledger refuse to sign a head inconsistent with the one it signed before', async () => {
    await withLedger(dataDir, async (ledger) => {
      const api = ledgerClient(ledger);
      const refused = await api.get('/verifiable-history/tree-head', auditor);
      expectProblem(refused, 500, 'http-500');
      expect((refused.body as { detail: string }).detail).toMatch(
        new RegExp(`does not extend the tree head signed at ${oldHead.timestamp}`),
      );
      // What it signed stays served as it was.
      expect(await getAs(ledger, `/tree-head?treeSize=${oldHead.treeSize}`)).toEqual(oldHead);
    });
  });

  it('fails against the old head, even when the operator also erased the heads it signed', async () => {
    rmSync(join(dataDir, TREE_HEADS_FILE));
    const { newHead, consistency, newProof } = await withLedger(dataDir, async (ledger) => {
      const head = await getAs<TreeHeadDocument>(ledger, '/tree-head');
      return {
        newHead: head,
        consistency: await getAs<ConsistencyProofDocument>(
          ledger,
          `/consistency-proof?oldSize=${oldHead.treeSize}`,
        ),
        newProof: await getAs<InclusionProofDocument>(
          ledger,
          `/inclusion-proof?leafIndex=${oldProof.leafIndex}`,
        ),
      };
    });
    // A validly signed head of the same size: only the old head can tell it is another history.
    expect(newHead.treeSize).toBe(oldHead.treeSize);
    expect(newHead.rootHash).not.toBe(oldHead.rootHash);
    const older = await verifiedHead(oldHead, publicKey.pem);
    const newer = await verifiedHead(newHead, publicKey.pem);
    expect(() => checkConsistency(consistency, older, newer)).toThrow(MerkleVerificationError);
    expect(() => checkConsistency(consistency, older, newer)).toThrow(/root/);
    // The rewritten event is not the one the old head vouched for, and vice versa.
    expect(newProof.eventHash).not.toBe(oldProof.eventHash);
    expect(() => checkInclusion(newProof, older)).toThrow(MerkleVerificationError);
    checkInclusion(oldProof, older);
  });
});
