export type MerkleLogFailure = 'invalid-argument' | 'beyond-log-size' | 'missing-node';

/** A request the log cannot answer; distinct from a proof that fails to verify. */
export class MerkleLogError extends Error {
  override readonly name = 'MerkleLogError';

  constructor(
    readonly failure: MerkleLogFailure,
    message: string,
  ) {
    super(message);
  }
}
