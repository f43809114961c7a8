import type { Observable } from 'rxjs';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  StructureCheck,
  SubscribeToAllOptions,
} from './event-store.port';
import type { NewEvent, RecordedEvent } from './recorded-event';

/**
 * A store that hands every call to another: the base of decorators that change one thing (when
 * events are recorded, what is remembered of failed writes) and leave the rest alone.
 */
export abstract class DelegatingEventStore implements EventStore {
  constructor(protected readonly inner: EventStore) {}

  append(
    stream: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    return this.inner.append(stream, events, options);
  }

  readStream(stream: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent> {
    return this.inner.readStream(stream, options);
  }

  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent> {
    return this.inner.readAll(options);
  }

  readAt(positions: readonly bigint[]): Promise<RecordedEvent[]> {
    return this.inner.readAt(positions);
  }

  subscribeToAll(options?: SubscribeToAllOptions): Observable<RecordedEvent> {
    return this.inner.subscribeToAll(options);
  }

  headPosition(): Promise<bigint> {
    return this.inner.headPosition();
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  structureCheck(): StructureCheck {
    return this.inner.structureCheck();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
