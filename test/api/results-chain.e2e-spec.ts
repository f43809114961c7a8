import type { PartnerResultsChainView, PartnershipResultsChainView } from '@cohesion/projections';
import { csvObjects } from '../support/csv-parse';
import { DUE_DATE, inPartnership, partnershipWith } from '../support/commitments-fixtures';
import { measurement, seedIndicators } from '../support/indicators-fixtures';
import { startTestLedger, type TestLedger } from '../support/ledger-app';
import {
  admin,
  expectProblem,
  type LedgerClient,
  ledgerClient,
  partner,
} from '../support/ledger-client';
import { contribute, policyWithHourRates } from '../support/recognition-fixtures';

/**
 * The results chain through HTTP: an indicator and commitments linked to an objective, a
 * contribution toward one of them (claimed, then confirmed), read per objective and per partner.
 */
describe('results chain through HTTP', () => {
  let ledger: TestLedger;
  let api: LedgerClient;
  const club = partner('club');
  const sos = partner('sos');
  const outsider = partner('outsider');
  const tutoring = inPartnership('tilleuls', 'tutoring');
  const { participation } = seedIndicators('tilleuls');

  beforeAll(async () => {
    ledger = await startTestLedger();
    api = ledgerClient(ledger);
    await partnershipWith(api, 'tilleuls', ['club', 'sos']);
    await partnershipWith(api, 'elsewhere', ['outsider']);
    await policyWithHourRates(api, 'default', [{ effectiveFrom: '2026-01-01', rate: 20 }]);
    const commitment = (commitmentId: string, committer: string, objectiveId?: string) =>
      api
        .post(
          '/commitments',
          {
            commitmentId,
            partnershipId: 'tilleuls',
            ...(objectiveId ? { objectiveId } : {}),
            what: `Tutoring by ${committer}`,
            kind: 'volunteer_time',
            dueDate: DUE_DATE,
            quantity: 40,
            unit: 'hours',
            beneficiary: { kind: 'group', name: '15-18 year olds of Les Tilleuls' },
          },
          partner(committer),
        )
        .expect(201);
    await commitment('tutoring', 'club', 'dropout');
    await commitment('festival', 'club');
    await api.post(`/commitments/${tutoring}/acceptance`, {}, sos).expect(200);
    await contribute(api, 'tilleuls', 'club', {
      contributionId: 'october',
      kind: 'volunteer_time',
      quantity: 12,
      unit: 'hours',
      date: '2026-10-31',
      commitmentId: tutoring,
    });
    await contribute(api, 'tilleuls', 'club', {
      contributionId: 'spontaneous',
      kind: 'volunteer_time',
      quantity: 3,
      unit: 'hours',
      date: '2026-10-31',
    });
    await api
      .post(
        `/commitments/${tutoring}/fulfilment-claims/contribution-tilleuls--october/confirmation`,
        {},
        sos,
      )
      .expect(200);
    await api.post('/indicators', { ...participation, objectiveId: 'dropout' }, admin).expect(201);
    await api
      .post(
        '/indicators/participation/measurements',
        measurement('participation-q1', '2026-01-01', '2026-03-31', 16),
        admin,
      )
      .expect(201);
  });
  afterAll(() => ledger.close());

  it('refuses (422) an indicator for an objective the partnership does not have open', async () => {
    const response = await api.post(
      '/indicators',
      { ...participation, indicatorId: 'stray', objectiveId: 'nowhere' },
      admin,
    );
    expectProblem(response, 422, 'indicator-objective-not-open');
  });

  it("answers per objective who committed what, what came of it, valued, and its indicators' moves", async () => {
    const chain = (await api.get('/partnerships/tilleuls/results-chain', sos).expect(200))
      .body as PartnershipResultsChainView;
    expect(chain.valuation).toEqual({
      policyId: 'default',
      name: 'Policy default',
      currency: 'EUR',
    });
    expect(chain.objectives).toEqual([
      expect.objectContaining({
        objectiveId: 'dropout',
        title: 'Halve school dropout',
        status: 'open',
        commitments: [
          expect.objectContaining({
            commitmentId: tutoring,
            partnerId: 'club',
            quantity: 40,
            unit: 'hours',
            status: 'in_progress',
            dueDate: DUE_DATE,
            delivered: 12,
            confirmedClaims: 1,
            contributed: expect.objectContaining({
              contributions: 1,
              valueCents: 24000,
            }) as unknown,
          }),
        ],
        contributed: expect.objectContaining({ contributions: 1, valueCents: 24000 }) as unknown,
        indicators: [
          expect.objectContaining({
            indicatorId: 'participation',
            baseline: { value: 12, date: '2026-01-01' },
            target: { value: 20, date: '2028-12-31' },
            latest: expect.objectContaining({ value: 16 }) as unknown,
            progress: 0.5,
          }),
        ],
      }),
    ]);
    const one = await api
      .get('/partnerships/tilleuls/objectives/dropout/results', club)
      .expect(200);
    expect(one.body).toEqual(
      expect.objectContaining({ partnershipId: 'tilleuls', objectiveId: 'dropout' }),
    );
  });

  it('answers a partner what its contributions went toward', async () => {
    const report = (await api.get('/partners/club/results-chain', club).expect(200))
      .body as PartnerResultsChainView;
    expect(report.totals).toEqual(expect.objectContaining({ contributions: 2, valueCents: 30000 }));
    expect(report.partnerships).toEqual([
      expect.objectContaining({
        partnershipId: 'tilleuls',
        objectives: [
          expect.objectContaining({
            objectiveId: 'dropout',
            commitmentIds: [tutoring],
            contributed: expect.objectContaining({
              contributions: 1,
              valueCents: 24000,
            }) as unknown,
          }),
        ],
        unlinked: expect.objectContaining({ contributions: 1, valueCents: 6000 }) as unknown,
      }),
    ]);
  });

  it.each([
    ['an unknown partnership', '/partnerships/nowhere/results-chain', admin],
    ['another partnership (concealed)', '/partnerships/tilleuls/results-chain', outsider],
    ['an unknown objective', '/partnerships/tilleuls/objectives/nothing/results', admin],
    [
      'an objective of another partnership',
      '/partnerships/tilleuls/objectives/dropout/results',
      outsider,
    ],
    ['an unknown partner', '/partners/nobody/results-chain', admin],
    ["another partner's report (concealed)", '/partners/club/results-chain', sos],
    ['an unknown policy', '/partnerships/tilleuls/results-chain?policyId=nothing', admin],
  ])('answers 404 (problem+json) for %s', async (_case, path, as) => {
    expectProblem(await api.get(path, as), 404, 'not-found');
  });

  it('exports the chain as CSV, one record per commitment and indicator of each objective', async () => {
    const response = await api
      .get('/exports/results-chain.csv?partnershipId=tilleuls', sos)
      .expect(200);
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="results-chain-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const rows = csvObjects(response.text);
    expect(rows).toEqual([
      expect.objectContaining({
        objectiveId: 'dropout',
        link: 'commitment',
        commitmentId: tutoring,
        delivered: '12',
        contributions: '1',
        contributedValueCents: '24000',
      }),
      expect.objectContaining({
        objectiveId: 'dropout',
        link: 'indicator',
        indicatorId: 'participation',
        progress: '0.5',
      }),
    ]);
    expectProblem(
      await api.get('/exports/results-chain.csv?partnershipId=tilleuls', outsider),
      404,
      'not-found',
    );
  });
});
