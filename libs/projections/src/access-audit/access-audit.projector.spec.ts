import type { Actor } from '@cohesion/event-store';
import { type GivenEvent, project } from '../testing';
import type { AccessEvent, AccessEventData } from './access-events';
import { accessStreamOf } from './access-events';
import { accessAuditProjector } from './access-audit.projector';
import { accessAudit } from './access-audit.queries';

const martin: Actor = { sub: 'martin', roles: ['mediator'] };
const cityOfficer: Actor = { sub: 'city-officer', partnerId: 'city', roles: ['partner'] };
const anonymous: Actor = { sub: 'anonymous', roles: [] };

const replay: AccessEventData = {
  authenticated: true,
  method: 'GET',
  route: '/conflicts/:conflictId/replay',
  path: '/conflicts/noise/replay',
  conflictId: 'noise',
  status: 200,
  reason: 'read of a confidential conflict case',
};

const access = (
  type: AccessEvent['type'],
  actor: Actor,
  at: string,
  data: Partial<AccessEventData> = {},
  stream = accessStreamOf(new Date(at)),
): GivenEvent => ({ stream, actor, at, event: { type, data: { ...replay, ...data } } });

const given = [
  access('AccessGranted', martin, '2026-01-01T09:00:00.000Z'),
  access('AccessDenied', cityOfficer, '2026-01-01T10:00:00.000Z', {
    status: 403,
    reason: 'forbidden: not a party to the case',
  }),
  { stream: 'conflict-noise', event: { type: 'ConflictRaised', data: {} } },
  access('AccessDenied', anonymous, '2026-01-02T09:00:00.000Z', {
    authenticated: false,
    route: null,
    path: '/conflicts',
    conflictId: null,
    status: 401,
    reason: 'unauthenticated: no bearer token',
  }),
  // Only the access streams hold access events: one named so elsewhere is not an access.
  access('AccessGranted', martin, '2026-01-03T09:00:00.000Z', {}, 'conflict-forged'),
];

describe('access audit projector', () => {
  const db = project(accessAuditProjector, given);
  const positions = (filters: Partial<Parameters<typeof accessAudit>[1]>) =>
    accessAudit(db, { limit: 100, ...filters }).map((entry) => Number(entry.position));

  it('records each access event with who, what, when, the outcome and the reason', () => {
    expect(accessAudit(db, { limit: 1 })).toEqual([
      {
        position: '1',
        recordedAt: '2026-01-01T09:00:00.000Z',
        outcome: 'granted',
        principal: { sub: 'martin', partnerId: null, roles: ['mediator'], authenticated: true },
        method: 'GET',
        route: '/conflicts/:conflictId/replay',
        path: '/conflicts/noise/replay',
        conflictId: 'noise',
        status: 200,
        reason: 'read of a confidential conflict case',
        count: 1,
        client: null,
        since: null,
        stream: 'access-2026-01-01',
        eventId: '00000000-0000-5000-8000-000000000001',
      },
      // limit + 1: the extra entry tells the API that a next page exists.
      expect.objectContaining({ position: '2', outcome: 'denied', status: 403 }),
    ]);
    expect(accessAudit(db, { after: 2, limit: 5 })).toEqual([
      expect.objectContaining({
        principal: { sub: 'anonymous', partnerId: null, roles: [], authenticated: false },
        route: null,
        conflictId: null,
        stream: 'access-2026-01-02',
      }),
    ]);
  });

  it('ignores business events, and access event types outside the access streams', () => {
    expect(positions({})).toEqual([1, 2, 4]);
  });

  it('filters by principal, outcome and time (from inclusive, to exclusive)', () => {
    expect(positions({ sub: 'martin' })).toEqual([1]);
    expect(positions({ outcome: 'denied' })).toEqual([2, 4]);
    expect(positions({ outcome: 'granted', sub: 'city-officer' })).toEqual([]);
    expect(positions({ from: '2026-01-01T10:00:00.000Z', to: '2026-01-02T09:00:00.000Z' })).toEqual(
      [2],
    );
  });

  it('does not stall on a malformed access event', () => {
    const odd = project(accessAuditProjector, [
      { stream: 'access-2026-01-01', event: { type: 'AccessDenied', data: { status: 'x' } } },
    ]);
    expect(accessAudit(odd, { limit: 5 })).toEqual([
      expect.objectContaining({ method: '', route: null, path: '', status: 0, reason: '' }),
    ]);
  });
});
