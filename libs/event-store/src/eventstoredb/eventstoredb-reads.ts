import {
  StreamNotFoundError,
  type AllStreamRecordedEvent,
  type Direction,
  type EventStoreDBClient,
  type ReadPosition,
  type ReadRevision,
  type RecordedEvent as EsdbRecordedEvent,
} from '@eventstore/db-client';
import { storeErrorOf } from './eventstoredb-errors';

/*
 * Reads come in bounded pages that are always read to their end: an abandoned gRPC read would
 * have to be cancelled, and the client answers a cancellation by dropping its channel. A cluster
 * out of reach fails a page with StoreUnavailableError.
 */

/** At most `maxCount` events of a stream; none when the stream does not exist. */
export async function readStreamPage(
  client: EventStoreDBClient,
  stream: string,
  fromRevision: ReadRevision,
  direction: Direction,
  maxCount: number,
): Promise<EsdbRecordedEvent[]> {
  const events: EsdbRecordedEvent[] = [];
  try {
    for await (const resolved of client.readStream(stream, { fromRevision, direction, maxCount })) {
      if (resolved.event) events.push(resolved.event);
    }
  } catch (error) {
    if (error instanceof StreamNotFoundError) return [];
    throw storeErrorOf(error);
  }
  return events;
}

/**
 * At most `maxCount` events of `$all`, system events included. Forwards from a position, ESDB
 * includes the event at that position; callers skip what they have already seen.
 */
export async function readAllPage(
  client: EventStoreDBClient,
  fromPosition: ReadPosition,
  direction: Direction,
  maxCount: number,
): Promise<AllStreamRecordedEvent[]> {
  const events: AllStreamRecordedEvent[] = [];
  try {
    for await (const resolved of client.readAll({ fromPosition, direction, maxCount })) {
      if (resolved.event) events.push(resolved.event);
    }
  } catch (error) {
    throw storeErrorOf(error);
  }
  return events;
}
