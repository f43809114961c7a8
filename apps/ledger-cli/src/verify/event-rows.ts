import type Database from 'better-sqlite3';
import type { HashedContent } from '@cohesion/event-store/hashing/event-hash';
import type { EventMetadata, JsonObject } from '@cohesion/event-store/recorded-event';

/** One row of the embedded store's `events` table, exactly as stored. */
export interface EventRow {
  readonly position: bigint;
  readonly id: string;
  readonly stream: string;
  readonly revision: bigint;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
  readonly prev_hash: string;
  readonly hash: string;
}

/**
 * Every event row in log order, read straight from the file rather than through the store:
 * a damaged row must be reported, not make the reading fail (the store refuses it).
 */
export function eventRows(db: Database.Database): IterableIterator<EventRow> {
  return db
    .prepare(
      `SELECT position, id, stream, revision, type, data, metadata, prev_hash, hash
       FROM events ORDER BY position`,
    )
    .safeIntegers(true)
    .iterate() as IterableIterator<EventRow>;
}

/** The content the row's hash must cover, or why the row cannot even be read as an event. */
export function hashedContentOf(row: EventRow): HashedContent | string {
  const data = parseObject(row.data);
  const metadata = parseObject(row.metadata);
  if (data === undefined) return 'its data is not a JSON object';
  if (metadata === undefined) return 'its metadata is not a JSON object';
  return {
    id: row.id,
    stream: row.stream,
    revision: row.revision,
    type: row.type,
    data,
    // Not checked field by field: the hash covers whatever the metadata holds.
    metadata: metadata as unknown as EventMetadata,
    prevHash: row.prev_hash,
  };
}

function parseObject(text: string): JsonObject | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as JsonObject)
      : undefined;
  } catch {
    return undefined;
  }
}
