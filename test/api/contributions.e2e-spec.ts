import { commandContextFor } from '@cohesion/application';
import { EVENT_STORE, type EventStore, eventIdFor } from '@cohesion/event-store';
import {
  acceptedCommitment,
  makeCommitment,
  partnershipWith,
} from '../support/commitments-fixtures';
import { startTestLedger, type TestLedger } from '../support/ledger-app';
import {
  admin,
  expectProblem,
  type LedgerClient,
  ledgerClient,
  partner,
} from '../support/ledger-client';

const acme = partner('acme');
/** The command id of a key acme sends to POST /contributions: keys are scoped to who and where. */
const scopedId = (key: string) =>
  commandContextFor({ actor: acme, idempotencyKey: key, route: 'POST /contributions' }).commandId;
const sos = partner('sos');
const city = partner('city');

interface RecordedEventView {
  type: string;
  metadata: { commandId: string; causationId: string; correlationId: string };
}

describe('contributions through HTTP', () => {
  let ledger: TestLedger;
  let api: LedgerClient;

  beforeAll(async () => {
    ledger = await startTestLedger();
    api = ledgerClient(ledger);
    await partnershipWith(api, 'tilleuls', ['acme', 'sos', 'city']);
  });
  afterAll(() => ledger.close());

  const hours = (contributionId: string, extra: object = {}) => ({
    contributionId,
    partnershipId: 'tilleuls',
    kind: 'volunteer_time',
    quantity: 12,
    unit: 'hours',
    date: '2026-10-14',
    description: 'Homework club, October',
    ...extra,
  });
  const record = (body: object, as = acme, headers?: Record<string, string>) =>
    api.post('/contributions', body, as, headers);
  const stateOf = async (stream: string) =>
    ((await api.get(`/streams/${stream}/state`).expect(200)).body as { state: object }).state;

  it('is recorded, acknowledged by other members, then reversed', async () => {
    const recorded = await record(hours('club')).expect(201);
    expect(recorded.body).toEqual({
      id: 'tilleuls--club',
      stream: 'contribution-tilleuls--club',
      revision: '0',
      position: expect.stringMatching(/^\d+$/) as unknown,
      events: ['ContributionRecorded'],
    });
    await api
      .post('/contributions/tilleuls--club/acknowledgements', { note: 'Thank you' }, sos)
      .expect(201);
    const acknowledged = await api.post('/contributions/tilleuls--club/acknowledgements', {}, city);
    expect(acknowledged.status).toBe(201);
    expect(acknowledged.body).toMatchObject({ events: ['ContributionAcknowledged'] });
    const reversed = await api
      .post('/contributions/tilleuls--club/reversal', { reason: 'Recorded twice' }, acme)
      .expect(200);
    expect(reversed.body).toMatchObject({ revision: '3', events: ['ContributionReversed'] });
    expect(await stateOf('contribution-tilleuls--club')).toMatchObject({
      status: 'reversed',
      contributorId: 'acme',
      kind: 'volunteer_time',
      quantity: 12,
      unit: 'hours',
      acknowledgedBy: ['sos', 'city'],
      reversalReason: 'Recorded twice',
    });
  });

  it('lets an administrator record a paper contribution for a partner, and reverse any', async () => {
    await record(
      { ...hours('paper'), kind: 'money', quantity: 500, unit: 'EUR', partnerId: 'city' },
      admin,
    ).expect(201);
    expect(await stateOf('contribution-tilleuls--paper')).toMatchObject({ contributorId: 'city' });
    await api
      .post('/contributions/tilleuls--paper/reversal', { reason: 'Wrong amount' }, admin)
      .expect(200);
  });

  it('becomes a fulfilment claim on the commitment it names, recorded once even when retried', async () => {
    await acceptedCommitment(api, 'tilleuls', 'tutoring', 'acme', 'sos');
    const key = { 'idempotency-key': 'contribution-claim-0001' };
    const body = hours('october', { commitmentId: 'tilleuls--tutoring' });
    const before = await api.logSize();
    const first = await record(body, acme, key).expect(201);
    expect(first.body).toEqual({
      id: 'tilleuls--october',
      stream: 'contribution-tilleuls--october',
      revision: '0',
      position: expect.stringMatching(/^\d+$/) as unknown,
      events: ['ContributionRecorded'],
      fulfilmentClaim: {
        id: 'tilleuls--tutoring',
        stream: 'commitment-tilleuls--tutoring',
        revision: '2',
        position: expect.stringMatching(/^\d+$/) as unknown,
        events: ['FulfilmentClaimed'],
        claimId: 'contribution-tilleuls--october',
      },
    });
    expect(await api.logSize()).toBe(before + 2);
    expect(await stateOf('commitment-tilleuls--tutoring')).toMatchObject({
      claims: {
        'contribution-tilleuls--october': {
          status: 'claimed',
          claimedBy: 'acme',
          quantity: 12,
          unit: 'hours',
          contributionId: 'tilleuls--october',
        },
      },
    });

    const again = await record(body, acme, key).expect(201);
    expect(again.body).toEqual(first.body);
    expect(await api.logSize()).toBe(before + 2);

    const claimed = (
      await api.get('/streams/commitment-tilleuls--tutoring/events?fromRevision=2').expect(200)
    ).body as { events: RecordedEventView[] };
    expect(claimed.events.map((event) => [event.type, event.metadata])).toEqual([
      [
        'FulfilmentClaimed',
        expect.objectContaining({
          commandId: `${scopedId('contribution-claim-0001')}:fulfilment-claim`,
          causationId: scopedId('contribution-claim-0001'),
          correlationId: 'contribution-claim-0001',
        }) as unknown,
      ],
    ]);

    await api
      .post(
        '/commitments/tilleuls--tutoring/fulfilment-claims/contribution-tilleuls--october/confirmation',
        {},
        sos,
      )
      .expect(200);
    expect(await stateOf('commitment-tilleuls--tutoring')).toMatchObject({
      status: 'in_progress',
      confirmedQuantity: 12,
    });
  });

  it('completes, when retried with the same key, a hand-off that an interrupted attempt left undone', async () => {
    await acceptedCommitment(api, 'tilleuls', 'interrupted', 'acme', 'sos');
    const key = 'contribution-crash-0001';
    const commandId = scopedId(key);
    const body = hours('crashed', { commitmentId: 'tilleuls--interrupted' });
    // What the first attempt appended before the process died: the contribution, not its claim.
    await ledger.app.get<EventStore>(EVENT_STORE).append(
      'contribution-tilleuls--crashed',
      [
        {
          id: eventIdFor(commandId, 0),
          type: 'ContributionRecorded',
          data: { ...body, contributionId: 'tilleuls--crashed', partnerId: 'acme' },
          metadata: {
            actor: { sub: acme.sub, partnerId: 'acme', roles: ['partner'] },
            commandId,
            correlationId: key,
            causationId: commandId,
            schemaVersion: 1,
          },
        },
      ],
      { expectedRevision: 'no_stream' },
    );
    const before = await api.logSize();
    const retried = await record(body, acme, { 'idempotency-key': key }).expect(201);
    expect(retried.body).toMatchObject({
      stream: 'contribution-tilleuls--crashed',
      revision: '0',
      fulfilmentClaim: {
        stream: 'commitment-tilleuls--interrupted',
        events: ['FulfilmentClaimed'],
      },
    });
    expect(await api.logSize()).toBe(before + 1);
  });

  it('keeps the correlation id of the request on both the contribution and its claim', async () => {
    await acceptedCommitment(api, 'tilleuls', 'venue', 'sos', 'acme', {
      quantity: 5,
      unit: 'days',
    });
    const body = {
      ...hours('hall'),
      kind: 'venue',
      quantity: 2,
      unit: 'days',
      commitmentId: 'tilleuls--venue',
    };
    await record(body, sos, { 'x-correlation-id': 'assembly-2026-11' }).expect(201);
    for (const stream of ['contribution-tilleuls--hall', 'commitment-tilleuls--venue']) {
      const { events } = (await api.get(`/streams/${stream}/events`).expect(200)).body as {
        events: RecordedEventView[];
      };
      expect(events[events.length - 1].metadata.correlationId).toBe('assembly-2026-11');
    }
  });

  describe('refusals record nothing', () => {
    let before: number;
    beforeAll(async () => {
      await record(hours('given')).expect(201);
      await api.post('/contributions/tilleuls--given/acknowledgements', {}, sos).expect(201);
      await record(hours('undone')).expect(201);
      await api.post('/contributions/tilleuls--undone/reversal', { reason: 'x' }, acme).expect(200);
      await acceptedCommitment(api, 'tilleuls', 'acme-hours', 'acme', 'sos');
      await makeCommitment(api, 'tilleuls', 'not-accepted', 'acme').expect(201);
    });
    beforeEach(async () => {
      before = await api.logSize();
    });
    afterEach(async () => {
      expect(await api.logSize()).toBe(before);
    });

    it.each([
      ['contribution-already-recorded', () => record(hours('given'))],
      // A partner acts only in its own partnerships (403); the rule holds for paper records too.
      ['contribution-partner-not-member', () => record(hours('x', { partnerId: 'ghost' }), admin)],
      ['contribution-quantity-not-positive', () => record(hours('x', { quantity: 0 }))],
      ['contribution-unit-inconsistent-with-kind', () => record(hours('x', { kind: 'money' }))],
      ['contribution-date-in-the-future', () => record(hours('x', { date: '2099-01-01' }))],
      [
        'contribution-partnership-not-open',
        () => record(hours('x', { partnershipId: 'nowhere', partnerId: 'acme' }), admin),
      ],
      [
        'contribution-commitment-unknown',
        () => record(hours('x', { commitmentId: 'no-such-commitment' })),
      ],
      [
        'contribution-commitment-not-by-contributor',
        () => record(hours('x', { commitmentId: 'tilleuls--acme-hours' }), sos),
      ],
      [
        'contribution-commitment-not-claimable',
        () => record(hours('x', { commitmentId: 'tilleuls--not-accepted' })),
      ],
      [
        'contribution-commitment-unit-mismatch',
        () =>
          record(hours('x', { kind: 'venue', unit: 'days', commitmentId: 'tilleuls--acme-hours' })),
      ],
      [
        'contribution-self-acknowledgement',
        () => api.post('/contributions/tilleuls--given/acknowledgements', {}, acme),
      ],
      [
        'contribution-already-acknowledged',
        () => api.post('/contributions/tilleuls--given/acknowledgements', {}, sos),
      ],
      [
        'contribution-reversed',
        () => api.post('/contributions/tilleuls--undone/acknowledgements', {}, sos),
      ],
      [
        'contribution-reversed',
        () => api.post('/contributions/tilleuls--undone/reversal', { reason: 'again' }, acme),
      ],
    ])('refuses with 422 %s', async (rule, send) => {
      const response = await send();
      expectProblem(response, 422, rule);
      expect(response.body).toMatchObject({ rule });
    });

    it.each([
      ['an acknowledgement', () => api.post('/contributions/nowhere/acknowledgements', {}, sos)],
      ['a reversal', () => api.post('/contributions/nowhere/reversal', { reason: 'x' }, acme)],
    ])('answers 404 to %s of an unknown contribution', async (_case, send) => {
      expectProblem(await send(), 404, 'not-found');
    });

    it.each([
      [
        'recording in the name of another partner',
        () => record(hours('x', { partnerId: 'acme' }), sos),
      ],
      [
        'acknowledging in the name of another partner',
        () =>
          api.post('/contributions/tilleuls--given/acknowledgements', { partnerId: 'city' }, sos),
      ],
      [
        "reversing another partner's contribution",
        () => api.post('/contributions/tilleuls--given/reversal', { reason: 'x' }, sos),
      ],
    ])('forbids (403) %s', async (_case, send) => {
      expectProblem(await send(), 403, 'forbidden');
    });

    it.each([
      ['an unknown kind', hours('x', { kind: 'gold' })],
      ['a quantity as text', hours('x', { quantity: '12' })],
      ['no quantity', hours('x', { quantity: undefined })],
      ['no unit', hours('x', { unit: '' })],
      ['a date with a time', hours('x', { date: '2026-10-14T10:00:00Z' })],
      ['a date that does not exist', hours('x', { date: '2026-02-30' })],
      ['a bad commitment id', hours('x', { commitmentId: 'a/b' })],
      ['a bad partner id', hours('x', { partnerId: '' })],
      ['an unknown field', hours('x', { value: 100 })],
      ['no description', hours('x', { description: undefined })],
    ])('refuses a contribution with %s (400)', async (_case, body) => {
      const response = await record(body);
      expectProblem(response, 400, 'bad-request');
      expect((response.body as { errors: string[] }).errors.length).toBeGreaterThan(0);
    });

    it.each([
      [
        'a reversal without reason',
        () => api.post('/contributions/tilleuls--given/reversal', {}, acme),
      ],
      [
        'an acknowledgement with a long note',
        () =>
          api.post(
            '/contributions/tilleuls--given/acknowledgements',
            { note: 'n'.repeat(2001) },
            city,
          ),
      ],
      ['a bad id in the path', () => api.post('/contributions/-x/reversal', { reason: 'x' }, acme)],
    ])('refuses %s (400)', async (_case, send) => {
      expectProblem(await send(), 400, 'bad-request');
    });
  });
});
