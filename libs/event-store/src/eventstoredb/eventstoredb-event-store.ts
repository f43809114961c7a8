import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  START,
  type ReadPosition,
  type ReadRevision,
} from '@eventstore/db-client';
import { type Observable, Subject, takeUntil } from 'rxjs';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  StructureCheck,
  SubscribeToAllOptions,
} from '../event-store.port';
import { StoreUnavailableError } from '../errors';
import type { NewEvent, RecordedEvent } from '../recorded-event';
import { EventStoreDbAppender } from './eventstoredb-appender';
import { commitPositionOf, isSystemEvent, toRecordedEvent } from './eventstoredb-envelope';
import { isWantedLedgerEvent } from './eventstoredb-filters';
import { readAllPage, readStreamPage } from './eventstoredb-reads';
import {
  DEFAULT_RESUBSCRIBE_POLICY,
  type ResubscribePolicy,
  subscribeToAllResubscribing,
} from './eventstoredb-subscription';

export interface EventStoreDbEventStoreOptions {
  /** e.g. `esdb://node1:2113,node2:2113,node3:2113?tls=true`. */
  readonly connectionString: string;
  /** Events read per request when paging; at least 2, since `$all` pages overlap by one event. */
  readonly pageSize?: number;
  readonly resubscribe?: ResubscribePolicy;
  readonly clock?: () => Date;
}

/**
 * The clustered adapter: the log lives in EventStoreDB. Ledger events are JSON events under our
 * ids; `$all` positions are commit positions. The server's own events (`$` streams and types)
 * are never surfaced.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly appender: EventStoreDbAppender;
  private readonly pageSize: number;
  private readonly resubscribePolicy: ResubscribePolicy;
  /** Ends the live subscriptions when the store closes. */
  private readonly closing = new Subject<void>();
  private closed = false;

  /** Connecting is lazy: the first request opens the channel, and `ping()` checks it. */
  static connect(
    connectionString: string,
    options: Omit<EventStoreDbEventStoreOptions, 'connectionString'> = {},
  ): EventStoreDbEventStore {
    return new EventStoreDbEventStore({ ...options, connectionString });
  }

  constructor(options: EventStoreDbEventStoreOptions) {
    this.client = EventStoreDBClient.connectionString(options.connectionString);
    this.appender = new EventStoreDbAppender(this.client, options.clock ?? (() => new Date()));
    this.pageSize = Math.max(2, options.pageSize ?? 500);
    this.resubscribePolicy = options.resubscribe ?? DEFAULT_RESUBSCRIBE_POLICY;
  }

  append(
    stream: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    this.assertOpen();
    return this.appender.append(stream, events, options);
  }

  async *readStream(stream: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    this.assertOpen();
    const backwards = options.direction === 'backwards';
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    let from: ReadRevision = options.fromRevision ?? (backwards ? END : START);
    while (remaining > 0) {
      const limit = Math.min(this.pageSize, remaining);
      const direction = backwards ? BACKWARDS : FORWARDS;
      const page = await readStreamPage(this.client, stream, from, direction, limit);
      for (const event of page) yield toRecordedEvent(event);
      if (page.length < limit) return;
      remaining -= page.length;
      const last = page[page.length - 1].revision;
      if (backwards && last === 0n) return;
      from = backwards ? last - 1n : last + 1n;
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    this.assertOpen();
    const start = options.fromPosition ?? 'start';
    let lastSeen = start === 'start' ? -1n : start;
    let from: ReadPosition = start === 'start' ? START : { commit: start, prepare: start };
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    while (remaining > 0) {
      const page = await readAllPage(this.client, from, FORWARDS, this.pageSize);
      for (const event of page) {
        const position = commitPositionOf(event);
        if (position <= lastSeen) continue;
        lastSeen = position;
        if (!isWantedLedgerEvent(event, options.filter)) continue;
        yield toRecordedEvent(event);
        remaining -= 1;
        if (remaining <= 0) return;
      }
      if (page.length < this.pageSize) return;
      from = page[page.length - 1].position;
    }
  }

  /** One read of `$all` per position (ESDB reads forwards from a position inclusively). */
  async readAt(positions: readonly bigint[]): Promise<RecordedEvent[]> {
    this.assertOpen();
    const found: RecordedEvent[] = [];
    for (const position of [...new Set(positions)].sort(inLogOrder)) {
      const [event] = await readAllPage(
        this.client,
        { commit: position, prepare: position },
        FORWARDS,
        1,
      );
      if (event && commitPositionOf(event) === position && isWantedLedgerEvent(event)) {
        found.push(toRecordedEvent(event));
      }
    }
    return found;
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): Observable<RecordedEvent> {
    this.assertOpen();
    return subscribeToAllResubscribing(this.client, options, this.resubscribePolicy).pipe(
      takeUntil(this.closing),
    );
  }

  async headPosition(): Promise<bigint> {
    this.assertOpen();
    let from: ReadPosition = END;
    for (;;) {
      const page = await readAllPage(this.client, from, BACKWARDS, this.pageSize);
      const newest = page.find((event) => !isSystemEvent(event));
      if (newest) return commitPositionOf(newest);
      if (page.length < this.pageSize) return 0n;
      from = page[page.length - 1].position;
    }
  }

  async ping(): Promise<void> {
    this.assertOpen();
    await readAllPage(this.client, END, BACKWARDS, 1);
  }

  /** The server checks its own chunks (their checksums, at start and by scavenging). */
  structureCheck(): StructureCheck {
    return { state: 'elsewhere' };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.closing.next();
    this.closing.complete();
    await this.client.dispose();
  }

  private assertOpen(): void {
    if (this.closed) {
      throw new StoreUnavailableError('The EventStoreDB event store is closed', 'closed');
    }
  }
}

const inLogOrder = (a: bigint, b: bigint): number => (a < b ? -1 : a > b ? 1 : 0);
