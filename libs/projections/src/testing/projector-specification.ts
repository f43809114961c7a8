import type Database from 'better-sqlite3';
import type { DomainEvent } from '@cohesion/domain';
import { GENESIS_HASH, type JsonObject, type RecordedEvent } from '@cohesion/event-store';
import type { Projector } from '../projector';
import { openReadModelDatabase } from '../runner/read-model-database';

export interface GivenEvent {
  readonly stream: string;
  readonly event: DomainEvent;
  /** Defaults to one minute after the previous event, from 2026-01-01T09:00Z. */
  readonly at?: string;
  /** Defaults to `{ sub: 'tester' }`. */
  readonly actor?: RecordedEvent['metadata']['actor'];
  /** The day the act took effect; none, as on events older than effective dates, by default. */
  readonly effectiveDate?: string;
  readonly backfillReason?: string;
}

/**
 * given events → rows, for projector specs: builds recorded events (positions from 1, revisions
 * per stream, times one minute apart unless given) and applies them to a fresh in-memory read
 * model, as the runner would.
 *
 *   const db = project(accountabilityProjector, [{ stream: 'commitment-c1', event: made }, …]);
 *   expect(db.prepare('SELECT … FROM …').all()).toEqual([…]);
 */
export function project(projector: Projector, given: readonly GivenEvent[]): Database.Database {
  const db = openReadModelDatabase(':memory:');
  db.exec(projector.schema);
  const handle = projector.bind(db);
  for (const event of recordedEvents(given)) handle(event);
  return db;
}

export function recordedEvents(given: readonly GivenEvent[]): RecordedEvent[] {
  const revisions = new Map<string, bigint>();
  let clock = Date.parse('2026-01-01T09:00:00.000Z');
  return given.map(({ stream, event, at, actor, effectiveDate, backfillReason }, index) => {
    const revision = (revisions.get(stream) ?? -1n) + 1n;
    revisions.set(stream, revision);
    clock = at === undefined ? clock + 60_000 : Date.parse(at);
    const commandId = `command-${index + 1}`;
    return {
      id: `00000000-0000-5000-8000-${String(index + 1).padStart(12, '0')}`,
      stream,
      revision,
      position: BigInt(index + 1),
      type: event.type,
      data: event.data as JsonObject,
      metadata: {
        actor: actor ?? { sub: 'tester' },
        commandId,
        correlationId: commandId,
        causationId: commandId,
        schemaVersion: 1,
        recordedAt: new Date(clock).toISOString(),
        ...(effectiveDate === undefined ? {} : { effectiveDate }),
        ...(backfillReason === undefined ? {} : { backfillReason }),
      },
      prevHash: GENESIS_HASH,
      hash: GENESIS_HASH,
    };
  });
}
