import { startTestLedger, type TestLedger } from '../support/ledger-app';
import {
  admin,
  expectProblem,
  type LedgerClient,
  ledgerClient,
  partner,
} from '../support/ledger-client';

describe('valuation policies through HTTP', () => {
  let ledger: TestLedger;
  let api: LedgerClient;

  beforeAll(async () => {
    ledger = await startTestLedger();
    api = ledgerClient(ledger);
  });
  afterAll(() => ledger.close());

  const define = (policyId: string, currency = 'EUR') =>
    api.post('/valuation-policies', { policyId, name: `Policy ${policyId}`, currency });
  const rate = (policyId: string, extra: object = {}) =>
    api.post(`/valuation-policies/${policyId}/rates`, {
      kind: 'volunteer_time',
      unit: 'hours',
      effectiveFrom: '2026-01-01',
      rate: 15,
      currency: 'EUR',
      source: 'National volunteering study 2025',
      ...extra,
    });
  const retire = (policyId: string, extra: object = {}) =>
    api.post(`/valuation-policies/${policyId}/rates/retirement`, {
      kind: 'volunteer_time',
      unit: 'hours',
      effectiveFrom: '2026-10-01',
      reason: 'The study was withdrawn',
      ...extra,
    });
  const value = (policyId: string, query: string) =>
    api.get(`/valuation-policies/${policyId}/value?${query}`);

  it('is defined, takes rate versions and retirements, and values contributions as of their date', async () => {
    const defined = await define('northside').expect(201);
    expect(defined.body).toEqual({
      id: 'northside',
      stream: 'valuation-policy-northside',
      revision: '0',
      position: expect.stringMatching(/^\d+$/) as unknown,
      events: ['ValuationPolicyDefined'],
    });
    expect((await rate('northside').expect(201)).body).toMatchObject({
      events: ['ValuationRateSet'],
    });
    await rate('northside', { effectiveFrom: '2026-07-01', rate: 18.5 }).expect(201);
    await rate('northside', { kind: 'money', unit: 'USD', rate: 0.9, source: 'ECB' }).expect(201);
    const retired = await retire('northside').expect(201);
    expect(retired.body).toMatchObject({ revision: '4', events: ['ValuationRateRetired'] });

    const state = await api.get('/streams/valuation-policy-northside/state').expect(200);
    expect(state.body).toMatchObject({
      state: {
        status: 'defined',
        currency: 'EUR',
        entries: [
          { entry: 'rate', version: 1, rate: 15 },
          { entry: 'rate', version: 2, rate: 18.5, effectiveFrom: '2026-07-01' },
          { entry: 'rate', version: 3, kind: 'money', unit: 'USD' },
          { entry: 'retirement', version: 4, effectiveFrom: '2026-10-01' },
        ],
      },
    });

    const before = await api.logSize();
    const march = await value(
      'northside',
      'kind=volunteer_time&quantity=10&unit=hours&date=2026-03-01',
    );
    expect(march.status).toBe(200);
    expect(march.body).toEqual({
      policyId: 'northside',
      revision: '4',
      kind: 'volunteer_time',
      quantity: 10,
      unit: 'hours',
      date: '2026-03-01',
      value: { amount: 150, currency: 'EUR', rate: 15, rateVersion: 1 },
    });
    const august = await value(
      'northside',
      'kind=volunteer_time&quantity=1.15&unit=hours&date=2026-08-01',
    );
    expect(august.body).toMatchObject({
      value: { amount: 21.28, rate: 18.5, rateVersion: 2 },
    });
    const afterRetirement = await value(
      'northside',
      'kind=volunteer_time&quantity=10&unit=hours&date=2026-10-15',
    );
    expect(afterRetirement.body).toMatchObject({ value: null });
    const beforeAnyRate = await value(
      'northside',
      'kind=volunteer_time&quantity=10&unit=hours&date=2025-12-31',
    );
    expect(beforeAnyRate.body).toMatchObject({ value: null });
    const euros = await value('northside', 'kind=money&quantity=100&unit=EUR&date=2026-03-01');
    expect(euros.body).toMatchObject({
      value: { amount: 100, currency: 'EUR', rate: 1, rateVersion: null },
    });
    const dollars = await value('northside', 'kind=money&quantity=100&unit=USD&date=2026-03-01');
    expect(dollars.body).toMatchObject({ value: { amount: 90, rateVersion: 3 } });
    expect(await api.logSize()).toBe(before);
  });

  it('generates a policy id from the Idempotency-Key, so a retried definition is recorded once', async () => {
    const key = { 'idempotency-key': 'define-policy-0001' };
    const body = { name: 'Retried', currency: 'EUR' };
    const first = await api.post('/valuation-policies', body, admin, key).expect(201);
    const before = await api.logSize();
    const again = await api.post('/valuation-policies', body, admin, key).expect(201);
    expect(again.body).toEqual(first.body);
    expect(await api.logSize()).toBe(before);
  });

  describe('refusals record nothing', () => {
    let before: number;
    beforeAll(async () => {
      await define('rules').expect(201);
      await rate('rules').expect(201);
      await retire('rules').expect(201);
      await rate('rules', { kind: 'venue', unit: 'days', rate: 200 }).expect(201);
    });
    beforeEach(async () => {
      before = await api.logSize();
    });
    afterEach(async () => {
      expect(await api.logSize()).toBe(before);
    });

    it.each([
      ['valuation-policy-already-defined', () => define('rules')],
      ['valuation-policy-currency-invalid', () => define('lowercase', 'eur')],
      [
        'valuation-policy-currency-mismatch',
        () => rate('rules', { effectiveFrom: '2027-01-01', currency: 'USD' }),
      ],
      ['valuation-policy-face-value-currency', () => rate('rules', { kind: 'money', unit: 'EUR' })],
      [
        'valuation-policy-unit-inconsistent-with-kind',
        () => rate('rules', { kind: 'money', unit: 'hours' }),
      ],
      [
        'valuation-policy-rate-not-positive',
        () => rate('rules', { effectiveFrom: '2027-01-01', rate: 0 }),
      ],
      [
        'valuation-policy-source-missing',
        () => rate('rules', { effectiveFrom: '2027-01-01', source: ' ' }),
      ],
      ['valuation-policy-version-exists', () => rate('rules', { rate: 16 })],
      ['valuation-policy-version-exists', () => retire('rules')],
      ['valuation-policy-rate-unknown', () => retire('rules', { kind: 'expertise' })],
      [
        'valuation-policy-rate-not-in-force',
        () => retire('rules', { effectiveFrom: '2026-12-01' }),
      ],
      [
        'valuation-policy-rate-not-in-force',
        () => retire('rules', { kind: 'venue', unit: 'days', effectiveFrom: '2025-06-01' }),
      ],
    ])('refuses with 422 %s', async (rule, send) => {
      const response = await send();
      expectProblem(response, 422, rule);
      expect(response.body).toMatchObject({ rule });
    });

    it.each([
      ['a rate', () => rate('nowhere')],
      ['a retirement', () => retire('nowhere')],
      ['a value', () => value('nowhere', 'kind=money&quantity=1&unit=EUR&date=2026-01-01')],
    ])('answers 404 to %s of an unknown policy', async (_case, send) => {
      expectProblem(await send(), 404, 'not-found');
    });

    it.each([
      ['no currency', { name: 'x' }],
      ['a long currency', { name: 'x', currency: 'EURO-DOLLAR' }],
      ['an unknown field', { name: 'x', currency: 'EUR', rates: [] }],
      ['a bad id', { policyId: 'a b', name: 'x', currency: 'EUR' }],
    ])('refuses a policy with %s (400)', async (_case, body) => {
      expectProblem(await api.post('/valuation-policies', body), 400, 'bad-request');
    });

    it.each([
      ['a rate as text', () => rate('rules', { rate: '15' })],
      ['an unknown kind', () => rate('rules', { kind: 'gold' })],
      ['a bad date', () => rate('rules', { effectiveFrom: '01/01/2026' })],
      ['no source', () => rate('rules', { source: undefined })],
      ['a retirement without reason', () => retire('rules', { reason: undefined })],
      ['a retirement with a rate', () => retire('rules', { rate: 1 })],
    ])('refuses %s (400)', async (_case, send) => {
      expectProblem(await send(), 400, 'bad-request');
    });

    it.each([
      ['no quantity', 'kind=money&unit=EUR&date=2026-01-01'],
      ['an empty quantity', 'kind=money&quantity=&unit=EUR&date=2026-01-01'],
      ['a quantity that is no number', 'kind=money&quantity=ten&unit=EUR&date=2026-01-01'],
      ['a negative quantity', 'kind=money&quantity=-5&unit=EUR&date=2026-01-01'],
      ['two quantities', 'kind=money&quantity=1&quantity=2&unit=EUR&date=2026-01-01'],
      ['an unknown kind', 'kind=gold&quantity=1&unit=kg&date=2026-01-01'],
      ['a unit that does not fit the kind', 'kind=money&quantity=1&unit=hours&date=2026-01-01'],
      ['a date that does not exist', 'kind=money&quantity=1&unit=EUR&date=2026-02-30'],
      ['no date', 'kind=money&quantity=1&unit=EUR'],
      ['an unknown parameter', 'kind=money&quantity=1&unit=EUR&date=2026-01-01&policy=x'],
    ])('refuses a value query with %s (400)', async (_case, query) => {
      expectProblem(await value('rules', query), 400, 'bad-request');
    });
  });
});

