import { MerkleLogError, type MerkleHashStore, type MerkleNode } from '@cohesion/merkle';

/**
 * A hash store that keeps only the right edge of the tree: the latest node of each level. That is
 * all a MerkleLog needs to append (left siblings) and to compute the root of its current size,
 * so `ledger verify` recomputes the tree of any log in O(log n) memory. Every node is shown to
 * `onNode` as it is completed, to be compared with the stored one; a throw refuses the batch.
 */
export class FrontierHashStore implements MerkleHashStore {
  private readonly frontier: MerkleNode[] = [];

  constructor(private readonly onNode: (node: MerkleNode) => void = () => undefined) {}

  size(): number {
    const last = this.frontier[0];
    return last === undefined ? 0 : last.index + 1;
  }

  getNode(level: number, index: number): Uint8Array {
    const node = this.frontier[level];
    if (node?.index !== index) {
      throw new MerkleLogError(
        'missing-node',
        `only the right edge is kept, not ${level}/${index}`,
      );
    }
    return node.hash;
  }

  putNodes(nodes: readonly MerkleNode[]): void {
    // All shown before any is kept: a batch refused by `onNode` leaves the tree as it was.
    for (const node of nodes) this.onNode(node);
    for (const node of nodes) this.frontier[node.level] = node;
  }
}
