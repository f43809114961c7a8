import type { Ed25519Jwk, SignedTreeHead } from '@cohesion/merkle';

/**
 * The JSON documents the API serves and the CLI's offline commands read from files: one format
 * for both, so that a partner saves an answer and verifies it later, anywhere. Hashes and
 * signatures are standard padded base64; event hashes stay in the hex the events carry.
 */

/** A signed tree head, as `verifySignedTreeHead` checks it, plus which key signed it. */
export interface TreeHeadDocument extends SignedTreeHead {
  /** RFC 7638 thumbprint of the signing key (`keyId` of the public key document). */
  readonly keyId: string;
}

export interface InclusionProofDocument {
  readonly eventId: string;
  readonly stream: string;
  readonly revision: string;
  readonly position: string;
  /** The event's hash (hex): the leaf is its 32 bytes, hashed as SHA-256(0x00 ‖ leaf). */
  readonly eventHash: string;
  readonly leafIndex: number;
  readonly treeSize: number;
  /** RFC 9162 §2.1.3 inclusion path, leaf level first. */
  readonly proof: readonly string[];
  /** The signed head of `treeSize` the proof leads to; null when none was signed at that size. */
  readonly treeHead: TreeHeadDocument | null;
}

export interface ConsistencyProofDocument {
  readonly oldSize: number;
  readonly newSize: number;
  /** RFC 9162 §2.1.4 consistency proof; empty when the sizes are equal or oldSize is 0. */
  readonly proof: readonly string[];
  /** The heads the ledger signed at these sizes, if any. Compare oldTreeHead with yours. */
  readonly oldTreeHead: TreeHeadDocument | null;
  readonly newTreeHead: TreeHeadDocument | null;
}

export interface PublicKeyDocument {
  readonly algorithm: 'Ed25519';
  readonly keyId: string;
  /** SubjectPublicKeyInfo PEM (`-----BEGIN PUBLIC KEY-----`). */
  readonly pem: string;
  readonly jwk: Ed25519Jwk & { readonly kid: string };
  /** How the signed bytes are laid out (see `treeHeadSigningInput`). */
  readonly signingInput: string;
}
