import { concatBytes } from './bytes';
import { sha256, type Sha256 } from './sha256';

/**
 * RFC 9162 §2.1 hashing. The 0x00 / 0x01 prefixes keep leaves and interior nodes in separate
 * domains, so a leaf can never be passed off as a node (second-preimage attack).
 */
export interface MerkleHasher {
  // Function-valued properties rather than methods: the hasher holds no `this`, so its
  // functions may be passed around detached.
  readonly hashLeaf: (leaf: Uint8Array) => Uint8Array;
  readonly hashChildren: (left: Uint8Array, right: Uint8Array) => Uint8Array;
  /** MTH({}) = SHA-256 of the empty string. */
  readonly emptyRoot: () => Uint8Array;
}

const LEAF_PREFIX = Uint8Array.of(0x00);
const NODE_PREFIX = Uint8Array.of(0x01);

/** Lets the server plug in Node's native SHA-256 while browsers use the pure one. */
export function rfc9162Hasher(hash: Sha256): MerkleHasher {
  return {
    hashLeaf: (leaf) => hash(concatBytes(LEAF_PREFIX, leaf)),
    hashChildren: (left, right) => hash(concatBytes(NODE_PREFIX, left, right)),
    emptyRoot: () => hash(new Uint8Array()),
  };
}

export const defaultHasher: MerkleHasher = rfc9162Hasher(sha256);

/** SHA-256(0x00 ‖ leaf). */
export const leafHash = (leaf: Uint8Array): Uint8Array => defaultHasher.hashLeaf(leaf);

/** SHA-256(0x01 ‖ left ‖ right). */
export const nodeHash = (left: Uint8Array, right: Uint8Array): Uint8Array =>
  defaultHasher.hashChildren(left, right);

export const emptyRoot = (): Uint8Array => defaultHasher.emptyRoot();
