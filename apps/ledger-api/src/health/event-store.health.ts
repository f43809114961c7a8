import { Inject, Injectable, Logger } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { WriteHealthMonitor } from '@cohesion/application';
import {
  CorruptedStoreError,
  EVENT_STORE,
  type EventStore,
  StoreUnavailableError,
} from '@cohesion/event-store';

@Injectable()
export class EventStoreHealthIndicator {
  private readonly logger = new Logger(EventStoreHealthIndicator.name);

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly writes: WriteHealthMonitor,
    private readonly health: HealthIndicatorService,
  ) {}

  /**
   * Up with the log's head when the store answers and takes writes; down while it cannot be
   * reached, or since an append failed for want of storage (until one succeeds again), or once
   * its files were found damaged. Up, it says where the check of its files for damage stands
   * (running in the background after a clean start, or passed). A failure is told by its kind
   * only: its message may name files or cluster addresses, and goes to the log.
   */
  async isReachable(key = 'eventStore') {
    const indicator = this.health.check(key);
    try {
      const headPosition = (await this.store.headPosition()).toString();
      const structureCheck = this.store.structureCheck();
      const failing = this.writes.writeFailure();
      if (failing) {
        return indicator.down({ headPosition, reason: 'writes-failing', ...failing });
      }
      return indicator.up({ headPosition, structureCheck });
    } catch (error) {
      this.logger.warn(`The event store is down: ${String(error)}`);
      return indicator.down(
        error instanceof StoreUnavailableError
          ? { reason: 'storage-unavailable', code: error.code }
          : error instanceof CorruptedStoreError
            ? { reason: 'damaged', structureCheck: this.store.structureCheck() }
            : { reason: 'error' },
      );
    }
  }
}
