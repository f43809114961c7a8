import {
  BACKWARDS,
  END,
  FORWARDS,
  NO_STREAM,
  WrongExpectedVersionError,
  type EventStoreDBClient,
} from '@eventstore/db-client';
import {
  assertExpectedRevision,
  assertValidAppend,
  chainEvents,
  type ChainedEvent,
  EMPTY_TAIL,
  recognisedRetry,
  type StreamTail,
} from '../append-rules';
import { type ActualRevision, WrongExpectedRevisionError } from '../errors';
import type { AppendOptions, AppendResult, ExpectedRevision } from '../event-store.port';
import type { NewEvent, RecordedEvent } from '../recorded-event';
import { commitPositionOf, toEsdbEvent, toRecordedEvent } from './eventstoredb-envelope';
import { storeErrorOf } from './eventstoredb-errors';
import { readStreamPage } from './eventstoredb-reads';

/**
 * How many of a stream's last events an append with `any` or `stream_exists` searches for the
 * proposed ids. Such a caller names no revision to read after, so a retry is only recognised while
 * the first attempt is among the stream's last 1000 events; an older one would be stored twice.
 */
const RETRY_SEARCH_WINDOW = 1000;
/** Read past a retried append's length, so that an append repeating only part of one is seen whole. */
const RETRY_READ_MARGIN = 10;
/** Times an append with `any` or `stream_exists` re-chains onto a tail that moved under it. */
const MAX_REBASES = 50;

type ExactExpectation = bigint | 'no_stream';

type WriteOutcome =
  | { readonly kind: 'appended'; readonly result: AppendResult }
  | { readonly kind: 'conflict'; readonly actualRevision: ActualRevision };

/**
 * Appends with the rules of `append-rules`. The hash chain needs the stream's tail, so every write
 * names the exact revision of the tail it was chained to: a concurrent writer makes it fail rather
 * than break the chain, and it is re-chained only when the caller's expectation allows it.
 */
export class EventStoreDbAppender {
  constructor(
    private readonly client: EventStoreDBClient,
    private readonly clock: () => Date,
  ) {}

  async append(
    stream: string,
    events: readonly NewEvent[],
    { expectedRevision, recordedAt }: AppendOptions,
  ): Promise<AppendResult> {
    assertValidAppend(stream, events, recordedAt);
    let actualRevision: ActualRevision = 'no_stream';
    for (let attempt = 0; attempt < MAX_REBASES; attempt += 1) {
      const { tail, retried } = await this.inspectStream(stream, events, expectedRevision);
      if (retried) return retried;
      assertExpectedRevision(stream, expectedRevision, tail.revision);
      const chained = chainEvents(stream, tail, events, recordedAt ?? this.clock().toISOString());
      const outcome = await this.write(stream, tail, chained);
      if (outcome.kind === 'appended') return outcome.result;
      actualRevision = outcome.actualRevision;
      if (isExact(expectedRevision)) {
        // The stream moved between reading its tail and writing: maybe by this very append,
        // retried concurrently, which must answer like any other retry.
        const retriedMeanwhile = await this.findRetryAfter(stream, events, expectedRevision);
        if (retriedMeanwhile) return retriedMeanwhile;
        throw new WrongExpectedRevisionError(stream, expectedRevision, actualRevision);
      }
    }
    throw new WrongExpectedRevisionError(stream, expectedRevision, actualRevision);
  }

  /** The stream's tail, and the first result if this append repeats an earlier one. */
  private async inspectStream(
    stream: string,
    events: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<{ tail: StreamTail; retried?: AppendResult }> {
    if (isExact(expectedRevision)) {
      const [last] = await this.readLatest(stream, 1);
      const tail = last ? tailOf(last) : EMPTY_TAIL;
      // Nothing follows the expected revision when it is the tail, so no retry can be there.
      if (tail.revision === expectedRevision) return { tail };
      return { tail, retried: await this.findRetryAfter(stream, events, expectedRevision) };
    }
    const latest = await this.readLatest(stream, RETRY_SEARCH_WINDOW);
    const tail = latest.length > 0 ? tailOf(latest[0]) : EMPTY_TAIL;
    const earlier = carryingIds(latest, events).reverse();
    return { tail, retried: recognisedRetry(stream, events, earlier) };
  }

  /** Recognises a retry among the events that follow the revision the caller expected. */
  private async findRetryAfter(
    stream: string,
    events: readonly NewEvent[],
    expectedRevision: ExactExpectation,
  ): Promise<AppendResult | undefined> {
    const from = expectedRevision === 'no_stream' ? 0n : expectedRevision + 1n;
    const page = await readStreamPage(
      this.client,
      stream,
      from,
      FORWARDS,
      events.length + RETRY_READ_MARGIN,
    );
    return recognisedRetry(stream, events, carryingIds(page.map(toRecordedEvent), events));
  }

  /** The stream's last `count` events, newest first. */
  private async readLatest(stream: string, count: number): Promise<RecordedEvent[]> {
    const page = await readStreamPage(this.client, stream, END, BACKWARDS, count);
    return page.map(toRecordedEvent);
  }

  private async write(
    stream: string,
    tail: StreamTail,
    chained: readonly ChainedEvent[],
  ): Promise<WriteOutcome> {
    const expectedRevision = tail.revision === 'no_stream' ? NO_STREAM : tail.revision;
    try {
      const written = await this.client.appendToStream(stream, chained.map(toEsdbEvent), {
        expectedRevision,
      });
      if (!written.success) {
        // Only when the connection string sets throwOnAppendFailure=false; -1 means no stream.
        const current = written.nextExpectedRevision;
        return { kind: 'conflict', actualRevision: current < 0n ? 'no_stream' : current };
      }
      const nextRevision = written.nextExpectedRevision;
      const position = written.position?.commit ?? (await this.positionOf(stream, nextRevision));
      return { kind: 'appended', result: { nextRevision, position } };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        return { kind: 'conflict', actualRevision: error.actualVersion };
      }
      // Unavailable or too slow: the write may have happened or not, and a retry with the same
      // event ids tells which (inspectStream recognises it).
      throw storeErrorOf(error);
    }
  }

  /** For a server that acknowledges an append without its position. */
  private async positionOf(stream: string, revision: bigint): Promise<bigint> {
    const [event] = await readStreamPage(this.client, stream, revision, FORWARDS, 1);
    if (!event) throw new Error(`${stream}@${revision} was acknowledged but cannot be read back`);
    return commitPositionOf(event);
  }
}

function isExact(expectedRevision: ExpectedRevision): expectedRevision is ExactExpectation {
  return typeof expectedRevision === 'bigint' || expectedRevision === 'no_stream';
}

function tailOf(event: RecordedEvent): StreamTail {
  return { revision: event.revision, hash: event.hash };
}

function carryingIds(recorded: readonly RecordedEvent[], proposed: readonly NewEvent[]) {
  const ids = new Set(proposed.map((event) => event.id));
  return recorded.filter((event) => ids.has(event.id));
}
