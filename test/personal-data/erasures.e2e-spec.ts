import { EVENT_STORE, type EventStore, type RecordedEvent } from '@cohesion/event-store';
import { PERSONAL_DATA_KEYS } from '@cohesion/application';
import { erasedOn, type KeyStore, openAll } from '@cohesion/personal-data';
import { foundPartnership } from '../support/indicators-fixtures';
import { startTestLedger, type TestLedger } from '../support/ledger-app';
import { invitePerson } from '../support/people-fixtures';
import {
  admin,
  expectProblem,
  type LedgerClient,
  ledgerClient,
  partner,
  type Principal,
} from '../support/ledger-client';

const auditor: Principal = { sub: 'city-auditor', roles: ['auditor'] };
const mediator: Principal = { sub: 'claire-mediator', roles: ['mediator'] };
const resident: Principal = { sub: 'resident-42' };
const ERASED = /^\[erased \d{4}-\d{2}-\d{2}\]$/;

interface Answer {
  readonly position: string;
  readonly events: string[];
}

describe('erasure requests through HTTP', () => {
  let ledger: TestLedger;
  let api: LedgerClient;
  let keys: KeyStore;
  let store: EventStore;

  const request = (erasureId: string, dataSubject: object, as: Principal = admin) =>
    api.post(
      '/erasures',
      { erasureId, dataSubject, reason: 'Asked by letter, identity checked' },
      as,
    );
  const carryOut = (erasureId: string, as: Principal = admin, extra?: Record<string, string>) =>
    api.post(`/erasures/${erasureId}/carrying-out`, { reason: 'Nothing to keep' }, as, extra);
  const decline = (erasureId: string, as: Principal = admin) =>
    api.post(`/erasures/${erasureId}/declining`, { reason: 'Kept 10 years by law' }, as);
  const erasure = async (erasureId: string, position: string) =>
    (await api.get(`/erasures/${erasureId}?minPosition=${position}`, auditor).expect(200))
      .body as Record<string, unknown>;
  /** The first event of a stream as the log holds it: its personal fields sealed. */
  const firstEventOf = async (stream: string): Promise<RecordedEvent> => {
    for await (const event of store.readStream(stream, { maxCount: 1 })) return event;
    throw new Error(`${stream} is empty`);
  };

  beforeAll(async () => {
    ledger = await startTestLedger();
    api = ledgerClient(ledger);
    keys = ledger.app.get<KeyStore>(PERSONAL_DATA_KEYS);
    store = ledger.app.get<EventStore>(EVENT_STORE);
    await foundPartnership(api, 'northside');
    for (const personId of ['ana', 'sam']) await invitePerson(api, personId);
    await api
      .post(
        '/feedback',
        {
          feedbackId: 'childcare',
          partnershipId: 'northside',
          subject: { kind: 'partnership' },
          text: 'Please keep the childcare corner.',
          channel: 'web',
          submitterCategory: 'resident',
          contact: { name: 'A. Resident', email: 'resident@example.org' },
        },
        resident,
      )
      .expect(201);
  });
  afterAll(() => ledger.close());

  it('erases a person once removed from the directory: their keys are destroyed, their fields read as erased', async () => {
    const requested = await request('e-ana', { kind: 'person', personId: 'ana' }).expect(201);
    expect(requested.body).toMatchObject({
      id: 'e-ana',
      stream: 'erasure-e-ana',
      events: ['ErasureRequested'],
    });
    // Still in the directory: their e-mail signs them in.
    const refused = await carryOut('e-ana');
    expectProblem(refused, 422, 'person-not-removed');
    await api.post('/people/ana/removal', { reason: 'Left the association' }).expect(200);

    const invited = await firstEventOf('person-ana');
    expect(openAll(invited.data, keys).value).toMatchObject({ displayName: 'Person ana' });
    const done = await carryOut('e-ana').expect(200);
    const { position } = done.body as Answer;
    expect((done.body as Answer).events).toEqual(['ErasureCarriedOut']);

    const opened = openAll(invited.data, keys);
    expect(opened.erased).toBe(2);
    expect(opened.value).toMatchObject({
      displayName: expect.stringMatching(ERASED) as string,
      email: expect.stringMatching(ERASED) as string,
    });
    const erasedAna = keys.erasedSubjects().find((erased) => erased.subject === 'ana');
    expect(erasedAna).toBeDefined();
    // Sam was not asked about: his fields still open.
    expect(openAll((await firstEventOf('person-sam')).data, keys).erased).toBe(0);

    expect(await erasure('e-ana', position)).toEqual({
      erasureId: 'e-ana',
      dataSubject: { kind: 'person', personId: 'ana' },
      subjects: ['ana'],
      status: 'carried_out',
      requested: {
        by: admin.sub,
        at: expect.any(String) as string,
        reason: 'Asked by letter, identity checked',
      },
      carriedOut: { by: admin.sub, at: expect.any(String) as string, reason: 'Nothing to keep' },
      declined: null,
    });
    // Every answer opens what it serves: the directory shows the person as erased, on that day.
    const person = await api.get(`/people/ana?minPosition=${position}`).expect(200);
    const { displayName, email } = person.body as { displayName: string; email: string };
    expect(email).toMatch(ERASED);
    expect(erasedOn(displayName)).toBe(erasedAna?.destroyedAt.slice(0, 10));
  });

  it('carries out an erasure once: again is refused, a retry with the same key is its first answer', async () => {
    await request('e-sam', { kind: 'person', personId: 'sam' }).expect(201);
    await api.post('/people/sam/removal', { reason: 'Left' }).expect(200);
    const key = { 'Idempotency-Key': 'erase-sam-1' };
    const first = await carryOut('e-sam', admin, key).expect(200);
    const retried = await carryOut('e-sam', admin, key).expect(200);
    expect(retried.body).toEqual(first.body);
    expectProblem(await carryOut('e-sam'), 422, 'erasure-already-carried-out');
    expectProblem(await decline('e-sam'), 422, 'erasure-already-carried-out');
  });

  it('erases what a resident left with a feedback, with no directory to wait for', async () => {
    const feedbackId = 'northside--childcare';
    await request('e-resident', { kind: 'resident', feedbackId }).expect(201);
    const done = await carryOut('e-resident').expect(200);
    const submitted = openAll((await firstEventOf(`feedback-${feedbackId}`)).data, keys);
    expect(submitted.value).toMatchObject({ contact: expect.stringMatching(ERASED) as string });
    expect(await erasure('e-resident', (done.body as Answer).position)).toMatchObject({
      dataSubject: { kind: 'resident', feedbackId },
      subjects: [`resident-${feedbackId}`, `resident-${feedbackId}-contact`],
      status: 'carried_out',
    });
  });

  it('declines a request with a reason: it can no longer be carried out', async () => {
    await request('e-kept', { kind: 'resident', feedbackId: 'northside--childcare' }).expect(201);
    const declined = await decline('e-kept').expect(200);
    expectProblem(await carryOut('e-kept'), 422, 'erasure-already-declined');
    expect(await erasure('e-kept', (declined.body as Answer).position)).toMatchObject({
      status: 'declined',
      carriedOut: null,
      declined: { by: admin.sub, reason: 'Kept 10 years by law' },
    });
    const listed = await api.get('/erasures?status=declined', auditor).expect(200);
    expect(listed.body).toEqual({
      items: [expect.objectContaining({ erasureId: 'e-kept' })],
      next: null,
    });
  });

  it('answers 404 for whom the ledger does not know, and for an erasure never requested', async () => {
    expectProblem(await request('e-x', { kind: 'person', personId: 'nobody' }), 404, 'not-found');
    expectProblem(
      await request('e-y', { kind: 'resident', feedbackId: 'northside--none' }),
      404,
      'not-found',
    );
    expectProblem(await carryOut('never-requested'), 404, 'not-found');
    expectProblem(await decline('never-requested'), 404, 'not-found');
    expectProblem(await api.get('/erasures/never-requested', auditor), 404, 'not-found');
  });

  it('is for administrators; auditors read; partners and mediators get 403', async () => {
    const before = await api.logSize();
    for (const someone of [partner('city'), mediator, auditor, resident]) {
      expectProblem(
        await request('e-z', { kind: 'person', personId: 'ana' }, someone),
        403,
        'forbidden',
      );
      expectProblem(await carryOut('e-ana', someone), 403, 'forbidden');
      expectProblem(await decline('e-ana', someone), 403, 'forbidden');
    }
    for (const someone of [partner('city'), mediator, resident]) {
      expectProblem(await api.get('/erasures', someone), 403, 'forbidden');
      expectProblem(await api.get('/erasures/e-ana', someone), 403, 'forbidden');
    }
    expect(await api.logSize()).toBe(before);
    await api.get('/erasures', auditor).expect(200);
  });

  it('refuses bad bodies with 400, saying why', async () => {
    const bad = async (body: object, why: string, path = '/erasures') => {
      const answer = await api.post(path, body);
      expectProblem(answer, 400, 'bad-request');
      expect(JSON.stringify(answer.body)).toContain(why);
    };
    const reason = 'Asked by letter';
    await bad({ dataSubject: { kind: 'person', personId: 'ana' } }, 'reason');
    await bad({ dataSubject: { kind: 'person', personId: 'ana' }, reason: '' }, 'reason');
    await bad(
      { dataSubject: { kind: 'person', personId: 'ana' }, reason: 'x'.repeat(2001) },
      'reason',
    );
    await bad({ reason }, 'dataSubject');
    await bad({ dataSubject: { kind: 'robot', personId: 'ana' }, reason }, 'kind');
    await bad(
      { dataSubject: { kind: 'person' }, reason },
      'personId is required for a person subject',
    );
    await bad(
      { dataSubject: { kind: 'resident' }, reason },
      'feedbackId is required for a resident subject',
    );
    await bad(
      {
        dataSubject: { kind: 'person', personId: 'ana', feedbackId: 'northside--childcare' },
        reason,
      },
      'feedbackId is only for a resident subject',
    );
    await bad({ dataSubject: { kind: 'person', personId: 'not an id' }, reason }, 'personId');
    await bad(
      { dataSubject: { kind: 'person', personId: 'ana' }, reason, subjects: ['sam'] },
      'subjects',
    );
    await bad(
      { erasureId: '-bad', dataSubject: { kind: 'person', personId: 'ana' }, reason },
      'erasureId',
    );
    await bad({}, 'reason', '/erasures/e-ana/carrying-out');
    await bad({ reason: 42 }, 'reason', '/erasures/e-ana/declining');
    expectProblem(await api.get('/erasures?status=gone', auditor), 400, 'bad-request');
  });
});
