import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { RecordedEvent } from '../recorded-event';

/** The `prevHash` of every stream's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** Everything the hash covers: the recorded event without its own hash and without its global position (assigned by some stores only after the write). */
export type HashedContent = Omit<RecordedEvent, 'hash' | 'position'>;

/** The canonical JSON (RFC 8785) of an event's hashed content; the revision is written as a decimal string. */
export function canonicalEventJson(event: HashedContent): string {
  const json = canonicalize({
    id: event.id,
    stream: event.stream,
    revision: event.revision.toString(),
    type: event.type,
    data: event.data,
    metadata: event.metadata,
    prevHash: event.prevHash,
  });
  if (json === undefined) throw new TypeError(`event ${event.id} cannot be canonicalised`);
  return json;
}

/** hash = SHA-256(prevHash ‖ canonical JSON of the event without its hash), hex. The only place events are hashed. */
export function hashEvent(event: HashedContent): string {
  return createHash('sha256')
    .update(event.prevHash)
    .update(canonicalEventJson(event))
    .digest('hex');
}
