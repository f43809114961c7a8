import { type HashedContent, hashEvent } from '@cohesion/event-store/hashing/event-hash';
import {
  type Ed25519PublicKey,
  fromBase64,
  leafHash,
  MerkleVerificationError,
  verifyConsistency,
  verifyInclusion,
  verifySignedTreeHead,
  type VerifiedTreeHead,
} from '@cohesion/merkle';
import type {
  ConsistencyProofDocument,
  InclusionProofDocument,
  TreeHeadDocument,
} from '@cohesion/application';

/** A proof or head that does not verify: the reason, printed as is, exit code 1. */
export class RejectedError extends Error {}

async function rejectedAs<T>(what: string, check: () => T | Promise<T>): Promise<T> {
  try {
    return await check();
  } catch (error) {
    if (!(error instanceof MerkleVerificationError)) throw error;
    throw new RejectedError(`${what} rejected (${error.failure}): ${error.message}`);
  }
}

const hashes = (proof: readonly string[]): Uint8Array[] =>
  proof.map((hash, i) => {
    const bytes = fromBase64(hash);
    if (!bytes) throw new RejectedError(`proof[${i}] is not canonical base64`);
    return bytes;
  });

const EVENT_HASH = /^[0-9a-f]{64}$/;

export function verifyTreeHead(head: TreeHeadDocument, key: Ed25519PublicKey) {
  return rejectedAs('tree head', () => verifySignedTreeHead(head, key));
}

const signedAt = (head: VerifiedTreeHead) =>
  `the tree of size ${head.treeSize} signed at ${head.timestamp}`;

/**
 * The size and root come from the signed head (the one given, else the one in the proof file),
 * never from the proof itself: an inclusion proof alone does not pin the tree size.
 */
export async function verifyInclusionProof(
  proof: InclusionProofDocument,
  key: Ed25519PublicKey,
  options: { treeHead?: TreeHeadDocument; event?: Record<string, unknown> },
): Promise<string> {
  const given = options.treeHead ?? proof.treeHead;
  if (!given) {
    throw new RejectedError(
      `the proof names no signed tree head of size ${proof.treeSize}: give one with --tree-head`,
    );
  }
  const head = await verifyTreeHead(given, key);
  if (head.treeSize !== proof.treeSize) {
    throw new RejectedError(
      `the proof is for size ${proof.treeSize} but the tree head for size ${head.treeSize}`,
    );
  }
  if (!EVENT_HASH.test(proof.eventHash)) throw new RejectedError('eventHash is not 64 hex digits');
  if (options.event) checkEventContent(options.event, proof);
  const leaf = leafHash(Uint8Array.from(Buffer.from(proof.eventHash, 'hex')));
  await rejectedAs('inclusion proof', () =>
    verifyInclusion(leaf, proof.leafIndex, head.treeSize, hashes(proof.proof), head.rootHash),
  );
  const content = options.event ? ', and the event file matches its hash' : '';
  return (
    `inclusion verified: event ${proof.eventId} (stream ${proof.stream}, revision ` +
    `${proof.revision}, position ${proof.position}) is leaf ${proof.leafIndex} of ` +
    `${signedAt(head)}${content}`
  );
}

/** The event a partner holds is the very one proved: its content hashes to the leaf. */
function checkEventContent(event: Record<string, unknown>, proof: InclusionProofDocument): void {
  if (event.id !== proof.eventId) {
    throw new RejectedError(`the event file is event ${String(event.id)}, not ${proof.eventId}`);
  }
  if (typeof event.revision !== 'string' || !/^\d{1,20}$/.test(event.revision)) {
    throw new RejectedError('the event file has no revision (a decimal string)');
  }
  if ('redacted' in event) {
    throw new RejectedError('the event file was served redacted: its hash cannot be recomputed');
  }
  const content = {
    ...event,
    revision: BigInt(event.revision),
  } as unknown as HashedContent;
  if (hashEvent(content) !== proof.eventHash) {
    throw new RejectedError("the event file's content does not match the proved event hash");
  }
}

/** Both heads verified, then the proof between their sizes and roots. */
export async function verifyConsistencyProof(
  proof: ConsistencyProofDocument,
  key: Ed25519PublicKey,
  options: { oldTreeHead?: TreeHeadDocument; newTreeHead?: TreeHeadDocument },
): Promise<string> {
  const oldGiven = options.oldTreeHead ?? proof.oldTreeHead;
  const newGiven = options.newTreeHead ?? proof.newTreeHead;
  if (!newGiven) throw new RejectedError('no new tree head: give one with --new-tree-head');
  if (!oldGiven && proof.oldSize !== 0) {
    throw new RejectedError('no old tree head: give the one you kept with --old-tree-head');
  }
  const newer = await verifyTreeHead(newGiven, key);
  const older = oldGiven ? await verifyTreeHead(oldGiven, key) : undefined;
  if (newer.treeSize !== proof.newSize || (older?.treeSize ?? 0) !== proof.oldSize) {
    throw new RejectedError(
      `the proof is from size ${proof.oldSize} to ${proof.newSize}, the tree heads are of ` +
        `sizes ${older?.treeSize ?? 0} and ${newer.treeSize}`,
    );
  }
  // The empty tree commits to nothing, so every tree extends it (and the verifier refuses it).
  if (!older || older.treeSize === 0) {
    return `consistency verified: ${signedAt(newer)} extends the empty tree (trivially)`;
  }
  await rejectedAs('consistency proof', () =>
    verifyConsistency(
      older.treeSize,
      newer.treeSize,
      hashes(proof.proof),
      older.rootHash,
      newer.rootHash,
    ),
  );
  const kept = options.oldTreeHead
    ? ''
    : ' (old head taken from the proof file: compare it with yours)';
  return `consistency verified: ${signedAt(newer)} extends ${signedAt(older)}${kept}`;
}