describe('the list of valuation policies (GET /valuation-policies)', () => {
  let ledger: TestLedger;
  let api: LedgerClient;

  beforeAll(async () => {
    ledger = await startTestLedger();
    api = ledgerClient(ledger);
  });
  afterAll(() => ledger.close());

  const auditor = { sub: 'auditor-1', roles: ['auditor'] };
  const list = (query = '', as = admin) => api.get(`/valuation-policies${query}`, as);

  it('lists none on a fresh ledger', async () => {
    expect((await list().expect(200)).body).toEqual({ items: [], next: null });
  });

  it('lists every policy by id with its entries, to partners and auditors as to admins', async () => {
    for (const [policyId, name] of [
      ['northside', 'Northside 2026'],
      ['default', 'Used when a query names no policy'],
    ]) {
      await api.post('/valuation-policies', { policyId, name, currency: 'EUR' }).expect(201);
    }
    const rate = {
      kind: 'volunteer_time',
      unit: 'hours',
      effectiveFrom: '2026-01-01',
      rate: 15.5,
      currency: 'EUR',
      source: 'National volunteering study 2025',
    };
    await api.post('/valuation-policies/northside/rates', rate).expect(201);
    await api
      .post('/valuation-policies/northside/rates/retirement', {
        kind: 'volunteer_time',
        unit: 'hours',
        effectiveFrom: '2026-10-01',
        reason: 'The study was withdrawn',
      })
      .expect(201);

    const page = await list().expect(200);
    expect(page.body).toEqual({
      items: [
        {
          policyId: 'default',
          name: 'Used when a query names no policy',
          currency: 'EUR',
          definedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) as unknown,
          entries: [],
        },
        {
          policyId: 'northside',
          name: 'Northside 2026',
          currency: 'EUR',
          definedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) as unknown,
          entries: [
            { entry: 'rate', version: 1, ...rate },
            {
              entry: 'retirement',
              version: 2,
              kind: 'volunteer_time',
              unit: 'hours',
              effectiveFrom: '2026-10-01',
              reason: 'The study was withdrawn',
            },
          ],
        },
      ],
      next: null,
    });
    expect((await list('', partner('acme')).expect(200)).body).toEqual(page.body);
    expect((await list('', auditor).expect(200)).body).toEqual(page.body);
  });

  it('pages with the cursor of the previous page', async () => {
    const first = await list('?limit=1').expect(200);
    expect(first.body).toMatchObject({ items: [{ policyId: 'default' }] });
    const { next } = first.body as { next: string };
    expect(next).toEqual(expect.any(String));
    const second = await list(`?limit=1&cursor=${next}`).expect(200);
    expect(second.body).toMatchObject({ items: [{ policyId: 'northside' }], next: null });
  });

  it.each([
    ['a mediator', { sub: 'mediator-1', roles: ['mediator'] }],
    ['a resident', { sub: 'resident-1', roles: [] }],
  ])('is refused to %s (403)', async (_who, as) => {
    expectProblem(await list('', as), 403, 'forbidden');
  });

  it.each([
    ['a page of none', '?limit=0'],
    ['a page too large', '?limit=501'],
    ['a cursor it did not give out', '?cursor=bm90LW91cnM'],
    ['an unknown parameter', '?partnershipId=youth'],
  ])('refuses %s (400)', async (_case, query) => {
    expectProblem(await list(query), 400, 'bad-request');
  });
});
