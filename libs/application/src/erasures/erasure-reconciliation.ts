import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { ErasureEvent } from '@cohesion/domain';
import { EVENT_STORE, type EventStore } from '@cohesion/event-store';
import { type CarriedOutErasure, ErasureKeys } from './erasure-keys';

type CarriedOut = Extract<ErasureEvent, { type: 'ErasureCarriedOut' }>['data'];

/**
 * Carries every recorded erasure through to the key store, at start-up. Carrying an erasure out
 * is two steps that no store makes atomic: `ErasureCarriedOut` appended to the log, then the keys
 * destroyed in the key store; a process killed in between leaves the keys live, and so does a
 * key store restored from a backup older than the erasure. So the log's carried-out erasures are
 * read at start (by event type, which the log indexes: no read model needed, and done before the
 * API serves a request) and any key one of them should have destroyed is destroyed now.
 */
@Injectable()
export class ErasureReconciliation implements OnApplicationBootstrap {
  private readonly logger = new Logger('ErasureReconciliation');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly erasureKeys: ErasureKeys,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      const destroyed = await this.reconcile();
      if (destroyed > 0) {
        this.logger.warn(`Destroyed ${destroyed} key(s) of erasures carried out but left undone`);
      }
    } catch (error) {
      this.logger.error(`Could not check the erasures against the key store: ${String(error)}`);
    }
  }

  /** How many keys it destroyed. */
  async reconcile(): Promise<number> {
    const erasures: CarriedOutErasure[] = [];
    for await (const event of this.store.readAll({
      filter: { eventTypes: ['ErasureCarriedOut'] },
    })) {
      const { subjects, carriedOutAt } = event.data as unknown as Partial<CarriedOut>;
      // An event missing its instant (written by hand, imported) counts from when it was recorded.
      erasures.push({
        subjects: subjects ?? [],
        carriedOutAt: carriedOutAt ?? event.metadata.recordedAt,
      });
    }
    return this.erasureKeys.destroyOutstanding(erasures);
  }
}
