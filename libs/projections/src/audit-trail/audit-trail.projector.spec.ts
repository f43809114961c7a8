import type Database from 'better-sqlite3';
import type { Actor } from '@cohesion/event-store';
import { openReadModelDatabase } from '../runner/read-model-database';
import { type GivenEvent, project, recordedEvents } from '../testing';
import { auditTrailProjector } from './audit-trail.projector';
import { auditTrailPositions } from './audit-trail.queries';
import { auditEntryOf } from './audit-trail.views';

const officer: Actor = { sub: 'city-officer', partnerId: 'city', roles: ['partner'] };
const admin: Actor = { sub: 'city-admin', roles: ['admin'] };
const sosOfficer: Actor = { sub: 'sos-officer', partnerId: 'sos', roles: ['partner'] };

const did = (actor: Actor, stream: string, type: string, at?: string): GivenEvent => ({
  stream,
  actor,
  at,
  event: { type, data: {} },
});

const given = [
  did(admin, 'partnership-north', 'PartnershipFounded', '2026-01-01T09:00:00.000Z'),
  did(admin, 'partnership-north', 'PartnerJoined', '2026-01-02T09:00:00.000Z'),
  did(officer, 'commitment-c1', 'CommitmentMade', '2026-01-03T09:00:00.000Z'),
  did(sosOfficer, 'commitment-c1', 'CommitmentAccepted', '2026-01-04T09:00:00.000Z'),
  {
    ...did(officer, 'contribution-k1', 'ContributionRecorded', '2026-01-05T09:00:00.000Z'),
    effectiveDate: '2025-11-20',
    backfillReason: 'Paper receipts found at year end',
  },
  did({ sub: 'city-officer' }, 'feedback-f1', 'FeedbackAcknowledged', '2026-01-06T09:00:00.000Z'),
  did(officer, 'access-2026-01-07', 'AccessGranted', '2026-01-07T09:00:00.000Z'),
];

describe('audit trail projector', () => {
  const db = project(auditTrailProjector, given);
  const positions = (filters: Partial<Parameters<typeof auditTrailPositions>[1]>) =>
    auditTrailPositions(db, { limit: 100, ...filters });
  const events = recordedEvents(given);

  it('indexes every act, of any type, and shows it from its envelope: who, when, where, which command', () => {
    // A page of `limit` reads `limit + 1` entries: the extra one tells that a next page exists.
    expect(auditTrailPositions(db, { limit: 0 })).toEqual([1]);
    expect(auditEntryOf(events[0])).toEqual({
      position: '1',
      recordedAt: '2026-01-01T09:00:00.000Z',
      effectiveDate: '2026-01-01',
      backfilled: false,
      backfillReason: null,
      actor: { sub: 'city-admin', partnerId: null, roles: ['admin'] },
      stream: 'partnership-north',
      revision: '0',
      type: 'PartnershipFounded',
      eventId: '00000000-0000-5000-8000-000000000001',
      commandId: 'command-1',
      correlationId: 'command-1',
      causationId: 'command-1',
    });
    // The read recorded by the access audit (position 7) is not an act on the ledger.
    expect(positions({})).toEqual([1, 2, 3, 4, 5, 6]);
    expect(positions({ after: 3, limit: 1 })).toEqual([4, 5]);
    expect(auditEntryOf(events[3])).toMatchObject({
      actor: { sub: 'sos-officer', partnerId: 'sos', roles: ['partner'] },
      stream: 'commitment-c1',
      revision: '1',
    });
  });

  it('answers everything one principal did, across all streams, in log order', () => {
    expect(positions({ actor: 'city-officer' })).toEqual([3, 5, 6]);
  });

  it('answers what was done for a partner, by whichever principal', () => {
    expect(positions({ partnerId: 'city' })).toEqual([3, 5]);
    expect(positions({ actor: 'city-officer', partnerId: 'city' })).toEqual([3, 5]);
  });

  it('filters by event type and by time (from inclusive, to exclusive)', () => {
    expect(positions({ type: 'PartnerJoined' })).toEqual([2]);
    expect(positions({ from: '2026-01-03T09:00:00.000Z', to: '2026-01-05T09:00:00.000Z' })).toEqual(
      [3, 4],
    );
    expect(positions({ actor: 'city-officer', from: '2026-01-04T00:00:00.000Z' })).toEqual([5, 6]);
  });

  it('marks the back-filled acts with their effective date and reason, and lists them apart', () => {
    expect(positions({ backfilled: true })).toEqual([5]);
    expect(auditEntryOf(events[4])).toMatchObject({
      position: '5',
      recordedAt: '2026-01-05T09:00:00.000Z',
      effectiveDate: '2025-11-20',
      backfilled: true,
      backfillReason: 'Paper receipts found at year end',
    });
    expect(auditEntryOf(events[5])).toMatchObject({
      effectiveDate: '2026-01-06',
      backfilled: false,
      backfillReason: null,
      actor: { sub: 'city-officer', partnerId: null, roles: [] },
    });
    expect(positions({ backfilled: false })).toEqual([1, 2, 3, 4, 6]);
  });

  it('pages after a position', () => {
    // `limit + 1` entries: the extra one tells that a next page exists.
    expect(positions({ actor: 'city-officer', after: 3, limit: 1 })).toEqual([5, 6]);
    expect(positions({ actor: 'city-officer', after: 5, limit: 1 })).toEqual([6]);
    expect(positions({ actor: 'nobody' })).toEqual([]);
  });
});

describe('audit trail projector, by batches', () => {
  const fresh = () => {
    const db = openReadModelDatabase(':memory:');
    db.exec(auditTrailProjector.schema);
    return db;
  };
  const bindBatch = (db: Database.Database) => {
    if (!auditTrailProjector.bindBatch) throw new Error('the audit trail indexes whole batches');
    return auditTrailProjector.bindBatch(db);
  };
  const events = recordedEvents(given);

  it('indexes a batch as event by event does, each name stored once', () => {
    const db = fresh();
    const index = bindBatch(db);
    db.transaction(() => index(events.slice(0, 3)))();
    db.transaction(() => index(events.slice(3)))();
    expect(auditTrailPositions(db, { actor: 'city-officer', limit: 100 })).toEqual([3, 5, 6]);
    expect(auditTrailPositions(db, { partnerId: 'city', limit: 100 })).toEqual([3, 5]);
    expect(auditTrailPositions(db, { type: 'CommitmentMade', limit: 100 })).toEqual([3]);
    const names = db.prepare('SELECT name FROM audit_trail_names').pluck().all() as string[];
    expect(names.filter((name) => name === 'city-officer')).toHaveLength(1);
  });

  it('keeps no name of a batch that was rolled back', () => {
    const db = fresh();
    const index = bindBatch(db);
    const refused = () =>
      db.transaction(() => {
        index(events.slice(2, 3));
        throw new Error('a later read model refused the batch');
      })();
    expect(refused).toThrow('refused');
    db.transaction(() => index(events))();
    expect(auditTrailPositions(db, { actor: 'city-officer', limit: 100 })).toEqual([3, 5, 6]);
    expect(auditTrailPositions(db, { partnerId: 'city', limit: 100 })).toEqual([3, 5]);
  });
});
