import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@cohesion/event-store';
import {
  BUSINESS_PROJECTORS,
  ProjectionRunner,
  replayedReadModels,
  streamsOfPartnerships,
} from '@cohesion/projections';
import { effectiveDateOfEvent } from '../command-side/aggregate-store';
import { READ_MODEL_DATABASE } from './read-models.module';

/**
 * A moment of the ledger's history, on its two axes (as in SQL:2011 or XTDB): the world as it
 * stood on a day, and as the ledger knew it at an instant.
 */
export interface Moment {
  /** Acts that took effect after this day (YYYY-MM-DD, effective time) are left out. */
  readonly asOf?: string;
  /** Acts recorded after this instant (ISO 8601, recorded time) are left out. */
  readonly knownAt?: string;
}

/** Point-in-time databases kept for the pages of one answer; the oldest is closed beyond this. */
const KEPT = 8;

/**
 * The read models as they stood at a moment, for a set of partnerships. The live read models hold
 * the present; for another moment, the partnerships' events (and the valuation policies') are
 * read from the log, those of the moment kept, and replayed in log order into an in-memory
 * database by the very projectors of the live read models. So every read model answers for any
 * moment, exactly, whatever arrived late (back-filled acts land at their effective date), at the
 * cost of replaying the partnership's history: a partnership's, not the whole ledger's.
 */
@Injectable()
export class ReadModelsAt implements OnModuleDestroy {
  private readonly kept = new Map<string, Database.Database>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DATABASE) private readonly live: Database.Database,
    private readonly runner: ProjectionRunner,
  ) {}

  /** The live read models when the moment is now (no `knownAt`, no `asOf` before today). */
  async of(
    partnershipIds: readonly string[],
    moment: Moment,
    today: string,
  ): Promise<Database.Database> {
    if (isNow(moment, today)) return this.live;
    const key = JSON.stringify([
      [...partnershipIds].sort(),
      moment,
      this.runner.position.toString(),
    ]);
    const kept = this.kept.get(key);
    if (kept) return kept;
    const db = replayedReadModels(await this.eventsAt(partnershipIds, moment), BUSINESS_PROJECTORS);
    this.keep(key, db);
    return db;
  }

  onModuleDestroy(): void {
    for (const db of this.kept.values()) db.close();
    this.kept.clear();
  }

  private async eventsAt(
    partnershipIds: readonly string[],
    moment: Moment,
  ): Promise<RecordedEvent[]> {
    const knownBy = moment.knownAt === undefined ? undefined : Date.parse(moment.knownAt);
    const events: RecordedEvent[] = [];
    for (const stream of streamsOfPartnerships(this.live, partnershipIds)) {
      for await (const event of this.store.readStream(stream)) {
        if (knownBy !== undefined && Date.parse(event.metadata.recordedAt) > knownBy) continue;
        if (moment.asOf !== undefined && effectiveDateOfEvent(event) > moment.asOf) continue;
        events.push(event);
      }
    }
    return events.sort((a, b) => (a.position < b.position ? -1 : 1));
  }

  private keep(key: string, db: Database.Database): void {
    this.kept.set(key, db);
    if (this.kept.size <= KEPT) return;
    const [oldest] = this.kept.keys();
    this.kept.get(oldest)?.close();
    this.kept.delete(oldest);
  }
}

function isNow(moment: Moment, today: string): boolean {
  return moment.knownAt === undefined && (moment.asOf === undefined || moment.asOf >= today);
}
