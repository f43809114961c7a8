import { HASH_SIZE } from '../verifier/bytes';
import { defaultHasher, type MerkleHasher } from '../verifier/hasher';
import type { MerkleHashStore, MerkleNode } from './hash-store';
import { MerkleLogError } from './merkle-log-error';
import { exactLog2, isLogSize, splitPoint } from './tree-math';

/**
 * The server side of RFC 9162 §2.1 over a MerkleHashStore: appends leaves incrementally and
 * answers roots and proofs for any size up to the current one. The log keeps no state of its
 * own, so several instances over one store always agree.
 *
 * Cost: an append writes the leaf and at most log2(n) completed parents; a root reads
 * popcount(n) nodes; an inclusion or consistency proof reads at most 2·log2(n) + 1 nodes,
 * because only the one range ending at the tree's right edge is not a stored perfect subtree.
 */
export class MerkleLog {
  constructor(
    private readonly store: MerkleHashStore,
    private readonly hasher: MerkleHasher = defaultHasher,
  ) {}

  size(): number {
    return this.store.size();
  }

  /** Appends leaves (for the ledger: event hashes), hashed as SHA-256(0x00 ‖ leaf). */
  append(leaves: readonly Uint8Array[]): number {
    return this.appendLeafHashes(leaves.map((leaf) => this.hasher.hashLeaf(leaf)));
  }

  /** Appends already-hashed leaves in one putNodes call; returns the new size. */
  appendLeafHashes(leafHashes: readonly Uint8Array[]): number {
    leafHashes.forEach((hash, i) => {
      if (hash.length !== HASH_SIZE) {
        throw new MerkleLogError('invalid-argument', `leaf hash ${i} is not ${HASH_SIZE} bytes`);
      }
    });
    const batch = new Map<string, Uint8Array>();
    const nodes: MerkleNode[] = [];
    const put = (level: number, index: number, hash: Uint8Array): void => {
      batch.set(`${level}/${index}`, hash);
      nodes.push({ level, index, hash });
    };
    let size = this.store.size();
    for (const leafHash of leafHashes) {
      let [level, index, hash] = [0, size, leafHash];
      put(level, index, hash);
      // A right child completes its parent; the left sibling is either in this batch or stored.
      while (index % 2 === 1) {
        const left = batch.get(`${level}/${index - 1}`) ?? this.store.getNode(level, index - 1);
        [level, index, hash] = [level + 1, (index - 1) / 2, this.hasher.hashChildren(left, hash)];
        put(level, index, hash);
      }
      size += 1;
    }
    if (nodes.length > 0) this.store.putNodes(nodes);
    return size;
  }

  leafHash(index: number): Uint8Array {
    this.requireIndex(index, this.store.size());
    return this.store.getNode(0, index);
  }

  /** MTH of the first `size` leaves (default: all); the empty tree's root is SHA-256(""). */
  root(size: number = this.store.size()): Uint8Array {
    this.requireSize(size);
    return size === 0 ? this.hasher.emptyRoot() : this.rangeHash(0, size);
  }

  /** RFC 9162 §2.1.3.1 PATH(index, D[0:size]), leaf level first. */
  inclusionProof(index: number, size: number): Uint8Array[] {
    this.requireSize(size);
    this.requireIndex(index, size);
    const proof: Uint8Array[] = [];
    this.path(index, 0, size, proof);
    return proof;
  }

  /**
   * RFC 9162 §2.1.4.1 PROOF(size1, D[0:size2]). Refuses size1 = 0 as the verifier does: an
   * empty tree commits to nothing, so callers should treat that case as trivially consistent.
   */
  consistencyProof(size1: number, size2: number): Uint8Array[] {
    this.requireSize(size2);
    if (!isLogSize(size1) || size1 === 0 || size1 > size2) {
      throw new MerkleLogError(
        'invalid-argument',
        `need 0 < size1 <= size2, got ${size1}, ${size2}`,
      );
    }
    const proof: Uint8Array[] = [];
    this.subproof(size1, 0, size2, true, proof);
    return proof;
  }

  private path(index: number, start: number, end: number, proof: Uint8Array[]): void {
    if (end - start === 1) return;
    const middle = start + splitPoint(end - start);
    if (index < middle) {
      this.path(index, start, middle, proof);
      proof.push(this.rangeHash(middle, end));
    } else {
      this.path(index, middle, end, proof);
      proof.push(this.rangeHash(start, middle));
    }
  }

  /** `boundary` is the old size; `wholeOldTree` is RFC's b: the old root itself is omitted. */
  private subproof(
    boundary: number,
    start: number,
    end: number,
    wholeOldTree: boolean,
    proof: Uint8Array[],
  ): void {
    if (boundary === end) {
      if (!wholeOldTree) proof.push(this.rangeHash(start, end));
      return;
    }
    const middle = start + splitPoint(end - start);
    if (boundary <= middle) {
      this.subproof(boundary, start, middle, wholeOldTree, proof);
      proof.push(this.rangeHash(middle, end));
    } else {
      this.subproof(boundary, middle, end, false, proof);
      proof.push(this.rangeHash(start, middle));
    }
  }

  /**
   * MTH(D[start:end]) for a range of RFC 9162's recursion: either one stored perfect subtree
   * or, at the right edge, the fold of the perfect subtrees it splits into.
   */
  private rangeHash(start: number, end: number): Uint8Array {
    const width = end - start;
    const level = exactLog2(width);
    if (level !== undefined) return this.store.getNode(level, start / width);
    const middle = start + splitPoint(width);
    return this.hasher.hashChildren(this.rangeHash(start, middle), this.rangeHash(middle, end));
  }

  private requireSize(size: number): void {
    if (!isLogSize(size)) {
      throw new MerkleLogError('invalid-argument', `tree size must be a safe integer, got ${size}`);
    }
    const current = this.store.size();
    if (size > current) {
      throw new MerkleLogError('beyond-log-size', `tree size ${size} exceeds log size ${current}`);
    }
  }

  private requireIndex(index: number, size: number): void {
    if (!isLogSize(index) || index >= size) {
      throw new MerkleLogError('invalid-argument', `leaf index ${index} is not below ${size}`);
    }
  }
}
