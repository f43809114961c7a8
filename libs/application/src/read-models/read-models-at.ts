import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type Database from 'better-sqlite3';
import { calendarDayIn } from '@cohesion/domain';
import {
  effectiveDateOf,
  EVENT_STORE,
  type EventStore,
  type RecordedEvent,
} from '@cohesion/event-store';
import {
  BUSINESS_PROJECTORS,
  indexedPartnershipIds,
  joinedPartnershipIds,
  ProjectionRunner,
  replayedReadModels,
  streamsOfPartnerships,
} from '@cohesion/projections';
import type { LedgerConfig } from '../config/ledger-config';
import { READ_MODEL_DATABASE } from './read-model-database';
import { type Moment, momentText } from './moment';
import { notFound } from '../errors';

export type { Moment };

/** Which partnerships a point-in-time read replays, asked of the live read models. */
export type PartnershipsRead = (live: Database.Database) => readonly string[];

export const thePartnership =
  (partnershipId: string): PartnershipsRead =>
  () => [partnershipId];

/** Those a partner ever joined: its reports of the past may concern one it has left since. */
export const partnershipsOfPartner =
  (partnerId: string): PartnershipsRead =>
  (live) =>
    joinedPartnershipIds(live, partnerId);

/** Those a list is scoped to: the one it names, the viewer's, or (readers of all) every one. */
export const partnershipsOfList =
  (scoped: { readonly partnershipId?: string; readonly partnershipIn?: readonly string[] }) =>
  (live: Database.Database): readonly string[] =>
    scoped.partnershipId !== undefined
      ? [scoped.partnershipId]
      : (scoped.partnershipIn ?? indexedPartnershipIds(live));

/** What the query handlers ask: the read models at a moment (see `ReadModelsAt`). */
export interface PointInTimeReads {
  of(moment: Moment | undefined, partnershipIds: PartnershipsRead): Promise<Database.Database>;
}

/** Reads of the present only, for the benchmarks that query a read-model file with no log. */
export const presentOnly = (db: Database.Database): PointInTimeReads => ({
  of: () => Promise.resolve(db),
});

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
export class ReadModelsAt implements PointInTimeReads, OnModuleDestroy {
  private readonly kept = new Map<string, Database.Database>();
  private readonly timeZone: string;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DATABASE) private readonly live: Database.Database,
    private readonly runner: ProjectionRunner,
    config: ConfigService<LedgerConfig, true>,
  ) {
    this.timeZone = config.get('LEDGER_TIME_ZONE', { infer: true });
  }

  /**
   * The read models at `moment` for the partnerships `partnershipIds` names (asked of the live
   * read models, and only when the moment is not now); the live read models when the moment is
   * now (no `knownAt`, no `asOf` before today where the partnerships are).
   */
  async of(
    moment: Moment | undefined,
    partnershipIds: PartnershipsRead,
  ): Promise<Database.Database> {
    if (moment === undefined || this.isNow(moment)) return this.live;
    return this.replayed(partnershipIds(this.live), moment);
  }

  private isNow({ knownAt, asOf }: Moment): boolean {
    const today = calendarDayIn(new Date(), this.timeZone);
    return knownAt === undefined && (asOf === undefined || asOf >= today);
  }

  private async replayed(
    partnershipIds: readonly string[],
    moment: Moment,
  ): Promise<Database.Database> {
    const key = JSON.stringify([
      [...partnershipIds].sort(),
      moment,
      this.runner.position.toString(),
    ]);
    const kept = this.kept.get(key);
    if (kept) return kept;
    const db = await readModelsAtMoment(this.store, this.live, partnershipIds, moment);
    this.keep(key, db);
    return db;
  }

  onModuleDestroy(): void {
    for (const db of this.kept.values()) db.close();
    this.kept.clear();
  }

  private keep(key: string, db: Database.Database): void {
    this.kept.set(key, db);
    if (this.kept.size <= KEPT) return;
    const [oldest] = this.kept.keys();
    this.kept.get(oldest)?.close();
    this.kept.delete(oldest);
  }
}

/**
 * One object of a partnership at a moment: `now`, already found (and its reader checked) on the
 * present read models, found again among the read models of the moment; 404 when it did not exist
 * then.
 */
export async function foundAt<T>(
  at: PointInTimeReads,
  moment: Moment | undefined,
  now: T & { readonly partnershipId: string },
  find: (db: Database.Database) => T | undefined,
  whatThen: string,
): Promise<T> {
  if (moment === undefined) return now;
  const then = find(await at.of(moment, thePartnership(now.partnershipId)));
  if (then === undefined) throw notFound(`${whatThen} ${momentText(moment)}`);
  return then;
}

/**
 * The business read models of these partnerships at `moment`, built in memory: their streams (as
 * the live read models' stream index lists them) read from the log, the events of the moment kept
 * (effective on or before `asOf`, recorded at or before `knownAt`), replayed in log order.
 */
export async function readModelsAtMoment(
  store: EventStore,
  live: Database.Database,
  partnershipIds: readonly string[],
  moment: Moment,
): Promise<Database.Database> {
  const knownBy = moment.knownAt === undefined ? undefined : Date.parse(moment.knownAt);
  const events: RecordedEvent[] = [];
  for (const stream of streamsOfPartnerships(live, partnershipIds)) {
    for await (const event of store.readStream(stream)) {
      if (knownBy !== undefined && Date.parse(event.metadata.recordedAt) > knownBy) continue;
      if (moment.asOf !== undefined && effectiveDateOf(event) > moment.asOf) continue;
      events.push(event);
    }
  }
  events.sort((a, b) => (a.position < b.position ? -1 : 1));
  return replayedReadModels(events, BUSINESS_PROJECTORS);
}
