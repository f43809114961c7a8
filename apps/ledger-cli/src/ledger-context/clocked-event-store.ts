import {
  type AppendOptions,
  type AppendResult,
  DelegatingEventStore,
  type EventStore,
  type NewEvent,
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
export class ClockedEventStore extends DelegatingEventStore {
  constructor(
    store: EventStore,
    private readonly clock: LedgerClock,
  ) {
    super(store);
  }

  override append(
    stream: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    return this.inner.append(stream, events, { ...options, recordedAt: this.clock.now() });
  }
}
