import {
  acceptedCommitment,
  DUE_DATE,
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
const sos = partner('sos');
const city = partner('city');

describe('commitments through HTTP', () => {
  let ledger: TestLedger;
  let api: LedgerClient;

  beforeAll(async () => {
    ledger = await startTestLedger();
    api = ledgerClient(ledger);
    await partnershipWith(api, 'tilleuls', ['acme', 'sos', 'city']);
  });
  afterAll(() => ledger.close());

  const claim = (commitmentId: string, claimId: string, quantity: number) =>
    api.post(
      `/commitments/${commitmentId}/fulfilment-claims`,
      { claimId, evidence: 'Attendance sheets', quantity },
      acme,
    );
  const state = async (commitmentId: string) =>
    (await api.get(`/streams/commitment-${commitmentId}/state`).expect(200)).body as {
      state: Record<string, unknown>;
    };

  it('is made, accepted, amended, claimed, confirmed, disputed and fulfilled', async () => {
    const made = await api
      .post(
        '/commitments',
        {
          commitmentId: 'tutoring',
          partnershipId: 'tilleuls',
          objectiveId: 'dropout',
          what: 'Forty hours of tutoring',
          dueDate: DUE_DATE,
          quantity: 40,
          unit: 'hours',
          beneficiary: { kind: 'group', name: '15-18 year olds of Les Tilleuls' },
          kind: 'volunteer_time',
        },
        acme,
      )
      .expect(201);
    expect(made.body).toEqual({
      id: 'tilleuls--tutoring',
      stream: 'commitment-tilleuls--tutoring',
      revision: '0',
      position: expect.stringMatching(/^\d+$/) as unknown,
      events: ['CommitmentMade'],
    });
    await api.post('/commitments/tilleuls--tutoring/acceptance', {}, sos).expect(200);
    const amended = await api
      .put(
        '/commitments/tilleuls--tutoring/terms',
        {
          what: 'Thirty hours of tutoring',
          dueDate: DUE_DATE,
          quantity: 30,
          unit: 'hours',
          reason: 'Budget cut',
        },
        acme,
      )
      .expect(200);
    expect(amended.body).toMatchObject({ events: ['CommitmentAmended'] });
    await claim('tilleuls--tutoring', 'october', 10).expect(201);
    await api
      .post('/commitments/tilleuls--tutoring/fulfilment-claims/october/confirmation', {}, sos)
      .expect(200);
    await claim('tilleuls--tutoring', 'november', 5).expect(201);
    const disputed = await api
      .post(
        '/commitments/tilleuls--tutoring/fulfilment-claims/november/dispute',
        { reason: 'No attendance sheet for November' },
        city,
      )
      .expect(200);
    expect(disputed.body).toMatchObject({ events: ['FulfilmentDisputed'] });
    await claim('tilleuls--tutoring', 'december', 20).expect(201);
    const fulfilled = await api
      .post(
        '/commitments/tilleuls--tutoring/fulfilment-claims/december/confirmation',
        { partnerId: 'sos' },
        sos,
      )
      .expect(200);
    expect(fulfilled.body).toMatchObject({
      revision: '9',
      events: ['FulfilmentConfirmed', 'CommitmentFulfilled'],
    });

    expect((await state('tilleuls--tutoring')).state).toMatchObject({
      status: 'fulfilled',
      committerId: 'acme',
      acceptedBy: 'sos',
      objectiveId: 'dropout',
      terms: { what: 'Thirty hours of tutoring', quantity: 30 },
      termsHistory: [
        { version: 1, quantity: 40 },
        { version: 2, quantity: 30, amendedBy: 'acme' },
      ],
      confirmedQuantity: 30,
      claims: {
        october: { status: 'confirmed', settledBy: 'sos' },
        november: { status: 'disputed', settledBy: 'city' },
        december: { status: 'confirmed', quantity: 20, unit: 'hours' },
      },
    });
  });

  it('is closed as partial, released by its beneficiary or withdrawn by its committer', async () => {
    await api
      .post(
        '/commitments',
        {
          commitmentId: 'venue',
          partnershipId: 'tilleuls',
          what: 'The community hall, ten days',
          dueDate: DUE_DATE,
          quantity: 10,
          unit: 'days',
          beneficiary: { kind: 'partner', partnerId: 'acme' },
          kind: 'volunteer_time',
        },
        sos,
      )
      .expect(201);
    await api.post('/commitments/tilleuls--venue/acceptance', {}, city).expect(200);
    await api
      .post(
        '/commitments/tilleuls--venue/fulfilment-claims',
        { claimId: 'spring', evidence: 'Bookings', quantity: 4 },
        sos,
      )
      .expect(201);
    await api
      .post('/commitments/tilleuls--venue/fulfilment-claims/spring/confirmation', {}, acme)
      .expect(200);
    const closed = await api
      .post(
        '/commitments/tilleuls--venue/partial-closure',
        { reason: 'The hall is being renovated' },
        city,
      )
      .expect(200);
    expect(closed.body).toMatchObject({ events: ['CommitmentClosedAsPartial'] });
    expect((await state('tilleuls--venue')).state).toMatchObject({ status: 'closed_partial' });

    await api
      .post(
        '/commitments',
        {
          commitmentId: 'mentoring',
          partnershipId: 'tilleuls',
          what: 'Mentoring of the youth workers',
          dueDate: DUE_DATE,
          beneficiary: { kind: 'partner', partnerId: 'sos' },
          kind: 'volunteer_time',
        },
        acme,
      )
      .expect(201);
    const released = await api
      .post('/commitments/tilleuls--mentoring/release', { reason: 'No longer needed' }, sos)
      .expect(200);
    expect(released.body).toMatchObject({ events: ['CommitmentReleased'] });

    await makeCommitment(api, 'tilleuls', 'report', 'acme').expect(201);
    const withdrawn = await api
      .post('/commitments/tilleuls--report/withdrawal', { reason: 'Made by mistake' }, acme)
      .expect(200);
    expect(withdrawn.body).toMatchObject({ events: ['CommitmentWithdrawn'] });
    expect((await state('tilleuls--report')).state).toMatchObject({
      status: 'withdrawn',
      endReason: 'Made by mistake',
    });
  });

  /** An administrator's paper record for a named partner, as in the test below. */
  const paperCommitment = (partnershipId: string, commitmentId: string, partnerId: string) =>
    api.post(
      '/commitments',
      {
        commitmentId,
        partnershipId,
        partnerId,
        what: 'Tutoring for pupils at risk of dropping out',
        dueDate: DUE_DATE,
        beneficiary: { kind: 'group', name: '15-18 year olds of Les Tilleuls' },
        kind: 'volunteer_time',
      },
      admin,
    );

  it('lets an administrator enter a paper commitment for a named partner, recorded as the administrator', async () => {
    const body = {
      commitmentId: 'paper',
      partnershipId: 'tilleuls',
      partnerId: 'city',
      what: 'A youth worker, two days a week',
      dueDate: DUE_DATE,
      beneficiary: { kind: 'group', name: 'Youth of Les Tilleuls' },
      kind: 'volunteer_time',
    };
    await api.post('/commitments', body, admin).expect(201);
    expect((await state('tilleuls--paper')).state).toMatchObject({ committerId: 'city' });
    const events = await api.get('/streams/commitment-tilleuls--paper/events').expect(200);
    expect(events.body).toMatchObject({ events: [{ metadata: { actor: { sub: admin.sub } } }] });
  });

  it('generates a claim id from the Idempotency-Key, so a retried claim is recorded once', async () => {
    await acceptedCommitment(api, 'tilleuls', 'retried', 'acme', 'sos');
    const key = { 'idempotency-key': 'claim-retry-0001' };
    const body = { evidence: 'Sheets', quantity: 3 };
    const first = await api.post(
      '/commitments/tilleuls--retried/fulfilment-claims',
      body,
      acme,
      key,
    );
    expect(first.status).toBe(201);
    const before = await api.logSize();
    const again = await api.post(
      '/commitments/tilleuls--retried/fulfilment-claims',
      body,
      acme,
      key,
    );
    expect(again.body).toEqual(first.body);
    expect(await api.logSize()).toBe(before);
    expect(Object.keys((await state('tilleuls--retried')).state.claims as object)).toHaveLength(1);
  });

  describe('refusals record nothing', () => {
    let before: number;
    beforeAll(async () => {
      await makeCommitment(api, 'tilleuls', 'pending', 'acme').expect(201);
      await acceptedCommitment(api, 'tilleuls', 'open', 'acme', 'sos');
      await makeCommitment(api, 'tilleuls', 'gone', 'acme').expect(201);
      await api.post('/commitments/tilleuls--gone/withdrawal', { reason: 'x' }, acme).expect(200);
    });
    beforeEach(async () => {
      before = await api.logSize();
    });
    afterEach(async () => {
      expect(await api.logSize()).toBe(before);
    });

    it.each([
      ['commitment-already-made', () => makeCommitment(api, 'tilleuls', 'pending', 'acme')],
      // A partner acts only in its own partnerships (403); the rule holds for paper records too.
      ['commitment-partner-not-member', () => paperCommitment('tilleuls', 'ghostly', 'ghost')],
      [
        'commitment-due-date-in-the-past',
        () => makeCommitment(api, 'tilleuls', 'late', 'acme', { dueDate: '2020-01-01' }),
      ],
      [
        'commitment-quantity-and-unit-together',
        () => makeCommitment(api, 'tilleuls', 'unitless', 'acme', { quantity: 4 }),
      ],
      [
        'commitment-quantity-not-positive',
        () => makeCommitment(api, 'tilleuls', 'negative', 'acme', { quantity: -4, unit: 'hours' }),
      ],
      [
        'commitment-beneficiary-is-committer',
        () =>
          api.post(
            '/commitments',
            {
              partnershipId: 'tilleuls',
              what: 'x',
              dueDate: DUE_DATE,
              beneficiary: { kind: 'partner', partnerId: 'acme' },
              kind: 'volunteer_time',
            },
            acme,
          ),
      ],
      [
        'commitment-objective-not-open',
        () =>
          api.post(
            '/commitments',
            {
              partnershipId: 'tilleuls',
              objectiveId: 'no-such-objective',
              what: 'x',
              dueDate: DUE_DATE,
              beneficiary: { kind: 'group', name: 'g' },
              kind: 'volunteer_time',
            },
            acme,
          ),
      ],
      [
        'commitment-needs-another-member',
        () => api.post('/commitments/tilleuls--pending/acceptance', {}, acme),
      ],
      ['commitment-not-accepted', () => claim('tilleuls--pending', 'early', 1)],
      [
        'commitment-already-accepted',
        () => api.post('/commitments/tilleuls--open/acceptance', {}, city),
      ],
      [
        'commitment-committer-only',
        () =>
          api.post(
            '/commitments/tilleuls--open/fulfilment-claims',
            { evidence: 'Sheets', quantity: 1 },
            sos,
          ),
      ],
      [
        'commitment-claim-unknown',
        () => api.post('/commitments/tilleuls--open/fulfilment-claims/nope/confirmation', {}, sos),
      ],
      [
        'commitment-amendment-changes-nothing',
        () =>
          api.put(
            '/commitments/tilleuls--open/terms',
            {
              what: 'Tutoring for pupils at risk of dropping out',
              dueDate: DUE_DATE,
              quantity: 40,
              unit: 'hours',
              reason: 'none',
            },
            acme,
          ),
      ],
      [
        'commitment-nothing-delivered',
        () => api.post('/commitments/tilleuls--open/partial-closure', { reason: 'x' }, sos),
      ],
      [
        'commitment-release-not-by-beneficiary',
        () => api.post('/commitments/tilleuls--open/release', { reason: 'x' }, sos),
      ],
      ['commitment-ended', () => api.post('/commitments/tilleuls--gone/acceptance', {}, sos)],
    ])('refuses with 422 %s', async (rule, send) => {
      const response = await send();
      expectProblem(response, 422, rule);
      expect(response.body).toMatchObject({ rule });
    });

    it.each([
      ['acceptance', () => api.post('/commitments/nowhere/acceptance', {}, sos)],
      ['a claim', () => claim('nowhere', 'c', 1)],
      ['a release', () => api.post('/commitments/nowhere/release', { reason: 'x' }, sos)],
      ['a withdrawal', () => api.post('/commitments/nowhere/withdrawal', { reason: 'x' }, acme)],
    ])('answers 404 to %s of an unknown commitment', async (_case, send) => {
      expectProblem(await send(), 404, 'not-found');
    });

    it('refuses (422) a commitment in a partnership that was never founded', async () => {
      // The partnership is named in the body, not the path: a rule, not a missing resource.
      expectProblem(
        await paperCommitment('nowhere', 'lost', 'acme'),
        422,
        'commitment-partnership-not-open',
      );
    });

    it.each([
      [
        'someone else as committer',
        () =>
          api.post(
            '/commitments',
            {
              partnershipId: 'tilleuls',
              partnerId: 'acme',
              what: 'x',
              dueDate: DUE_DATE,
              beneficiary: { kind: 'group', name: 'g' },
              kind: 'volunteer_time',
            },
            sos,
          ),
      ],
      [
        'someone else accepting',
        () => api.post('/commitments/tilleuls--pending/acceptance', { partnerId: 'sos' }, city),
      ],
      [
        'someone else claiming',
        () =>
          api.post(
            '/commitments/tilleuls--open/fulfilment-claims',
            { partnerId: 'acme', evidence: 'e' },
            sos,
          ),
      ],
      [
        'someone else withdrawing',
        () =>
          api.post(
            '/commitments/tilleuls--open/withdrawal',
            { partnerId: 'acme', reason: 'x' },
            sos,
          ),
      ],
    ])('forbids (403) a partner naming %s', async (_case, send) => {
      expectProblem(await send(), 403, 'forbidden');
    });

    it('asks a principal who acts for no partner to name one (422)', async () => {
      expectProblem(
        await api.post('/commitments/tilleuls--pending/acceptance', {}, admin),
        422,
        'acting-partner-required',
      );
    });

    const valid = {
      partnershipId: 'tilleuls',
      what: 'x',
      dueDate: DUE_DATE,
      beneficiary: { kind: 'group', name: 'g' },
      kind: 'volunteer_time',
    };
    it.each([
      ['no beneficiary', { ...valid, beneficiary: undefined }],
      ['no kind', { ...valid, kind: undefined }],
      ['a kind that is not a contribution kind', { ...valid, kind: 'unspecified' }],
      ['a beneficiary of unknown kind', { ...valid, beneficiary: { kind: 'city', name: 'g' } }],
      ['a group beneficiary without name', { ...valid, beneficiary: { kind: 'group' } }],
      ['a partner beneficiary without partner', { ...valid, beneficiary: { kind: 'partner' } }],
      [
        'a partner beneficiary with a name too',
        { ...valid, beneficiary: { kind: 'partner', partnerId: 'sos', name: 'g' } },
      ],
      ['a beneficiary that is not an object', { ...valid, beneficiary: 'sos' }],
      [
        'an unknown beneficiary field',
        { ...valid, beneficiary: { kind: 'group', name: 'g', x: 1 } },
      ],
      ['a quantity as text', { ...valid, quantity: '4', unit: 'hours' }],
      ['a date that is not a date', { ...valid, dueDate: '2099-02-30' }],
      ['an unknown field', { ...valid, status: 'fulfilled' }],
      ['a bad partnership id', { ...valid, partnershipId: '../x' }],
      ['a new id longer than 100 characters', { ...valid, commitmentId: 'c'.repeat(101) }],
      ['no what', { ...valid, what: '' }],
    ])('refuses a commitment with %s (400)', async (_case, body) => {
      const response = await api.post('/commitments', body, acme);
      expectProblem(response, 400, 'bad-request');
      expect((response.body as { errors: string[] }).errors.length).toBeGreaterThan(0);
    });

    it.each([
      [
        'a claim with complete as text',
        () =>
          api.post(
            '/commitments/tilleuls--open/fulfilment-claims',
            { evidence: 'e', complete: 'yes' },
            acme,
          ),
      ],
      [
        'a claim naming a contribution',
        () =>
          api.post(
            '/commitments/tilleuls--open/fulfilment-claims',
            { evidence: 'e', contributionId: 'c' },
            acme,
          ),
      ],
      [
        'a dispute without reason',
        () => api.post('/commitments/tilleuls--open/fulfilment-claims/x/dispute', {}, sos),
      ],
      [
        'an amendment without reason',
        () => api.put('/commitments/tilleuls--open/terms', { what: 'x', dueDate: DUE_DATE }, acme),
      ],
      [
        'a bad commitment id in the path',
        () => api.post('/commitments/bad%20id/acceptance', {}, sos),
      ],
    ])('refuses %s (400)', async (_case, send) => {
      expectProblem(await send(), 400, 'bad-request');
    });
  });
});
