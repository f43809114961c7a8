import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { AgreementClause } from './agreement.events';

/**
 * The hash a signature binds to: SHA-256 (hex) of the canonical JSON (RFC 8785) of
 * `{ agreementId, version, clauses }`. The agreement id and version are inside so that a
 * signature can never be carried over to another agreement, or to another version with the same
 * text. Pure computation (no I/O), so the decider may call it.
 */
export function termsHash(
  agreementId: string,
  version: number,
  clauses: readonly AgreementClause[],
): string {
  const json = canonicalize({
    agreementId,
    version,
    // Only what the parties read is hashed, whatever else a caller's objects carry.
    clauses: clauses.map(({ clauseId, text }) => ({ clauseId, text })),
  });
  // Unreachable for strings and numbers; the guard only satisfies canonicalize's return type.
  if (json === undefined) throw new TypeError(`terms of agreement ${agreementId} cannot be hashed`);
  return createHash('sha256').update(json).digest('hex');
}
