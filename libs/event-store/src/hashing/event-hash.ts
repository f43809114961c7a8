import { hash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { RecordedEvent } from '../recorded-event';

/** The `prevHash` of every stream's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** Everything the hash covers: the recorded event without its own hash and without its global position (assigned by some stores only after the write). */
export type HashedContent = Omit<RecordedEvent, 'hash' | 'position'>;

/** The hashed content with its data and metadata already written as canonical JSON (RFC 8785). */
export interface CanonicalContent extends Omit<HashedContent, 'data' | 'metadata'> {
  readonly canonicalData: string;
  readonly canonicalMetadata: string;
}

/** The canonical JSON (RFC 8785) of a JSON value; throws when the value is not JSON. */
export function canonicalJson(value: unknown, what: string): string {
  const json = canonicalize(value);
  if (json === undefined) throw new TypeError(`${what} cannot be canonicalised`);
  return json;
}

/**
 * The canonical JSON of an event's hashed content from its parts. The members are written in
 * RFC 8785 order (data, id, metadata, prevHash, revision, stream, type) and strings as
 * JSON.stringify writes them, which is what RFC 8785 prescribes; the revision is a decimal string.
 */
export function canonicalEventJsonOf(event: CanonicalContent): string {
  return (
    `{"data":${event.canonicalData},"id":${JSON.stringify(event.id)}` +
    `,"metadata":${event.canonicalMetadata},"prevHash":${JSON.stringify(event.prevHash)}` +
    `,"revision":"${event.revision.toString()}","stream":${JSON.stringify(event.stream)}` +
    `,"type":${JSON.stringify(event.type)}}`
  );
}

/** The canonical JSON (RFC 8785) of an event's hashed content; the revision is written as a decimal string. */
export function canonicalEventJson(event: HashedContent): string {
  return canonicalEventJsonOf(canonicalContentOf(event));
}

export function canonicalContentOf(event: HashedContent): CanonicalContent {
  return {
    id: event.id,
    stream: event.stream,
    revision: event.revision,
    type: event.type,
    canonicalData: canonicalJson(event.data, `event ${event.id} data`),
    canonicalMetadata: canonicalJson(event.metadata, `event ${event.id} metadata`),
    prevHash: event.prevHash,
  };
}

/** hash = SHA-256(prevHash ‖ canonical JSON of the event without its hash), hex. The only place events are hashed. */
export function hashCanonicalEvent(event: CanonicalContent): string {
  return hash('sha256', event.prevHash + canonicalEventJsonOf(event), 'hex');
}

export function hashEvent(event: HashedContent): string {
  return hashCanonicalEvent(canonicalContentOf(event));
}
