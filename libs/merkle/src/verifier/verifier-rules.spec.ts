import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { rootFromConsistencyProof, verifyConsistency } from './consistency';
import { leafHash, nodeHash } from './hasher';
import { rootFromInclusionProof, verifyInclusion } from './inclusion';
import { MerkleVerificationError, type VerificationFailure } from './verification-error';

const failureOf = (run: () => unknown): VerificationFailure | undefined => {
  try {
    run();
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(MerkleVerificationError);
    return (error as MerkleVerificationError).failure;
  }
};

const [a, b, c] = [1, 2, 3].map((i) => leafHash(Uint8Array.of(i)));

describe('verifier rules', () => {
  it('names the rule each rejected input breaks', () => {
    expect(failureOf(() => verifyInclusion(a, 1, 1, [], a))).toBe('index-out-of-range');
    expect(failureOf(() => verifyInclusion(a, 0, 0, [], a))).toBe('index-out-of-range');
    expect(failureOf(() => verifyInclusion(a, -1, 1, [], a))).toBe('invalid-size');
    expect(failureOf(() => verifyInclusion(a, 0, 2 ** 53, [], a))).toBe('invalid-size');
    expect(failureOf(() => verifyInclusion(a, 0n, 1n << 64n, [], a))).toBe('invalid-size');
    expect(failureOf(() => verifyInclusion(a, 0, 2, [], a))).toBe('wrong-proof-length');
    expect(failureOf(() => verifyInclusion(a, 0, 2, [b.subarray(1)], a))).toBe('bad-hash-length');
    expect(failureOf(() => verifyInclusion(a.subarray(1), 0, 1, [], a))).toBe('bad-hash-length');
    expect(failureOf(() => verifyInclusion(a, 0, 2, [b], nodeHash(b, a)))).toBe('root-mismatch');

    expect(failureOf(() => verifyConsistency(2, 1, [], a, a))).toBe('size-decreased');
    expect(failureOf(() => verifyConsistency(0, 0, [], a, a))).toBe('empty-tree');
    expect(failureOf(() => verifyConsistency(0, 2, [], a, a))).toBe('empty-tree');
    expect(failureOf(() => verifyConsistency(1, 1, [a], a, a))).toBe('unexpected-proof');
    expect(failureOf(() => verifyConsistency(1, 1, [], a, b))).toBe('root-mismatch');
    expect(failureOf(() => verifyConsistency(1, 2, [], a, a))).toBe('empty-proof');
    expect(failureOf(() => verifyConsistency(1, 2, [b, c], a, a))).toBe('wrong-proof-length');
    expect(failureOf(() => verifyConsistency(1, 2, [b], a.subarray(1), a))).toBe('bad-hash-length');
  });

  it('accepts the smallest valid proofs', () => {
    expect(failureOf(() => verifyInclusion(a, 0, 1, [], a))).toBeUndefined();
    expect(failureOf(() => verifyInclusion(b, 1, 2, [a], nodeHash(a, b)))).toBeUndefined();
    expect(failureOf(() => verifyConsistency(1, 2, [b], a, nodeHash(a, b)))).toBeUndefined();
    expect(failureOf(() => verifyConsistency(2, 2, [], a, a))).toBeUndefined();
  });

  it('computes proof shapes beyond 32 bits exactly, with numbers or bigints', () => {
    // Leaf 2^40 of a tree of 2^40 + 1 leaves: its only sibling is the first 2^40 leaves' root.
    const size = 2 ** 40 + 1;
    expect(rootFromInclusionProof(c, size - 1, size, [a])).toEqual(nodeHash(a, c));
    expect(rootFromInclusionProof(c, BigInt(size - 1), BigInt(size), [a])).toEqual(nodeHash(a, c));
    // Tree 2^40 extended by one leaf: root1 is the seed, the new leaf the only proof hash.
    expect(rootFromConsistencyProof(size - 1, size, [c], a)).toEqual(nodeHash(a, c));
    // A 32-bit truncation would read 2^32 + 1 as 1 and ask for a one-hash proof.
    expect(failureOf(() => verifyInclusion(a, 2 ** 32, 2 ** 32 + 1, [b], a))).toBe('root-mismatch');
    expect(failureOf(() => verifyInclusion(a, 1, 2 ** 32 + 1, [b], a))).toBe('wrong-proof-length');
  });

  it('imports nothing but its own files, so it runs in a browser or a partner script', () => {
    const sources = readdirSync(__dirname).filter(
      (name) => name.endsWith('.ts') && !name.endsWith('.spec.ts'),
    );
    for (const name of sources) {
      const text = readFileSync(path.join(__dirname, name), 'utf8');
      const imports = [...text.matchAll(/from\s+'([^']+)'/g)].map((match) => match[1]);
      expect(imports.filter((source) => !source.startsWith('./'))).toEqual([]);
      expect(text).not.toMatch(/\brequire\(|\bBuffer\b|\bprocess\./);
    }
  });
});
