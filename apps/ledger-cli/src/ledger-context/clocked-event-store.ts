import type { Observable } from 'rxjs';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
} from '@cohesion/event-store';

/** Where a simulated history stands: the instant its next fact is recorded at. */
export interface LedgerClock {
  now(): string;
}

/**
 * The configured store, but every append is recorded at the clock's instant instead of the wall
 * time (`AppendOptions.recordedAt`): a history replayed over simulated months (the demo) then
 * hashes the same on every run.
 */
export class ClockedEventStore implements EventStore {
  constructor(
    private readonly store: EventStore,
    private readonly clock: LedgerClock,
  ) {}

  append(
    stream: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    return this.store.append(stream, events, { ...options, recordedAt: this.clock.now() });
  }

  readStream(stream: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent> {
    return this.store.readStream(stream, options);
  }

  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent> {
    return this.store.readAll(options);
  }

  subscribeToAll(options?: SubscribeToAllOptions): Observable<RecordedEvent> {
    return this.store.subscribeToAll(options);
  }

  headPosition(): Promise<bigint> {
    return this.store.headPosition();
  }

  ping(): Promise<void> {
    return this.store.ping();
  }

  close(): Promise<void> {
    return this.store.close();
  }
}
