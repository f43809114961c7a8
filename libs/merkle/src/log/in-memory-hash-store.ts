import type { MerkleHashStore, MerkleNode } from './hash-store';
import { MerkleLogError } from './merkle-log-error';

/** Reference store for tests and short-lived tools; one array of hashes per level. */
export class InMemoryHashStore implements MerkleHashStore {
  private readonly levels: Uint8Array[][] = [[]];

  size(): number {
    return this.levels[0].length;
  }

  getNode(level: number, index: number): Uint8Array {
    const hash = this.levels[level]?.[index];
    if (hash === undefined) {
      throw new MerkleLogError('missing-node', `no stored node at level ${level}, index ${index}`);
    }
    return hash;
  }

  putNodes(nodes: readonly MerkleNode[]): void {
    // Validate the whole batch before writing anything, so a bad batch leaves no trace.
    const staged = this.levels.map((level) => level.length);
    for (const { level, index } of nodes) {
      if ((staged[level] ?? 0) !== index) {
        throw new MerkleLogError('invalid-argument', `node ${level}/${index} is out of order`);
      }
      staged[level] = index + 1;
    }
    for (const { level, index, hash } of nodes) {
      (this.levels[level] ??= [])[index] = Uint8Array.from(hash);
    }
  }
}
