import { makeCommitment, partnershipWith } from '../support/commitments-fixtures';
import { startTestLedger, type TestLedger } from '../support/ledger-app';
import {
  admin,
  expectProblem,
  type LedgerClient,
  ledgerClient,
  partner,
} from '../support/ledger-client';
import { contribute, hourRate, policyWithHourRates } from '../support/recognition-fixtures';

interface Totals {
  contributions: number;
  valueCents: number | null;
  unvalued: number;
  byKindAndUnit: { kind: string; unit: string; quantity: number; valueCents: number | null }[];
}
interface PartnerEntry {
  partnerId: string;
  totals: Totals;
  share: number | null;
  acknowledgementsReceived: number;
  acknowledgedContributions: number;
  reversed: { contributionId: string; reason: string }[];
}
interface Report {
  valuation: { policyId: string } | null;
  totals: Totals;
  partners: PartnerEntry[];
  ratesUsed: { version: number | null; rate: number; source: string; contributions: number }[];
}
interface ContributionPage {
  items: {
    contributionId: string;
    quantity: number;
    value: { amountCents: number; rateVersion: number | null } | null;
  }[];
  next: string | null;
}

describe('contribution recognition read model through HTTP', () => {
  let ledger: TestLedger;
  let api: LedgerClient;
  const get = async <T>(path: string) => (await api.get(path).expect(200)).body as T;
  const hours = (contributionId: string, quantity: number, date: string) => ({
    contributionId,
    kind: 'volunteer_time',
    quantity,
    unit: 'hours',
    date,
  });

  beforeAll(async () => {
    ledger = await startTestLedger();
    api = ledgerClient(ledger);
    await partnershipWith(api, 'tilleuls', ['acme', 'sos', 'city']);
    await api
      .put(
        '/partnerships/tilleuls/partners/acme/role',
        { role: 'lead', responsibilities: ['coordination', 'reporting'] },
        admin,
      )
      .expect(200);
    await policyWithHourRates(api, 'default', [{ effectiveFrom: '2026-01-01', rate: 31.5 }]);
    await policyWithHourRates(api, 'frugal', [{ effectiveFrom: '2020-01-01', rate: 10 }]);

    await contribute(api, 'tilleuls', 'acme', {
      contributionId: 'cash',
      kind: 'money',
      quantity: 250,
      unit: 'EUR',
      date: '2026-03-01',
    });
    await contribute(api, 'tilleuls', 'acme', hours('club', 12, '2026-03-07'));
    await contribute(api, 'tilleuls', 'acme', hours('summer', 10, '2026-08-01'));
    await contribute(api, 'tilleuls', 'sos', hours('help', 2, '2026-02-01'));
    await contribute(api, 'tilleuls', 'sos', {
      contributionId: 'books',
      kind: 'in_kind',
      quantity: 5,
      unit: 'items',
      date: '2026-03-10',
    });
    await contribute(api, 'tilleuls', 'sos', {
      contributionId: 'oops',
      kind: 'money',
      quantity: 100,
      unit: 'EUR',
      date: '2026-04-01',
    });
    await api
      .post('/contributions/tilleuls--oops/reversal', { reason: 'Recorded twice' }, partner('sos'))
      .expect(200);
    await api
      .post('/contributions/tilleuls--club/acknowledgements', { note: 'Thanks' }, partner('sos'))
      .expect(201);
    await api
      .post('/contributions/tilleuls--club/acknowledgements', {}, partner('city'))
      .expect(201);

    await makeCommitment(api, 'tilleuls', 'a1', 'acme').expect(201);
    await makeCommitment(api, 'tilleuls', 's1', 'sos').expect(201);
    await makeCommitment(api, 'tilleuls', 's2', 'sos').expect(201);
    await makeCommitment(api, 'tilleuls', 'c1', 'city').expect(201);
  });
  afterAll(() => ledger.close());

  describe('GET /partnerships/:id/contributions', () => {
    it('totals by kind and unit, valued under the default policy, reversed excluded', async () => {
      const report = await get<Report>('/partnerships/tilleuls/contributions');
      expect(report.valuation).toEqual({
        policyId: 'default',
        name: 'Policy default',
        currency: 'EUR',
        chosenBy: 'ledger-default',
      });
      // 250 EUR + (12 + 10 + 2) h × 31.50 = 250 + 756 = 1006.00 EUR; the books have no rate.
      expect(report.totals).toEqual({
        contributions: 5,
        valueCents: 100600,
        unvalued: 1,
        byKindAndUnit: [
          {
            kind: 'in_kind',
            unit: 'items',
            contributions: 1,
            quantity: 5,
            valueCents: 0,
            unvalued: 1,
          },
          {
            kind: 'money',
            unit: 'EUR',
            contributions: 1,
            quantity: 250,
            valueCents: 25000,
            unvalued: 0,
          },
          {
            kind: 'volunteer_time',
            unit: 'hours',
            contributions: 3,
            quantity: 24,
            valueCents: 75600,
            unvalued: 0,
          },
        ],
      });
    });

    it('gives each partner its share, acknowledgements received and reversed contributions', async () => {
      const { partners } = await get<Report>('/partnerships/tilleuls/contributions');
      expect(partners.map((p) => [p.partnerId, p.totals.valueCents, p.share])).toEqual([
        ['acme', 94300, 0.9374],
        ['city', 0, 0],
        ['sos', 6300, 0.0626],
      ]);
      expect(partners[0]).toMatchObject({
        acknowledgementsReceived: 2,
        acknowledgedContributions: 1,
      });
      expect(partners[2].reversed).toEqual([
        expect.objectContaining({ contributionId: 'tilleuls--oops', reason: 'Recorded twice' }),
      ]);
    });

    it('re-values with a new rate version without rewriting history, and says which rates it used', async () => {
      const before = await get<Report>('/partnerships/tilleuls/contributions');
      expect(before.ratesUsed.map((r) => [r.version, r.rate, r.contributions])).toEqual([
        [null, 1, 1],
        [1, 31.5, 3],
      ]);
      await hourRate(api, 'default', '2026-07-01', 33);
      const after = await get<Report>('/partnerships/tilleuls/contributions');
      // The summer's 10 hours now count at 33.00: +15.00 EUR.
      expect(after.totals.valueCents).toBe(100600 + 1500);
      expect(after.ratesUsed.map((r) => [r.version, r.rate, r.contributions])).toEqual([
        [null, 1, 1],
        [1, 31.5, 2],
        [2, 33, 1],
      ]);
      const summer = await get<ContributionPage>('/contributions?from=2026-08-01&to=2026-08-01');
      expect(summer.items).toEqual([
        expect.objectContaining({
          contributionId: 'tilleuls--summer',
          quantity: 10,
          value: expect.objectContaining({ amountCents: 33000, rateVersion: 2 }) as unknown,
        }),
      ]);
    });

    it('values under another policy when asked', async () => {
      const frugal = await get<Report>('/partnerships/tilleuls/contributions?policyId=frugal');
      expect(frugal.valuation?.policyId).toBe('frugal');
      expect(frugal.totals.valueCents).toBe(25000 + 24 * 1000);
    });

    it('counts only the period and kind asked for', async () => {
      const spring = await get<Report>(
        '/partnerships/tilleuls/contributions?from=2026-03-01&to=2026-06-30',
      );
      expect(spring.totals).toMatchObject({ contributions: 3, valueCents: 25000 + 37800 });
      const time = await get<Report>('/partnerships/tilleuls/contributions?kind=volunteer_time');
      expect(time.totals.byKindAndUnit.map((t) => t.kind)).toEqual(['volunteer_time']);
    });

    it('answers 404 for an unknown partnership or policy, 400 for a bad filter', async () => {
      expectProblem(await api.get('/partnerships/nowhere/contributions'), 404, 'not-found');
      expectProblem(
        await api.get('/partnerships/tilleuls/contributions?policyId=nope'),
        404,
        'not-found',
      );
      for (const query of [
        'kind=gold',
        'from=2026-13-01',
        'from=2026-05-01&to=2026-04-01',
        'policyId=a%20b',
      ])
        expectProblem(
          await api.get(`/partnerships/tilleuls/contributions?${query}`),
          400,
          'bad-request',
        );
    });
  });

  describe('GET /contributions', () => {
    const ids = (page: ContributionPage) => page.items.map((c) => c.contributionId);

    it('lists by the day given, filtered, valued, and paged with cursors', async () => {
      expect(ids(await get<ContributionPage>('/contributions?partnerId=sos'))).toEqual([
        'tilleuls--help',
        'tilleuls--books',
        'tilleuls--oops',
      ]);
      expect(ids(await get<ContributionPage>('/contributions?status=reversed'))).toEqual([
        'tilleuls--oops',
      ]);
      expect(
        ids(await get<ContributionPage>('/contributions?kind=money&partnershipId=tilleuls')),
      ).toEqual(['tilleuls--cash', 'tilleuls--oops']);
      const first = await get<ContributionPage>('/contributions?limit=4');
      expect(ids(first)).toEqual([
        'tilleuls--help',
        'tilleuls--cash',
        'tilleuls--club',
        'tilleuls--books',
      ]);
      const second = await get<ContributionPage>(`/contributions?limit=4&cursor=${first.next}`);
      expect(ids(second)).toEqual(['tilleuls--oops', 'tilleuls--summer']);
      expect(second.next).toBeNull();
    });

    it('lists the latest first on request, its cursor going on backwards', async () => {
      const first = await get<ContributionPage>('/contributions?order=latest&limit=4');
      expect(ids(first)).toEqual([
        'tilleuls--summer',
        'tilleuls--oops',
        'tilleuls--books',
        'tilleuls--club',
      ]);
      const second = await get<ContributionPage>(
        `/contributions?order=latest&limit=4&cursor=${first.next}`,
      );
      expect(ids(second)).toEqual(['tilleuls--cash', 'tilleuls--help']);
      expectProblem(await api.get('/contributions?order=newest'), 400, 'bad-request');
    });

    it('refuses a cursor of another list', async () => {
      const cursor = Buffer.from('[42]').toString('base64url');
      expectProblem(await api.get(`/contributions?cursor=${cursor}`), 400, 'bad-request');
    });
  });

  describe('GET /partners/:id/contributions', () => {
    it("reports a partner's contributions in each partnership", async () => {
      const acme = await get<{
        totals: Totals;
        partnerships: { partnershipId: string; share: number }[];
      }>('/partners/acme/contributions?policyId=frugal');
      expect(acme.totals).toMatchObject({ contributions: 3, valueCents: 25000 + 22 * 1000 });
      expect(acme.partnerships).toEqual([
        expect.objectContaining({
          partnershipId: 'tilleuls',
          share: 0.9592,
          acknowledgementsReceived: 2,
        }),
      ]);
      expectProblem(await api.get('/partners/nobody/contributions'), 404, 'not-found');
    });
  });

  describe('GET /partnerships/:id/equity', () => {
    it("sets each partner's share of contributions beside its share of commitments and responsibilities", async () => {
      const equity = await get<{
        gini: number;
        giniPopulation: unknown;
        totalValueCents: number;
        partners: {
          partnerId: string;
          contributionShare: number;
          commitments: number;
          commitmentShare: number;
          responsibilityShare: number;
          balance: number;
        }[];
      }>('/partnerships/tilleuls/equity?policyId=frugal');
      expect(equity.totalValueCents).toBe(25000 + 24 * 1000);
      expect(
        equity.partners.map((p) => [
          p.partnerId,
          p.contributionShare,
          p.commitments,
          p.commitmentShare,
          p.responsibilityShare,
          p.balance,
        ]),
      ).toEqual([
        ['acme', 0.9592, 1, 0.25, 0.5, 0.7092],
        ['city', 0, 1, 0.25, 0.25, -0.25],
        ['sos', 0.0408, 2, 0.5, 0.25, -0.4592],
      ]);
      // Values 47000, 0 and 2000 cents across three partners.
      expect(equity.gini).toBeCloseTo((2 * (2 * 2000 + 3 * 47000)) / (3 * 49000) - 4 / 3, 5);
      expect(equity.giniPopulation).toEqual({ over: 'listed', partners: 3, zeros: 1 });
    });

    it('says whose values the Gini is of, and computes it over the contributors only when asked', async () => {
      const equity = await get<{ gini: number; giniPopulation: unknown }>(
        '/partnerships/tilleuls/equity?policyId=frugal&giniOver=contributors',
      );
      // Values 2000 and 47000 cents: the city, which gave nothing valued, is left out.
      expect(equity.gini).toBeCloseTo((2 * (2000 + 2 * 47000)) / (2 * 49000) - 3 / 2, 5);
      expect(equity.giniPopulation).toEqual({ over: 'contributors', partners: 2, zeros: 0 });
      expectProblem(
        await api.get('/partnerships/tilleuls/equity?giniOver=everyone'),
        400,
        'bad-request',
      );
    });

    it('answers 404 for an unknown partnership', async () =>
      expectProblem(await api.get('/partnerships/nowhere/equity'), 404, 'not-found'));
  });
});
