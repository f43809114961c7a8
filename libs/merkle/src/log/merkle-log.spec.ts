import { createHash } from 'node:crypto';
import { rfc9162Hasher } from '../verifier/hasher';
import type { MerkleHashStore } from './hash-store';
import { InMemoryHashStore } from './in-memory-hash-store';
import { MerkleLog } from './merkle-log';
import { MerkleLogError } from './merkle-log-error';
import { referenceConsistency, referencePath, referenceRoot } from './testing/reference-tree';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const hexAll = (list: readonly Uint8Array[]): string[] => list.map(hex);

/** Leaves and roots of transparency-dev/merkle's proof/verify_test.go (roots of sizes 1..8). */
const GO_LEAVES = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
];
const GO_ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

class CountingStore implements MerkleHashStore {
  reads = 0;
  constructor(private readonly inner: MerkleHashStore) {}
  size(): number {
    return this.inner.size();
  }
  getNode(level: number, index: number): Uint8Array {
    this.reads += 1;
    return this.inner.getNode(level, index);
  }
  putNodes(nodes: Parameters<MerkleHashStore['putNodes']>[0]): void {
    this.inner.putNodes(nodes);
  }
}

function logOf(count: number): { log: MerkleLog; leaves: Uint8Array[] } {
  const log = new MerkleLog(new InMemoryHashStore());
  log.append(Array.from({ length: count }, (_, i) => Uint8Array.of(i & 0xff, i >> 8, 7)));
  return { log, leaves: Array.from({ length: count }, (_, i) => log.leafHash(i)) };
}

describe('MerkleLog', () => {
  it('reproduces the reference implementation roots for sizes 0..8', () => {
    const log = new MerkleLog(new InMemoryHashStore());
    expect(hex(log.root())).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    GO_LEAVES.forEach((leaf, i) => {
      log.append([Buffer.from(leaf, 'hex')]);
      expect(hex(log.root())).toBe(GO_ROOTS[i]);
    });
    GO_ROOTS.forEach((root, i) => expect(hex(log.root(i + 1))).toBe(root));
  });

  it('matches the literal RFC 9162 definitions for every size, index and size pair up to 40', () => {
    const { log, leaves } = logOf(40);
    for (let n = 0; n <= 40; n++) {
      const prefix = leaves.slice(0, n);
      expect(hex(log.root(n))).toBe(hex(referenceRoot(prefix)));
      for (let m = 0; m < n; m++) {
        expect(hexAll(log.inclusionProof(m, n))).toEqual(hexAll(referencePath(m, prefix)));
      }
      for (let m = 1; m <= n; m++) {
        expect(hexAll(log.consistencyProof(m, n))).toEqual(hexAll(referenceConsistency(m, prefix)));
      }
    }
  });

  it('stores the same nodes whether leaves arrive one by one or in batches', () => {
    const { log: batched } = logOf(100);
    const single = new MerkleLog(new InMemoryHashStore());
    for (let i = 0; i < 100; i++) single.append([Uint8Array.of(i, 0, 7)]);
    expect(hex(single.root())).toBe(hex(batched.root()));
    expect(hexAll(single.consistencyProof(37, 100))).toEqual(
      hexAll(batched.consistencyProof(37, 100)),
    );
  });

  it('writes at most log2(n) + 1 nodes per append and reads O(log n) nodes per proof', () => {
    const store = new CountingStore(new InMemoryHashStore());
    const putSizes: number[] = [];
    const recording: MerkleHashStore = {
      size: () => store.size(),
      getNode: (level, index) => store.getNode(level, index),
      putNodes: (nodes) => {
        putSizes.push(nodes.length);
        store.putNodes(nodes);
      },
    };
    const log = new MerkleLog(recording);
    const n = 5000;
    for (let i = 0; i < n; i++) log.append([Uint8Array.of(i & 0xff, i >> 8)]);
    const logN = Math.ceil(Math.log2(n));
    expect(Math.max(...putSizes)).toBeLessThanOrEqual(logN + 1);

    const bound = 2 * logN + 1;
    for (const [index, size] of [
      [0, n],
      [n - 1, n],
      [2047, 4097],
      [1234, 4321],
    ]) {
      store.reads = 0;
      log.inclusionProof(index, size);
      expect(store.reads).toBeLessThanOrEqual(bound);
    }
    for (const [size1, size2] of [
      [1, n],
      [n - 1, n],
      [2047, 4097],
      [1234, 4321],
    ]) {
      store.reads = 0;
      log.consistencyProof(size1, size2);
      expect(store.reads).toBeLessThanOrEqual(bound);
    }
    store.reads = 0;
    log.root(n - 1);
    expect(store.reads).toBeLessThanOrEqual(logN);
  });

  it('gives the same hashes with a plugged-in native SHA-256', () => {
    const native = rfc9162Hasher((data) => createHash('sha256').update(data).digest());
    const log = new MerkleLog(new InMemoryHashStore(), native);
    const { log: pure } = logOf(33);
    log.append(Array.from({ length: 33 }, (_, i) => Uint8Array.of(i, 0, 7)));
    expect(hex(log.root())).toBe(hex(pure.root()));
  });

  it('rejects requests beyond the log or outside the tree', () => {
    const { log } = logOf(5);
    const refused = (request: () => unknown): void => expect(request).toThrow(MerkleLogError);
    refused(() => log.root(6));
    refused(() => log.root(-1));
    refused(() => log.root(1.5));
    refused(() => log.inclusionProof(5, 5));
    refused(() => log.inclusionProof(0, 0));
    refused(() => log.inclusionProof(0, 6));
    refused(() => log.consistencyProof(0, 5));
    refused(() => log.consistencyProof(3, 2));
    refused(() => log.consistencyProof(3, 6));
    refused(() => log.appendLeafHashes([new Uint8Array(31)]));
    expect(log.size()).toBe(5);
  });
});
