import {
  type EventMetadata,
  hashEvent,
  type JsonObject,
  type RecordedEvent,
} from '@cohesion/event-store';

/**
 * One line of an export: the event exactly as the log holds it. Revision and position are decimal
 * strings (64-bit, as the API writes them); `metadata.recordedAt` is kept, so the hash can be
 * checked, and reproduced on import.
 */
export function exportLine(event: RecordedEvent): string {
  return JSON.stringify({
    id: event.id,
    stream: event.stream,
    revision: event.revision.toString(),
    position: event.position.toString(),
    type: event.type,
    data: event.data,
    metadata: event.metadata,
    prevHash: event.prevHash,
    hash: event.hash,
  });
}

/** A line of an import file that cannot be taken: the message names the line. */
export class ImportLineError extends Error {
  constructor(
    readonly lineNumber: number,
    reason: string,
  ) {
    super(`line ${lineNumber}: ${reason}`);
  }
}

const DECIMAL = /^(0|[1-9]\d*)$/;
const HASH = /^[0-9a-f]{64}$/;

/**
 * The event a line of an export holds, refused (with the line number) when the line is not an
 * exported event or when its hash does not cover its content: a changed line is never imported.
 */
export function parseExportLine(text: string, lineNumber: number): RecordedEvent {
  const fail = (reason: string) => new ImportLineError(lineNumber, reason);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw fail('not JSON (each line must be one exported event)');
  }
  if (!isObject(value)) throw fail('not a JSON object (each line must be one exported event)');
  const { id, stream, revision, position, type, data, metadata, prevHash, hash } = value;
  for (const [name, field] of Object.entries({ id, stream, type, prevHash, hash })) {
    if (typeof field !== 'string' || field === '')
      throw fail(`"${name}" must be a non-empty string`);
  }
  for (const [name, field] of Object.entries({ revision, position })) {
    if (typeof field !== 'string' || !DECIMAL.test(field)) {
      throw fail(`"${name}" must be a whole number written as a decimal string`);
    }
  }
  if (!isObject(data)) throw fail('"data" must be a JSON object');
  if (!isObject(metadata) || typeof metadata.recordedAt !== 'string') {
    throw fail('"metadata" must be a JSON object with "recordedAt"');
  }
  if (!HASH.test(prevHash as string) || !HASH.test(hash as string)) {
    throw fail('"prevHash" and "hash" must be 64 hex digits');
  }
  const event: RecordedEvent = {
    id: id as string,
    stream: stream as string,
    revision: BigInt(revision as string),
    position: BigInt(position as string),
    type: type as string,
    data,
    // Not checked field by field: the hash below covers whatever the metadata holds.
    metadata: metadata as unknown as EventMetadata,
    prevHash: prevHash as string,
    hash: hash as string,
  };
  if (hashEvent(event) !== event.hash) {
    throw fail(`event ${event.id} does not match its hash: the line was changed after the export`);
  }
  return event;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
