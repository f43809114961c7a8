import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { verifyConsistency } from './consistency';
import { verifyInclusion } from './inclusion';
import { MerkleVerificationError } from './verification-error';

/**
 * Runs every official transparency-dev/merkle vector. The directory sits beside the checkout
 * (`<clone>/../shared`), and the spec reads it whole so no vector can be silently left out.
 */
const REPO_ROOT = path.resolve(__dirname, '../../../..');
const VECTORS = path.resolve(REPO_ROOT, '../shared/test-vectors/rfc9162');
const EXPECTED_FILE_COUNT = 196;

function jsonFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return jsonFilesUnder(full);
    return entry.name.endsWith('.json') ? [full] : [];
  });
}

/**
 * Some vectors hold 2^64 - 1 (an index of 0 minus 1 in uint64), which JSON.parse would round
 * to a different number; quoting integers first keeps them exact for BigInt.
 */
function parseVector(file: string): Record<string, unknown> {
  const text = readFileSync(file, 'utf8').replace(/(:\s*)(\d+)(\s*[,}])/g, '$1"$2"$3');
  return JSON.parse(text) as Record<string, unknown>;
}

function text(value: unknown): string {
  if (typeof value !== 'string') throw new Error(`expected a string field, got ${typeof value}`);
  return value;
}
const uint64 = (value: unknown): bigint => BigInt(text(value));
const bytes = (value: unknown): Uint8Array => new Uint8Array(Buffer.from(text(value), 'base64'));
// Go writes an empty proof slice as null, so null is the empty proof, not a missing field.
const hashes = (value: unknown): Uint8Array[] => {
  if (value === null) return [];
  if (!Array.isArray(value)) throw new Error(`proof is not an array but ${typeof value}`);
  return value.map(bytes);
};

function runInclusion(v: Record<string, unknown>): void {
  verifyInclusion(
    bytes(v.leafHash),
    uint64(v.leafIdx),
    uint64(v.treeSize),
    hashes(v.proof),
    bytes(v.root),
  );
}

function runConsistency(v: Record<string, unknown>): void {
  verifyConsistency(
    uint64(v.size1),
    uint64(v.size2),
    hashes(v.proof),
    bytes(v.root1),
    bytes(v.root2),
  );
}

const inclusionFiles = jsonFilesUnder(path.join(VECTORS, 'inclusion'));
const consistencyFiles = jsonFilesUnder(path.join(VECTORS, 'consistency'));
const relative = (file: string): string => path.relative(VECTORS, file);

describe(`RFC 9162 vectors in ${VECTORS}`, () => {
  it(`finds all ${EXPECTED_FILE_COUNT} vector files`, () => {
    expect(inclusionFiles.length + consistencyFiles.length).toBe(EXPECTED_FILE_COUNT);
  });

  const cases = [
    ...inclusionFiles.map((file) => ({ file, run: runInclusion })),
    ...consistencyFiles.map((file) => ({ file, run: runConsistency })),
  ].map(({ file, run }) => ({ name: relative(file), vector: parseVector(file), run }));

  it.each(cases)('$name', ({ vector, run }) => {
    expect(typeof vector.wantErr).toBe('boolean');
    if (vector.wantErr === true) {
      expect(() => run(vector)).toThrow(MerkleVerificationError);
    } else {
      expect(() => run(vector)).not.toThrow();
    }
  });
});
