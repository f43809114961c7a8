import canonicalize from 'canonicalize';
import type { AppendResult, ExpectedRevision } from './event-store.port';
import {
  type ActualRevision,
  IdempotencyConflictError,
  InvalidAppendError,
  WrongExpectedRevisionError,
} from './errors';
import {
  canonicalContentOf,
  GENESIS_HASH,
  hashCanonicalEvent,
  type HashedContent,
} from './hashing/event-hash';
import type { JsonValue, NewEvent, RecordedEvent } from './recorded-event';

/**
 * The rules every adapter applies to an append, kept in one place so that SQLite and
 * EventStoreDB cannot drift apart: validation, the expected-revision check, hash chaining and
 * recognising a retried command.
 */

/** The last event of a stream as far as chaining is concerned. */
export interface StreamTail {
  readonly revision: ActualRevision;
  readonly hash: string;
}

/**
 * An event ready to be written: everything but the global position the store assigns, with its
 * data and metadata also in the canonical JSON that was hashed (a store that keeps those strings
 * can check the hash on every read without canonicalising again).
 */
export interface ChainedEvent extends Omit<RecordedEvent, 'position'> {
  readonly canonicalData: string;
  readonly canonicalMetadata: string;
}

export const EMPTY_TAIL: StreamTail = { revision: 'no_stream', hash: GENESIS_HASH };

const MAX_STREAM_NAME_LENGTH = 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

export function assertValidAppend(
  stream: string,
  events: readonly NewEvent[],
  recordedAt?: string,
): void {
  if (recordedAt !== undefined && !(ISO_INSTANT.test(recordedAt) && Date.parse(recordedAt) > 0)) {
    throw new InvalidAppendError(`recordedAt ${recordedAt} is not an ISO 8601 instant in UTC`);
  }
  if (stream.length === 0 || stream.length > MAX_STREAM_NAME_LENGTH) {
    throw new InvalidAppendError(`stream name must have 1 to ${MAX_STREAM_NAME_LENGTH} characters`);
  }
  if (stream.startsWith('$')) {
    throw new InvalidAppendError(`stream ${stream}: names starting with $ are reserved`);
  }
  if (events.length === 0) throw new InvalidAppendError(`stream ${stream}: nothing to append`);
  const ids = new Set<string>();
  for (const event of events) {
    if (!UUID.test(event.id))
      throw new InvalidAppendError(`event id ${event.id} is not a lowercase UUID`);
    if (ids.has(event.id))
      throw new InvalidAppendError(`event id ${event.id} appears twice in one append`);
    ids.add(event.id);
    if (event.type.length === 0 || event.type.startsWith('$')) {
      throw new InvalidAppendError(
        `event ${event.id}: type must be non-empty and not start with $`,
      );
    }
    assertJson(event.data, `event ${event.id} data`);
    assertJson(event.metadata as unknown, `event ${event.id} metadata`);
  }
}

function assertJson(value: unknown, where: string): asserts value is JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      throw new InvalidAppendError(`${where}: ${value} is not a JSON number`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => assertJson(item, `${where}[${index}]`));
    return;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [key, item] of Object.entries(value)) assertJson(item, `${where}.${key}`);
    return;
  }
  throw new InvalidAppendError(`${where}: a ${typeof value} is not plain JSON`);
}

export function assertExpectedRevision(
  stream: string,
  expected: ExpectedRevision,
  actual: ActualRevision,
): void {
  const matches =
    expected === 'any' ||
    (expected === 'no_stream' && actual === 'no_stream') ||
    (expected === 'stream_exists' && actual !== 'no_stream') ||
    (typeof expected === 'bigint' && expected === actual);
  if (!matches) throw new WrongExpectedRevisionError(stream, expected, actual);
}

/** The events as they will be recorded, each chained to the one before. */
export function chainEvents(
  stream: string,
  tail: StreamTail,
  events: readonly NewEvent[],
  recordedAt: string,
): ChainedEvent[] {
  let prevHash = tail.hash;
  let revision = tail.revision === 'no_stream' ? -1n : tail.revision;
  return events.map((event) => {
    revision += 1n;
    const content: HashedContent = {
      id: event.id,
      stream,
      revision,
      type: event.type,
      data: event.data,
      metadata: { ...event.metadata, recordedAt },
      prevHash,
    };
    const canonical = canonicalContentOf(content);
    prevHash = hashCanonicalEvent(canonical);
    return {
      ...content,
      hash: prevHash,
      canonicalData: canonical.canonicalData,
      canonicalMetadata: canonical.canonicalMetadata,
    };
  });
}

/**
 * Decides whether `proposed` repeats an append already in the log. `recorded` are the events of
 * the log that carry any of the proposed ids, in log order. Returns the first append's result for
 * an exact repeat, `undefined` when none of the ids is known, and throws when the ids are known
 * with other content or in another place.
 */
export function recognisedRetry(
  stream: string,
  proposed: readonly NewEvent[],
  recorded: readonly RecordedEvent[],
): AppendResult | undefined {
  if (recorded.length === 0) return undefined;
  proposed.forEach((event, index) => {
    const earlier = recorded[index];
    if (earlier?.id !== event.id) {
      throw new IdempotencyConflictError(stream, event.id, 'is only partly an earlier append');
    }
    if (earlier.stream !== stream) {
      throw new IdempotencyConflictError(
        stream,
        event.id,
        `is already recorded in ${earlier.stream}`,
      );
    }
    if (!sameContent(earlier, event)) {
      throw new IdempotencyConflictError(
        stream,
        event.id,
        'is already recorded with other content',
      );
    }
  });
  if (recorded.length !== proposed.length) {
    throw new IdempotencyConflictError(stream, proposed[0].id, 'is only partly an earlier append');
  }
  const last = recorded[recorded.length - 1];
  return { nextRevision: last.revision, position: last.position };
}

function sameContent(recorded: RecordedEvent, proposed: NewEvent): boolean {
  const { recordedAt: _recordedAt, ...recordedMetadata } = recorded.metadata;
  return (
    recorded.type === proposed.type &&
    canonicalize(recorded.data) === canonicalize(proposed.data) &&
    canonicalize(recordedMetadata) === canonicalize(proposed.metadata)
  );
}
