import { defaultHasher } from '../../verifier/hasher';
import { splitPoint } from '../tree-math';

/**
 * RFC 9162 §2.1 definitions transcribed literally over an in-memory list of leaf hashes:
 * quadratic and obviously correct, the oracle the stored-node log is compared against.
 */
const { hashChildren, emptyRoot } = defaultHasher;

export function referenceRoot(leaves: readonly Uint8Array[]): Uint8Array {
  if (leaves.length === 0) return emptyRoot();
  if (leaves.length === 1) return leaves[0];
  const k = splitPoint(leaves.length);
  return hashChildren(referenceRoot(leaves.slice(0, k)), referenceRoot(leaves.slice(k)));
}

export function referencePath(m: number, leaves: readonly Uint8Array[]): Uint8Array[] {
  if (leaves.length === 1) return [];
  const k = splitPoint(leaves.length);
  return m < k
    ? [...referencePath(m, leaves.slice(0, k)), referenceRoot(leaves.slice(k))]
    : [...referencePath(m - k, leaves.slice(k)), referenceRoot(leaves.slice(0, k))];
}

function subproof(m: number, leaves: readonly Uint8Array[], b: boolean): Uint8Array[] {
  if (m === leaves.length) return b ? [] : [referenceRoot(leaves)];
  const k = splitPoint(leaves.length);
  return m <= k
    ? [...subproof(m, leaves.slice(0, k), b), referenceRoot(leaves.slice(k))]
    : [...subproof(m - k, leaves.slice(k), false), referenceRoot(leaves.slice(0, k))];
}

export const referenceConsistency = (m: number, leaves: readonly Uint8Array[]): Uint8Array[] =>
  subproof(m, leaves, true);
