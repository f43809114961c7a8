import { type EventStore, GENESIS_HASH, type RecordedEvent } from '@cohesion/event-store';
import { type JsonValue, type KeyStore, openAll } from '@cohesion/personal-data';
import { ImportLineError, parseExportLine } from './exported-event';

/** A line of an import file, with its number (from 1) and its size in bytes (for progress). */
export interface ImportLine {
  readonly text: string;
  readonly lineNumber: number;
  readonly bytes: number;
}

export interface ImportReport {
  /** Events appended by this import. */
  readonly imported: number;
  /** Events the store already held, identical (an earlier import of the same file). */
  readonly alreadyPresent: number;
  /**
   * Sealed personal fields of the imported events that do not open here: erased (their key was
   * destroyed: an export taken before an erasure brings nothing back), sealed with keys this
   * ledger never had (another ledger's), or altered. Counted when a key store is given.
   */
  readonly unopened: {
    readonly erased: number;
    readonly unreadable: number;
    readonly corrupted: number;
  };
}

/**
 * Appends the exported events in log order, each with its id, stream, revision and recorded time,
 * so that each hashes as it did where it came from; the stored hash is checked against the
 * exported one. Stops at the first line that cannot be taken, having imported every line before
 * it: running it again after a fix carries on where it stopped (events already there are skipped).
 */
export async function importEvents(
  store: EventStore,
  lines: AsyncIterable<ImportLine> | Iterable<ImportLine>,
  onLine: (line: ImportLine, report: ImportReport) => void = () => {},
  keys?: KeyStore,
): Promise<ImportReport> {
  let imported = 0;
  let alreadyPresent = 0;
  const unopened = { erased: 0, unreadable: 0, corrupted: 0 };
  const count = (event: RecordedEvent) => {
    if (keys === undefined) return;
    const { erased, unreadable, corrupted } = openAll(event.data as JsonValue, keys);
    unopened.erased += erased;
    unopened.unreadable += unreadable;
    unopened.corrupted += corrupted;
  };
  for await (const line of lines) {
    if (line.text.trim() === '') continue;
    const event = parseExportLine(line.text, line.lineNumber);
    const fail = (reason: string) => new ImportLineError(line.lineNumber, reason);
    const { previous, existing } = await neighboursOf(store, event);
    if (existing && existing.id === event.id && existing.hash === event.hash) {
      alreadyPresent += 1;
    } else if (existing) {
      throw fail(
        `${event.stream} already holds another event at revision ${event.revision} ` +
          `(${existing.id}): import into a ledger that does not have this stream yet`,
      );
    } else if ((previous?.hash ?? GENESIS_HASH) !== event.prevHash) {
      throw fail(
        `event ${event.id} follows ${event.prevHash} in the export, but ${event.stream} ` +
          `ends with ${previous?.hash ?? 'nothing'} here: an earlier line of the stream is missing`,
      );
    } else {
      await append(store, event);
      const stored = (await neighboursOf(store, event)).existing;
      if (stored?.hash !== event.hash) {
        throw fail(`event ${event.id} was stored with another hash than the exported one`);
      }
      imported += 1;
      count(event);
    }
    onLine(line, { imported, alreadyPresent, unopened });
  }
  return { imported, alreadyPresent, unopened };
}

function append(store: EventStore, event: RecordedEvent) {
  const { recordedAt, ...metadata } = event.metadata;
  return store.append(
    event.stream,
    [{ id: event.id, type: event.type, data: event.data, metadata }],
    {
      expectedRevision: event.revision === 0n ? 'no_stream' : event.revision - 1n,
      recordedAt,
    },
  );
}

/** The stream's events just before and at the exported event's revision, when there are. */
async function neighboursOf(store: EventStore, event: RecordedEvent) {
  const found = new Map<bigint, RecordedEvent>();
  const from = event.revision === 0n ? 0n : event.revision - 1n;
  for await (const stored of store.readStream(event.stream, { fromRevision: from, maxCount: 2 })) {
    found.set(stored.revision, stored);
  }
  return { previous: found.get(event.revision - 1n), existing: found.get(event.revision) };
}
