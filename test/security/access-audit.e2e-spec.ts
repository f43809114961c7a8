import {
  EVENT_STORE,
  type EventStore,
  GENESIS_HASH,
  hashEvent,
  type RecordedEvent,
} from '@cohesion/event-store';
import { AnonymousRefusals } from '@cohesion/application';
import request from 'supertest';
import type { App } from 'supertest/types';
import { partnershipWith } from '../support/partnership-fixtures';
import { startTestLedger, type TestLedger } from '../support/ledger-app';
import {
  admin,
  expectProblem,
  type LedgerClient,
  ledgerClient,
  partner,
  type Principal,
} from '../support/ledger-client';

const city = partner('city');
const assoc = partner('assoc');
const outsider = partner('elsewhere');
const martin: Principal = { sub: 'martin-mediation', roles: ['mediator'] };
const auditor: Principal = { sub: 'ann-auditor', roles: ['auditor'] };
const REPLAY_ROUTE = '/conflicts/:conflictId/replay';

interface AccessEntry {
  position: string;
  outcome: string;
  principal: { sub: string; partnerId: string | null; roles: string[]; authenticated: boolean };
  route: string | null;
  path: string;
  conflictId: string | null;
  status: number;
  reason: string;
  stream: string;
  eventId: string;
}

describe('access audit', () => {
  let ledger: TestLedger;
  let api: LedgerClient;
  let store: EventStore;
  let server: App;

  beforeAll(async () => {
    ledger = await startTestLedger();
    api = ledgerClient(ledger);
    store = ledger.app.get<EventStore>(EVENT_STORE);
    server = ledger.app.getHttpServer() as App;
    await partnershipWith(api, 'harmony', ['city', 'assoc']);
    await partnershipWith(api, 'far', ['elsewhere']);
    const ok = (path: string, body: object, as: Principal) =>
      api.post(path, body, as).expect((response) => {
        if (response.status >= 300) throw new Error(JSON.stringify(response.body));
      });
    await ok(
      '/conflicts',
      {
        conflictId: 'noise',
        partnershipId: 'harmony',
        parties: ['city'],
        subject: { kind: 'free', description: 'Noise in the courtyard after the club' },
        summary: 'Noise',
      },
      assoc,
    );
    await ok('/conflicts/harmony--noise/acknowledgement', {}, city);
    await ok('/conflicts/harmony--noise/mediator-proposals', { mediatorId: martin.sub }, admin);
    for (const party of [assoc, city]) {
      await ok(`/conflicts/harmony--noise/mediator-proposals/${martin.sub}/acceptance`, {}, party);
    }
  });
  afterAll(() => ledger.close());

  async function accessEvents(): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    for await (const event of store.readAll({ filter: { streamPrefixes: ['access-'] } })) {
      events.push(event);
    }
    return events;
  }

  /** The access events `act` records, checking that it records no business event. */
  async function recordedBy(act: () => PromiseLike<unknown>): Promise<RecordedEvent[]> {
    const [before, business] = [(await accessEvents()).length, await api.logSize()];
    await act();
    expect(await api.logSize()).toBe(business);
    return (await accessEvents()).slice(before);
  }

  const today = () => `access-${new Date().toISOString().slice(0, 10)}`;

  it("records a mediator's read of a case's replay as one AccessGranted event", async () => {
    const events = await recordedBy(() =>
      api.get('/conflicts/harmony--noise/replay', martin).expect(200),
    );
    expect(events).toEqual([
      expect.objectContaining({
        stream: today(),
        type: 'AccessGranted',
        data: {
          authenticated: true,
          method: 'GET',
          route: REPLAY_ROUTE,
          path: '/conflicts/harmony--noise/replay',
          conflictId: 'harmony--noise',
          status: 200,
          reason: expect.any(String) as unknown,
        },
        metadata: expect.objectContaining({
          actor: { sub: martin.sub, roles: ['mediator'] },
        }) as unknown,
      }),
    ]);
  });

  it.each([
    ['/conflicts/harmony--noise', '/conflicts/:conflictId'],
    ['/streams/conflict-harmony--noise/events', '/streams/:stream/events'],
    ['/streams/conflict-harmony--noise/state', '/streams/:stream/state'],
  ])('records a read of %s, a confidential case too', async (path, route) => {
    const events = await recordedBy(() => api.get(path, admin).expect(200));
    expect(events.map(({ type, data }) => ({ type, data }))).toEqual([
      {
        type: 'AccessGranted',
        data: expect.objectContaining({
          route,
          path,
          conflictId: 'harmony--noise',
          status: 200,
        }) as unknown,
      },
    ]);
  });

  it('records each case a list of cases shows (its summary and notes) as a confidential read', async () => {
    const events = await recordedBy(() => api.get('/conflicts', city).expect(200));
    expect(events.map(({ type, data }) => ({ type, data }))).toEqual([
      {
        type: 'AccessGranted',
        data: expect.objectContaining({
          route: '/conflicts',
          conflictId: 'harmony--noise',
          reason: 'read of a confidential conflict case, in a list of cases',
        }) as unknown,
      },
    ]);
    // A list showing no case records nothing.
    expect(await recordedBy(() => api.get('/conflicts', outsider).expect(200))).toEqual([]);
  });

  it('records a concealed 404 (an object of a partnership the reader is no member of) as AccessDenied', async () => {
    const hidden = await recordedBy(async () => {
      expectProblem(await api.get('/partnerships/harmony', outsider), 404, 'not-found');
      expectProblem(
        await api.get('/streams/partnership-harmony/events', outsider),
        404,
        'not-found',
      );
    });
    expect(hidden.map(({ type, data }) => ({ type, data }))).toEqual(
      ['/partnerships/:partnershipId', '/streams/:stream/events'].map((route) => ({
        type: 'AccessDenied',
        data: expect.objectContaining({
          route,
          status: 404,
          reason: expect.stringMatching(/^not-found \(concealed\): /) as unknown,
        }) as unknown,
      })),
    );
    // An id that exists nowhere is only a 404: nothing was concealed, nothing is recorded.
    const unknown = await recordedBy(async () => {
      expectProblem(await api.get('/partnerships/nowhere', outsider), 404, 'not-found');
    });
    expect(unknown).toEqual([]);
  });

  it('records nothing for reads that are not of a confidential case', async () => {
    const events = await recordedBy(async () => {
      await api.get('/partnerships/harmony', admin).expect(200);
      await api.get('/streams/partnership-harmony/events', admin).expect(200);
      await api.get('/access-audit', admin).expect(200);
    });
    expect(events).toEqual([]);
  });

  it('counts refusals without credentials per client: a flood writes one event a minute, not one a request', async () => {
    const events = await recordedBy(async () => {
      const before = (await accessEvents()).length;
      for (let n = 0; n < 50; n++) {
        expectProblem(await request(server).get('/partnerships'), 401, 'unauthenticated');
      }
      // Nothing is written while the minute runs.
      expect(await accessEvents()).toHaveLength(before);
      await ledger.app.get(AnonymousRefusals).flush();
    });
    expect(events.map(({ type, data }) => ({ type, data }))).toEqual([
      {
        type: 'AccessDenied',
        data: expect.objectContaining({
          authenticated: false,
          route: '/partnerships',
          status: 401,
          count: 50,
          reason: expect.stringMatching(/\(and 49 more\)$/) as unknown,
        }) as unknown,
      },
    ]);
  });

  it('records a request without valid credentials as AccessDenied by anonymous, without its token or query', async () => {
    const forged = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJtYWxsb3J5In0.c2lnbmF0dXJlLXNlY3JldA';
    let status = 0;
    const events = await recordedBy(async () => {
      const response = await request(server)
        .get('/conflicts/harmony--noise/replay?apiKey=query-secret')
        .set('Authorization', `Bearer ${forged}`);
      expectProblem(response, 401, 'unauthenticated');
      status = response.status;
      await ledger.app.get(AnonymousRefusals).flush();
    });
    expect(events).toEqual([
      expect.objectContaining({
        stream: today(),
        type: 'AccessDenied',
        data: {
          authenticated: false,
          method: 'GET',
          route: REPLAY_ROUTE,
          path: '/conflicts/harmony--noise/replay',
          conflictId: 'harmony--noise',
          status,
          reason: expect.stringMatching(/^unauthenticated/) as unknown,
          count: 1,
          client: expect.stringMatching(/^[0-9a-f]{16}$/) as unknown,
          since: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown,
        },
        metadata: expect.objectContaining({ actor: { sub: 'anonymous', roles: [] } }) as unknown,
      }),
    ]);
    const recorded = JSON.stringify(events.map(({ data, metadata }) => ({ data, metadata })));
    for (const secret of [forged, 'query-secret', 'c2lnbmF0dXJlLXNlY3JldA']) {
      expect(recorded).not.toContain(secret);
    }
  });

  it("records a partner's refused read of another partnership's case as AccessDenied", async () => {
    let status = 0;
    const events = await recordedBy(async () => {
      status = (await api.get('/conflicts/harmony--noise/replay', outsider)).status;
    });
    // Forbidden, or not found so as not to reveal that the case exists: refused either way.
    expect([403, 404]).toContain(status);
    expect(events).toEqual([
      expect.objectContaining({
        type: 'AccessDenied',
        data: expect.objectContaining({ conflictId: 'harmony--noise', status }) as unknown,
        metadata: expect.objectContaining({
          actor: { sub: outsider.sub, partnerId: 'elsewhere', roles: ['partner'] },
        }) as unknown,
      }),
    ]);
  });

  it('lets admins and auditors query the access audit, and refuses partners (recorded too)', async () => {
    const denials = await recordedBy(async () => {
      expectProblem(await api.get('/access-audit', city), 403, 'forbidden');
    });
    expect(denials).toEqual([
      expect.objectContaining({
        type: 'AccessDenied',
        data: expect.objectContaining({
          route: '/access-audit',
          conflictId: null,
          status: 403,
          reason: expect.stringMatching(/^forbidden/) as unknown,
        }) as unknown,
      }),
    ]);
    const head = await store.headPosition();
    const recorded = await accessEvents();
    for (const reader of [admin, auditor]) {
      const all = await api.get(`/access-audit?minPosition=${head}&limit=500`, reader).expect(200);
      const items = (all.body as { items: AccessEntry[] }).items;
      expect(items.map((entry) => entry.eventId)).toEqual(recorded.map((event) => event.id));

      const denied = await api
        .get(`/access-audit?outcome=denied&sub=${city.sub}&minPosition=${head}`, reader)
        .expect(200);
      expect((denied.body as { items: AccessEntry[] }).items).toEqual([
        expect.objectContaining({
          outcome: 'denied',
          principal: { sub: city.sub, partnerId: 'city', roles: ['partner'], authenticated: true },
          route: '/access-audit',
          path: '/access-audit',
          status: 403,
          stream: today(),
          eventId: denials[0].id,
        }),
      ]);
      const granted = await api
        .get(`/access-audit?outcome=granted&sub=${martin.sub}&minPosition=${head}`, reader)
        .expect(200);
      expect((granted.body as { items: AccessEntry[] }).items).toEqual([
        expect.objectContaining({ conflictId: 'harmony--noise', route: REPLAY_ROUTE, status: 200 }),
      ]);
    }
    const firstPage = await api.get(`/access-audit?limit=1&minPosition=${head}`).expect(200);
    const { next } = firstPage.body as { next: string };
    const second = await api.get(`/access-audit?limit=1&cursor=${next}`).expect(200);
    expect((second.body as { items: AccessEntry[] }).items[0].eventId).toBe(recorded[1].id);
    expectProblem(await api.get('/access-audit?outcome=maybe'), 400, 'bad-request');
  });

  it('chains every access stream like any other stream', async () => {
    const streams = new Set((await accessEvents()).map((event) => event.stream));
    expect(streams.size).toBeGreaterThan(0);
    for (const stream of streams) {
      let previous = GENESIS_HASH;
      for await (const event of store.readStream(stream)) {
        const { hash, position: _position, ...content } = event;
        expect(event.prevHash).toBe(previous);
        expect(hash).toBe(hashEvent(content));
        previous = hash;
      }
    }
  });

  it('never fails a request because recording failed', async () => {
    const append = store.append.bind(store);
    const spy = jest
      .spyOn(store, 'append')
      .mockImplementation((stream, events, options) =>
        stream.startsWith('access-')
          ? Promise.reject(new Error('disk full'))
          : append(stream, events, options),
      );
    try {
      const events = await recordedBy(async () => {
        await api.get('/conflicts/harmony--noise/replay', martin).expect(200);
        expectProblem(
          await request(server).get('/conflicts/harmony--noise'),
          401,
          'unauthenticated',
        );
      });
      expect(events).toEqual([]);
    } finally {
      spy.mockRestore();
    }
  });
});
