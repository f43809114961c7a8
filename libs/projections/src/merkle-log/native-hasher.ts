import { createHash } from 'node:crypto';
import { rfc9162Hasher, type MerkleHasher } from '@cohesion/merkle';

/**
 * RFC 9162 hashing with Node's native SHA-256: the server hashes every event (projection,
 * `ledger verify`), where the verifier's portable pure-TypeScript SHA-256 would be the slow part.
 */
export const nativeMerkleHasher: MerkleHasher = rfc9162Hasher(
  (data) => new Uint8Array(createHash('sha256').update(data).digest()),
);

const EVENT_HASH = /^[0-9a-f]{64}$/;

/** A Merkle leaf is the event's hash: its 32 bytes, from the lowercase hex the store keeps. */
export function eventHashBytes(hash: string): Uint8Array {
  if (!EVENT_HASH.test(hash)) throw new TypeError(`not an event hash (64 hex digits): ${hash}`);
  return new Uint8Array(Buffer.from(hash, 'hex'));
}
