import type { App } from 'supertest/types';
import { startTestLedger, type TestLedger } from '../support/ledger-app';
import { admin, expectProblem, type LedgerClient, ledgerClient } from '../support/ledger-client';

describe('partnerships through HTTP', () => {
  let ledger: TestLedger;
  let api: LedgerClient;

  beforeAll(async () => {
    ledger = await startTestLedger();
    api = ledgerClient(ledger);
  });
  afterAll(() => ledger.close());

  const found = (partnershipId: string) =>
    api.post('/partnerships', {
      partnershipId,
      name: 'Youth empowerment against school dropout',
      purpose: 'Reduce school dropout in disadvantaged neighbourhoods',
      territory: 'Northside',
      neighbourhoods: ['Les Tilleuls', 'La Source'],
    });
  const join = (partnershipId: string, partnerId: string, kind = 'ngo') =>
    api.post(`/partnerships/${partnershipId}/partners`, {
      partnerId,
      name: partnerId,
      kind,
      role: 'mentor',
      responsibilities: ['tutoring'],
    });

  it('goes through a whole lifecycle and answers each command with stream, revision and position', async () => {
    const founded = await found('youth').expect(201);
    expect(founded.body).toEqual({
      id: 'youth',
      stream: 'partnership-youth',
      revision: '0',
      position: expect.stringMatching(/^\d+$/) as unknown,
      events: ['PartnershipFounded'],
    });
    await join('youth', 'acme', 'company').expect(201);
    await join('youth', 'sos-jeunes').expect(201);
    await api
      .put('/partnerships/youth/partners/acme/role', {
        role: 'lead',
        responsibilities: ['funding'],
      })
      .expect(200);
    await api
      .post('/partnerships/youth/objectives', {
        objectiveId: 'dropout',
        title: 'Halve dropout',
        description: 'by 2028',
      })
      .expect(201);
    await api
      .put('/partnerships/youth/objectives/dropout', {
        title: 'Cut dropout by a third',
        description: 'by 2028',
        reason: 'baseline revised',
      })
      .expect(200);
    await api
      .post('/partnerships/youth/meetings', {
        heldOn: '2026-01-15',
        attendees: ['acme', 'sos-jeunes'],
        decisions: ['Tutoring starts in February'],
      })
      .expect(201);
    await api
      .post('/partnerships/youth/objectives/dropout/achievement', { evidence: 'Evaluation 2028' })
      .expect(200);
    await api
      .post('/partnerships/youth/partners/sos-jeunes/departure', { reason: 'merged' })
      .expect(200);
    await api.post('/partnerships/youth/suspension', { reason: 'audit' }).expect(200);
    await api.post('/partnerships/youth/reactivation', {}).expect(200);
    const closed = await api
      .post('/partnerships/youth/closure', { reason: 'programme ended' })
      .expect(200);
    expect(closed.body).toMatchObject({ revision: '11', events: ['PartnershipClosed'] });

    const state = await api.get('/streams/partnership-youth/state').expect(200);
    expect(state.body).toMatchObject({
      revision: '11',
      state: {
        status: 'closed',
        members: { acme: { role: 'lead', kind: 'company' } },
        objectives: { dropout: { status: 'achieved', title: 'Cut dropout by a third' } },
      },
    });
    const asItWas = await api.get('/streams/partnership-youth/state?revision=2').expect(200);
    expect(Object.keys((asItWas.body as { state: { members: object } }).state.members)).toEqual([
      'acme',
      'sos-jeunes',
    ]);

    const events = await api.get('/streams/partnership-youth/events?limit=5').expect(200);
    expect(events.body).toMatchObject({ stream: 'partnership-youth', next: '5' });
    const page = (events.body as { events: { metadata: { actor: { sub: string } } }[] }).events;
    expect(page).toHaveLength(5);
    expect(page[0].metadata.actor).toEqual({ sub: admin.sub, roles: ['admin'] });
  });

  it('refuses a rule violation with 422 and a problem naming the rule, recording nothing', async () => {
    await found('rules').expect(201);
    await join('rules', 'acme').expect(201);
    const before = await api.logSize();
    expectProblem(await join('rules', 'acme'), 422, 'partner-already-member');
    expectProblem(
      await api.post('/partnerships/rules/meetings', {
        heldOn: '2026-01-15',
        attendees: ['ghost'],
        decisions: [],
      }),
      422,
      'meeting-attendee-not-member',
    );
    expectProblem(await found('rules'), 422, 'partnership-already-founded');
    expect(await api.logSize()).toBe(before);
  });

  it('answers 404 for a partnership that was never founded, recording nothing', async () => {
    const before = await api.logSize();
    expectProblem(await join('nowhere', 'acme'), 404, 'not-found');
    expectProblem(await api.get('/streams/partnership-nowhere/events'), 404, 'not-found');
    expectProblem(await api.get('/streams/not-an-aggregate-x/state'), 404, 'not-found');
    expect(await api.logSize()).toBe(before);
  });

  it.each([
    ['a missing field', { name: 'x', purpose: 'y', neighbourhoods: [] }],
    [
      'an unknown field',
      { name: 'x', purpose: 'y', territory: 'z', neighbourhoods: [], admin: true },
    ],
    ['a wrong type', { name: 42, purpose: 'y', territory: 'z', neighbourhoods: [] }],
    [
      'a bad id',
      { partnershipId: '../etc', name: 'x', purpose: 'y', territory: 'z', neighbourhoods: [] },
    ],
    [
      'an id holding --, which separates a partnership from its objects',
      { partnershipId: 'north--side', name: 'x', purpose: 'y', territory: 'z', neighbourhoods: [] },
    ],
  ])('refuses %s with a 400 problem listing the reasons', async (_case, body) => {
    const before = await api.logSize();
    const response = await api.post('/partnerships', body);
    expectProblem(response, 400, 'bad-request');
    expect((response.body as { errors: string[] }).errors.length).toBeGreaterThan(0);
    expect(await api.logSize()).toBe(before);
  });

  it.each([
    ['an array', '[]'],
    ['a bare string', '"found it"'],
    ['null', 'null'],
  ])('refuses %s as a body with a 400 problem', async (_case, raw) => {
    const response = await api
      .post('/partnerships/rules/reactivation', {})
      .set('content-type', 'application/json')
      .send(raw);
    expect(response.status).toBe(400);
  });

  it('refuses null for an optional field instead of recording it', async () => {
    const response = await api.post('/partnerships', {
      partnershipId: 'nulls',
      name: 'x',
      purpose: 'y',
      territory: 'z',
      neighbourhoods: [],
    });
    expect(response.status).toBe(201);
    expectProblem(
      await api.post('/partnerships/nulls/objectives', {
        title: 't',
        description: 'd',
        targetDate: null,
      }),
      400,
      'bad-request',
    );
  });

  it('refuses a malformed JSON body with a 400 problem', async () => {
    const response = await api
      .post('/partnerships', {})
      .set('content-type', 'application/json')
      .send('{"name":');
    expectProblem(response, 400, 'bad-request');
  });

  it('refuses a request without a principal with a 401 problem', async () => {
    const request = (await import('supertest')).default;
    const response = await request(ledger.app.getHttpServer() as App)
      .post('/partnerships')
      .send({});
    expectProblem(response, 401, 'unauthenticated');
  });

  it('records a command retried with the same Idempotency-Key once, and refuses the key for another command', async () => {
    const body = { name: 'Retry', purpose: 'p', territory: 't', neighbourhoods: [] };
    const key = { 'idempotency-key': 'found-retry-0001' };
    const first = await api.post('/partnerships', body, admin, key).expect(201);
    const again = await api.post('/partnerships', body, admin, key).expect(201);
    expect(again.body).toEqual(first.body);
    const before = await api.logSize();
    const stream = (first.body as { stream: string }).stream;
    const id = stream.replace('partnership-', '');
    await api
      .post(
        `/partnerships/${id}/partners`,
        { partnerId: 'a', name: 'A', kind: 'ngo', role: 'r', responsibilities: [] },
        admin,
        {
          'idempotency-key': 'join-retry-0001',
        },
      )
      .expect(201);
    const reused = await api.post(
      `/partnerships/${id}/partners`,
      { partnerId: 'b', name: 'B', kind: 'ngo', role: 'r', responsibilities: [] },
      admin,
      { 'idempotency-key': 'join-retry-0001' },
    );
    expectProblem(reused, 409, 'idempotency-key-reused');
    expect(await api.logSize()).toBe(before + 1);
  });

  it('keeps every one of 20 concurrent joins to one partnership, each once', async () => {
    await found('busy').expect(201);
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => join('busy', `p${i}`)),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(201));
    const state = await api.get('/streams/partnership-busy/state').expect(200);
    expect(Object.keys((state.body as { state: { members: object } }).state.members)).toHaveLength(
      20,
    );
  });
});
