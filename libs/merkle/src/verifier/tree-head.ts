import { cryptoBytes, fromBase64, HASH_SIZE } from './bytes';
import { importEd25519PublicKey, webCrypto, type Ed25519PublicKey } from './ed25519-public-key';
import { MerkleVerificationError } from './verification-error';

/** A tree head as published (JSON): what the ledger commits to at one moment. */
export interface TreeHead {
  readonly treeSize: number;
  /** Standard base64 (padded) of the 32-byte RFC 9162 root hash. */
  readonly rootHash: string;
  /** UTC, exactly as `Date.prototype.toISOString()` writes it: `2024-05-01T12:00:00.000Z`. */
  readonly timestamp: string;
}

export interface SignedTreeHead extends TreeHead {
  /** Standard base64 of the 64-byte Ed25519 signature over treeHeadSigningInput(head). */
  readonly signature: string;
}

/** A head whose signature checked out, decoded for direct use with verifyInclusion etc. */
export interface VerifiedTreeHead {
  readonly treeSize: number;
  readonly rootHash: Uint8Array;
  readonly timestamp: string;
}

/** Versioned so a later format can never be confused with this one under the same key. */
export const TREE_HEAD_FORMAT = 'cohesion-ledger/tree-head/v1';

const malformed = (why: string): MerkleVerificationError =>
  new MerkleVerificationError('malformed-tree-head', `malformed tree head: ${why}`);

function isCanonicalTimestamp(timestamp: string): boolean {
  const parsed = Date.parse(timestamp);
  return !Number.isNaN(parsed) && new Date(parsed).toISOString() === timestamp;
}

/** Validates every field and returns the decoded head with the bytes its signature covers. */
function decodeTreeHead(head: TreeHead): { decoded: VerifiedTreeHead; message: Uint8Array } {
  if (typeof head !== 'object' || head === null) throw malformed('not an object');
  const { treeSize, rootHash, timestamp } = head;
  if (typeof treeSize !== 'number' || !Number.isSafeInteger(treeSize) || treeSize < 0) {
    throw malformed('treeSize must be a non-negative safe integer');
  }
  const root = typeof rootHash === 'string' ? fromBase64(rootHash) : undefined;
  if (root?.length !== HASH_SIZE) {
    throw malformed('rootHash must be canonical base64 of 32 bytes');
  }
  if (typeof timestamp !== 'string' || !isCanonicalTimestamp(timestamp)) {
    throw malformed('timestamp must be an ISO 8601 UTC time as toISOString() writes it');
  }
  const text = [TREE_HEAD_FORMAT, String(treeSize), rootHash, timestamp].join('\n');
  return {
    decoded: { treeSize, rootHash: root, timestamp },
    message: new TextEncoder().encode(text),
  };
}

/**
 * The exact bytes the ledger signs, UTF-8 of four lines joined by "\n" with no trailing newline:
 *
 *     cohesion-ledger/tree-head/v1
 *     <treeSize in decimal, no leading zeros>
 *     <rootHash, canonical padded base64 of 32 bytes>
 *     <timestamp, as Date.prototype.toISOString() writes it>
 *
 * Every field is checked to have one spelling only, so one signature can never vouch for two
 * differently written heads. Throws MerkleVerificationError('malformed-tree-head') otherwise.
 * The signer must use this function too, so both sides agree byte for byte.
 */
export function treeHeadSigningInput(head: TreeHead): Uint8Array {
  return decodeTreeHead(head).message;
}

/**
 * Checks the head's Ed25519 signature with WebCrypto (browsers and Node >= 20), which is why
 * this is async. Resolves to the decoded head; rejects with MerkleVerificationError.
 */
export async function verifySignedTreeHead(
  head: SignedTreeHead,
  publicKey: Ed25519PublicKey,
): Promise<VerifiedTreeHead> {
  const { decoded, message } = decodeTreeHead(head);
  const signature = typeof head.signature === 'string' ? fromBase64(head.signature) : undefined;
  if (signature?.length !== 64) throw malformed('signature must be base64 of 64 bytes');
  const key = await importEd25519PublicKey(publicKey);
  const valid = await webCrypto().verify(
    { name: 'Ed25519' },
    key,
    cryptoBytes(signature),
    cryptoBytes(message),
  );
  if (!valid) {
    throw new MerkleVerificationError('bad-signature', 'tree head signature does not verify');
  }
  return decoded;
}
