import {
  MerkleVerificationError,
  type SignedTreeHead,
  type VerificationFailure,
  fromBase64,
  leafHash,
  verifyConsistency,
  verifyInclusion,
  verifySignedTreeHead,
} from '@cohesion/merkle/verifier';
import type { components } from '../../api/schema';

type ConsistencyProof = components['schemas']['ConsistencyProofResponse'];
type InclusionProof = components['schemas']['InclusionProofResponse'];

/** Why a check failed: the verifier's reasons, plus what can go wrong before it runs. */
export type CheckFailure = VerificationFailure | 'not-json' | 'missing-head' | 'bad-proof-encoding';

export class CheckFailed extends Error {
  constructor(readonly failure: CheckFailure) {
    super(failure);
  }
}

/** A saved tree head from a file's text; its signature is checked before it is trusted. */
export function parseSavedHead(text: string): SignedTreeHead {
  try {
    return JSON.parse(text) as SignedTreeHead;
  } catch {
    throw new CheckFailed('not-json');
  }
}

/**
 * That the ledger today extends the head a person saved: both heads' signatures hold under the
 * ledger's key, and the consistency proof leads from the old root to the new one. All of it runs
 * here, in the browser, with the same verifier as the CLI: the server is not trusted for it.
 */
export async function checkConsistency(
  saved: SignedTreeHead,
  publicKeyPem: string,
  fetchProof: (oldSize: number) => Promise<ConsistencyProof>,
): Promise<{ readonly oldSize: number; readonly newSize: number }> {
  return translateFailures(async () => {
    const old = await verifySignedTreeHead(saved, publicKeyPem);
    const answer = await fetchProof(old.treeSize);
    if (!answer.newTreeHead) throw new CheckFailed('missing-head');
    const current = await verifySignedTreeHead(answer.newTreeHead, publicKeyPem);
    verifyConsistency(
      old.treeSize,
      current.treeSize,
      decodeProof(answer.proof),
      old.rootHash,
      current.rootHash,
    );
    return { oldSize: old.treeSize, newSize: current.treeSize };
  });
}

/** That an event is in the log: the proof leads from its hash to the root of a signed head. */
export async function checkInclusion(
  answer: InclusionProof,
  publicKeyPem: string,
): Promise<{ readonly treeSize: number; readonly leafIndex: number }> {
  return translateFailures(async () => {
    if (!answer.treeHead) throw new CheckFailed('missing-head');
    const head = await verifySignedTreeHead(answer.treeHead, publicKeyPem);
    const eventHash = hexToBytes(answer.eventHash);
    verifyInclusion(
      leafHash(eventHash),
      answer.leafIndex,
      head.treeSize,
      decodeProof(answer.proof),
      head.rootHash,
    );
    return { treeSize: head.treeSize, leafIndex: answer.leafIndex };
  });
}

async function translateFailures<T>(check: () => Promise<T>): Promise<T> {
  try {
    return await check();
  } catch (error) {
    if (error instanceof MerkleVerificationError) throw new CheckFailed(error.failure);
    throw error;
  }
}

function decodeProof(proof: readonly string[]): Uint8Array[] {
  return proof.map((node) => {
    const bytes = fromBase64(node);
    if (!bytes) throw new CheckFailed('bad-proof-encoding');
    return bytes;
  });
}

function hexToBytes(hex: string): Uint8Array {
  if (!/^([0-9a-f]{2})*$/i.test(hex)) throw new CheckFailed('bad-proof-encoding');
  return Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}
