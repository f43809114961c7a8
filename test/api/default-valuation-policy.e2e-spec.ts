import { partnershipWith } from '../support/commitments-fixtures';
import { startTestLedger, type TestLedger } from '../support/ledger-app';
import {
  admin,
  expectProblem,
  type LedgerClient,
  ledgerClient,
  partner,
} from '../support/ledger-client';
import { contribute, policyWithHourRates } from '../support/recognition-fixtures';

interface Valued {
  valuation: { policyId: string; chosenBy: string } | null;
  totals: { valueCents: number | null };
}

describe("a partnership's default valuation policy, through HTTP", () => {
  let ledger: TestLedger;
  let api: LedgerClient;
  const get = async (path: string) => (await api.get(path).expect(200)).body as Valued;
  const setDefault = (partnershipId: string, policyId: string, as = admin) =>
    api.post(`/partnerships/${partnershipId}/default-valuation-policy`, { policyId }, as);

  beforeAll(async () => {
    ledger = await startTestLedger();
    api = ledgerClient(ledger);
    await partnershipWith(api, 'tilleuls', ['acme', 'sos']);
    await partnershipWith(api, 'source', ['acme', 'sos']);
    // Two policies, neither named `default`: a report that names none is ambiguous.
    await policyWithHourRates(api, 'city-rates', [{ effectiveFrom: '2020-01-01', rate: 20 }]);
    await policyWithHourRates(api, 'frugal', [{ effectiveFrom: '2020-01-01', rate: 10 }]);
    for (const partnershipId of ['tilleuls', 'source'])
      await contribute(api, partnershipId, 'acme', {
        contributionId: 'club',
        kind: 'volunteer_time',
        quantity: 10,
        unit: 'hours',
        date: '2026-03-07',
      });
  });
  afterAll(() => ledger.close());

  it('asks which policy to value with when none is chosen (400, naming the policies)', async () => {
    for (const path of [
      '/partnerships/tilleuls/contributions',
      '/partnerships/tilleuls/equity',
      '/partners/acme/contributions',
    ]) {
      const response = await api.get(path);
      expectProblem(response, 400, 'bad-request');
      expect((response.body as { detail: string }).detail).toMatch(
        /name one with policyId \(defined: city-rates, frugal;.*default-valuation-policy/,
      );
    }
    // A list finds contributions: without a chosen policy it lists them unvalued.
    const listed = await api.get('/contributions?partnershipId=tilleuls').expect(200);
    expect((listed.body as { items: { value: unknown }[] }).items).toEqual([
      expect.objectContaining({ value: null }),
    ]);
  });

  it('lets an administrator set it: the reports that name no policy use it, and say so', async () => {
    await setDefault('tilleuls', 'city-rates').expect(200);
    const overview = await api.get('/partnerships/tilleuls').expect(200);
    expect(overview.body).toMatchObject({ defaultValuationPolicyId: 'city-rates' });
    for (const path of ['/partnerships/tilleuls/contributions', '/partnerships/tilleuls/equity']) {
      const report = await get(path);
      expect(report.valuation).toMatchObject({
        policyId: 'city-rates',
        chosenBy: 'partnership-default',
      });
    }
    expect((await get('/partnerships/tilleuls/contributions')).totals.valueCents).toBe(20000);
    const named = await get('/partnerships/tilleuls/contributions?policyId=frugal');
    expect(named.valuation).toMatchObject({ policyId: 'frugal', chosenBy: 'named' });
    expect(named.totals.valueCents).toBe(10000);
    // Another partnership's default is its own.
    expectProblem(await api.get('/partnerships/source/contributions'), 400, 'bad-request');
  });

  it('falls back to the ledger-wide policy `default` once it is defined', async () => {
    await policyWithHourRates(api, 'default', [{ effectiveFrom: '2020-01-01', rate: 15 }]);
    expect((await get('/partnerships/source/contributions')).valuation).toMatchObject({
      policyId: 'default',
      chosenBy: 'ledger-default',
    });
    expect((await get('/partners/acme/contributions')).valuation).toMatchObject({
      policyId: 'default',
      chosenBy: 'ledger-default',
    });
    expect((await get('/partnerships/tilleuls/contributions')).valuation).toMatchObject({
      policyId: 'city-rates',
      chosenBy: 'partnership-default',
    });
  });

  it('refuses a policy never defined (422), a partner (403) and a malformed body (400)', async () => {
    const before = await api.logSize();
    expectProblem(await setDefault('tilleuls', 'nope'), 422, 'valuation-policy-not-defined');
    expectProblem(await setDefault('tilleuls', 'frugal', partner('acme')), 403, 'forbidden');
    expectProblem(
      await api.post('/partnerships/tilleuls/default-valuation-policy', {}, admin),
      400,
      'bad-request',
    );
    expectProblem(await setDefault('nowhere', 'frugal'), 404, 'not-found');
    expect(await api.logSize()).toBe(before);
  });
});
