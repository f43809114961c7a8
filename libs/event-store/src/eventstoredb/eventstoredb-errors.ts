import { ErrorType } from '@eventstore/db-client';
import { StoreUnavailableError } from '../errors';

/** Client errors that say the cluster cannot serve the request now, not that the request is wrong. */
const UNAVAILABLE_TYPES: ReadonlySet<string> = new Set([
  ErrorType.UNAVAILABLE,
  ErrorType.DEADLINE_EXCEEDED,
  ErrorType.TIMEOUT,
  // A follower refused a write that needs the leader; the client reconnects to it on the next call.
  ErrorType.NOT_LEADER,
  // The client cancels a call when it drops a broken channel.
  ErrorType.CANCELLED,
]);

/**
 * gRPC status codes of the same failures, for errors the client passes on unconverted (an append
 * on a channel that never connected fails with the raw status): CANCELLED, DEADLINE_EXCEEDED,
 * RESOURCE_EXHAUSTED, UNAVAILABLE.
 */
const UNAVAILABLE_GRPC_CODES: ReadonlySet<number> = new Set([1, 4, 8, 14]);

/**
 * The error to raise for a failed call: StoreUnavailableError when the cluster is out of reach.
 * Told by `type` and `code`, not by class: an error may come from another copy of the client or
 * another realm (a test runner's), where `instanceof` fails.
 */
export function storeErrorOf(error: unknown): unknown {
  if (typeof error !== 'object' || error === null || error instanceof StoreUnavailableError) {
    return error;
  }
  const reason = unavailableReason(error as { type?: unknown; code?: unknown });
  if (reason === undefined) return error;
  const { message } = error as { message?: unknown };
  return new StoreUnavailableError(`EventStoreDB: ${String(message)}`, reason, { cause: error });
}

/** The client's error type, or else the gRPC status, when it says the cluster is out of reach. */
function unavailableReason({ type, code }: { type?: unknown; code?: unknown }) {
  if (typeof type === 'string') return UNAVAILABLE_TYPES.has(type) ? type : undefined;
  if (typeof code === 'number' && UNAVAILABLE_GRPC_CODES.has(code)) return `grpc-status-${code}`;
  return undefined;
}
