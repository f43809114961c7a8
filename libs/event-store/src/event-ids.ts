import { v5 as uuidv5 } from 'uuid';

/** Fixed namespace of Cohesion Ledger event ids (UUIDv5); never change it, or retries stop being idempotent. */
const EVENT_ID_NAMESPACE = '6f1d3c2e-8a4b-5c7d-9e0f-1a2b3c4d5e6f';

/**
 * The id of the `index`-th event produced by a command. Deriving ids from the command id makes a
 * retried command propose the very same ids, which the store recognises and does not store twice.
 */
export function eventIdFor(commandId: string, index: number): string {
  if (!Number.isInteger(index) || index < 0) {
    throw new RangeError(`event index must be a non-negative integer, got ${index}`);
  }
  return uuidv5(`${commandId}#${index}`, EVENT_ID_NAMESPACE);
}
