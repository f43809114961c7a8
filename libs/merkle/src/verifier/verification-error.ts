/** Why a proof or tree head was rejected; stable strings so a CLI or API can report them. */
export type VerificationFailure =
  | 'invalid-size'
  | 'index-out-of-range'
  | 'size-decreased'
  | 'empty-tree'
  | 'unexpected-proof'
  | 'empty-proof'
  | 'wrong-proof-length'
  | 'bad-hash-length'
  | 'root-mismatch'
  | 'malformed-tree-head'
  | 'invalid-public-key'
  | 'bad-signature'
  | 'crypto-unavailable';

/**
 * Every rejection is thrown rather than returned, so a caller that forgets to check a result
 * cannot mistake a failed verification for a successful one.
 */
export class MerkleVerificationError extends Error {
  override readonly name = 'MerkleVerificationError';

  constructor(
    readonly failure: VerificationFailure,
    message: string,
  ) {
    super(message);
  }
}
