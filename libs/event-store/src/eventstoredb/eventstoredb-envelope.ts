import {
  jsonEvent,
  type EventData,
  type EventType,
  type RecordedEvent as EsdbRecordedEvent,
} from '@eventstore/db-client';
import type { ChainedEvent } from '../append-rules';
import { CorruptedStoreError } from '../errors';
import type { EventMetadata, JsonObject, RecordedEvent } from '../recorded-event';

/**
 * How a ledger event sits in EventStoreDB. ESDB keeps the id, stream, revision, type, data and
 * position natively; the rest of our envelope travels in the ESDB event metadata.
 */
interface StoredEnvelope {
  /** ESDB's own correlation convention, so its `$by_correlation_id` projection works. */
  readonly $correlationId: string;
  readonly $causationId: string;
  readonly prevHash: string;
  readonly hash: string;
  readonly metadata: EventMetadata;
}

/** ESDB reports 2^64 - 1 (a signed -1) where a read carries no commit position. */
const NO_COMMIT_POSITION = 2n ** 64n - 1n;

export function toEsdbEvent(event: ChainedEvent): EventData {
  const envelope: StoredEnvelope = {
    $correlationId: event.metadata.correlationId,
    $causationId: event.metadata.causationId,
    prevHash: event.prevHash,
    hash: event.hash,
    metadata: event.metadata,
  };
  return jsonEvent({ id: event.id, type: event.type, data: event.data, metadata: envelope });
}

/** System events (`$` streams and types) belong to the server, never to the ledger. */
export function isSystemEvent(event: EsdbRecordedEvent): boolean {
  return event.streamId.startsWith('$') || event.type.startsWith('$');
}

/**
 * The event's place in the whole log. Every gRPC append is an implicit transaction in which each
 * event's commit and prepare positions are equal, so the prepare position stands in where a
 * server leaves the commit position out (some versions do in stream reads).
 */
export function commitPositionOf(event: EsdbRecordedEvent): bigint {
  const { position } = event;
  if (!position) throw corrupted(event, 'has no position');
  return position.commit === NO_COMMIT_POSITION ? position.prepare : position.commit;
}

export function toRecordedEvent(event: EsdbRecordedEvent): RecordedEvent {
  if (!event.isJson || !isJsonObject(event.data)) throw corrupted(event, 'is not a JSON object');
  const envelope = event.metadata;
  if (!isStoredEnvelope(envelope)) throw corrupted(event, 'has no ledger envelope');
  return {
    id: event.id,
    stream: event.streamId,
    revision: event.revision,
    position: commitPositionOf(event),
    type: event.type,
    data: event.data,
    metadata: envelope.metadata,
    prevHash: envelope.prevHash,
    hash: envelope.hash,
  };
}

function corrupted(event: EsdbRecordedEvent<EventType>, problem: string): CorruptedStoreError {
  return new CorruptedStoreError(`${event.streamId}@${event.revision} (${event.id}) ${problem}`);
}

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStoredEnvelope(value: unknown): value is StoredEnvelope {
  if (!isJsonObject(value)) return false;
  const { prevHash, hash, metadata } = value;
  return (
    typeof prevHash === 'string' &&
    typeof hash === 'string' &&
    isJsonObject(metadata) &&
    typeof metadata.recordedAt === 'string'
  );
}
