import { InMemoryHashStore, MerkleLog, type MerkleNode } from '@cohesion/merkle';
import { FrontierHashStore } from './frontier-hash-store';

describe('frontier hash store', () => {
  it('gives the root of every size, as the full store does, and shows every node once', () => {
    const seen: MerkleNode[] = [];
    const frontier = new MerkleLog(new FrontierHashStore((node) => seen.push(node)));
    const full = new InMemoryHashStore();
    const reference = new MerkleLog(full);
    for (let i = 0; i < 100; i++) {
      const leaf = Uint8Array.of(i, 255 - i);
      frontier.append([leaf]);
      reference.append([leaf]);
      expect(frontier.root()).toEqual(reference.root());
    }
    expect(seen).toHaveLength(2 * 100 - 3); // 2n − popcount(n) complete subtrees
    for (const { level, index, hash } of seen) expect(hash).toEqual(full.getNode(level, index));
  });

  it('refuses what it no longer keeps', () => {
    const log = new MerkleLog(new FrontierHashStore());
    log.append([Uint8Array.of(1), Uint8Array.of(2), Uint8Array.of(3)]);
    expect(() => log.root(1)).toThrow(/only the right edge is kept/);
  });
});
