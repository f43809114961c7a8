/**
 * One stored hash: the root of the perfect subtree of 2^level leaves that starts at leaf
 * index * 2^level. Level 0 holds the leaf hashes themselves.
 */
export interface MerkleNode {
  readonly level: number;
  readonly index: number;
  readonly hash: Uint8Array;
}

/**
 * Where the Merkle log keeps its hashes. Only complete perfect subtrees are stored, and the
 * log is append-only, so a stored node never changes and is valid for every later tree size;
 * that is what lets any root or proof be assembled from O(log n) reads.
 *
 * Implementations are synchronous because better-sqlite3 is, and the log's projection must
 * write its nodes in the same transaction as its checkpoint.
 */
export interface MerkleHashStore {
  /** Number of leaves stored, i.e. of level-0 nodes. */
  size(): number;
  /** The hash of node (level, index); throws if it was never stored. */
  getNode(level: number, index: number): Uint8Array;
  /**
   * Stores the nodes of one append, all or none: new leaves at level 0 plus the parents they
   * complete. The log only ever passes leaves for indices size() onwards, in order.
   */
  putNodes(nodes: readonly MerkleNode[]): void;
}
