import { defaultHasher } from '../../verifier/hasher';
import type { MerkleHashStore } from '../hash-store';
import { MerkleLog } from '../merkle-log';
import { referenceRoot } from './reference-tree';

/**
 * Behaviour every MerkleHashStore must show, to be run by each implementation's spec
 * (in-memory now, SQLite later): `hashStoreContract('sqlite', () => new SqliteHashStore(db))`.
 */
export function hashStoreContract(name: string, createStore: () => MerkleHashStore): void {
  const leaf = (i: number): Uint8Array => defaultHasher.hashLeaf(Uint8Array.of(i & 0xff, i >> 8));

  describe(`MerkleHashStore contract: ${name}`, () => {
    it('starts empty', () => {
      expect(createStore().size()).toBe(0);
    });

    it('counts leaves and returns exactly the stored nodes', () => {
      const store = createStore();
      const log = new MerkleLog(store);
      const leaves = Array.from({ length: 37 }, (_, i) => leaf(i));
      log.appendLeafHashes(leaves.slice(0, 5));
      log.appendLeafHashes(leaves.slice(5));
      expect(store.size()).toBe(37);
      expect(store.getNode(0, 36)).toEqual(leaves[36]);
      expect(store.getNode(5, 0)).toEqual(referenceRoot(leaves.slice(0, 32)));
      expect(store.getNode(2, 8)).toEqual(referenceRoot(leaves.slice(32, 36)));
    });

    it('throws for a node that was never stored', () => {
      const store = createStore();
      new MerkleLog(store).appendLeafHashes([leaf(0), leaf(1), leaf(2)]);
      expect(() => store.getNode(0, 3)).toThrow();
      expect(() => store.getNode(1, 1)).toThrow();
      expect(() => store.getNode(2, 0)).toThrow();
    });

    it('keeps its own copy of the hashes it was given', () => {
      const store = createStore();
      const hash = leaf(7);
      store.putNodes([{ level: 0, index: 0, hash }]);
      hash.fill(0);
      expect(store.getNode(0, 0)).toEqual(leaf(7));
    });
  });
}
