import type { ExpectedRevision } from './event-store.port';

/** A stream's revision is `'no_stream'` when it has no event. */
export type ActualRevision = bigint | 'no_stream';

/** The append's expected revision did not match the stream: someone else wrote first. */
export class WrongExpectedRevisionError extends Error {
  override readonly name = 'WrongExpectedRevisionError';
  constructor(
    readonly stream: string,
    readonly expectedRevision: ExpectedRevision,
    readonly actualRevision: ActualRevision,
  ) {
    super(
      `Stream ${stream}: expected revision ${String(expectedRevision)}, actual ${String(actualRevision)}`,
    );
  }
}

/** Event ids already recorded with other content, or in another place: a retry that is not the same command. */
export class IdempotencyConflictError extends Error {
  override readonly name = 'IdempotencyConflictError';
  constructor(
    readonly stream: string,
    readonly eventId: string,
    reason: string,
  ) {
    super(`Stream ${stream}: event ${eventId} ${reason}`);
  }
}

/** The append itself is malformed (no events, a bad stream name, data that is not JSON). */
export class InvalidAppendError extends Error {
  override readonly name = 'InvalidAppendError';
}

/** The stored log does not match its own hashes or structure: never served silently. */
export class CorruptedStoreError extends Error {
  override readonly name = 'CorruptedStoreError';
}

/**
 * The store could not be reached or could not write: an I/O error, a full disk, a lock held too
 * long, a closed connection, a cluster node unavailable or too slow. Temporary as far as the
 * ledger can tell, so it is answered 503: the command may be retried with the same id, and if
 * its write did happen after all, the retry answers with the first result.
 */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
  constructor(
    message: string,
    /** The adapter's own name for the failure (`SQLITE_FULL`, `unavailable`…), for logs. */
    readonly code: string,
    options?: { readonly cause?: unknown },
  ) {
    super(message, options);
  }
}
