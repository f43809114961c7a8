import type {
  FeedbackView,
  IndicatorDetailView,
  IndicatorView,
  PartnershipImpactView,
} from '@cohesion/projections';
import { foundPartnership, measurement, seedIndicators } from '../support/indicators-fixtures';
import { startTestLedger, type TestLedger } from '../support/ledger-app';
import {
  expectProblem,
  type LedgerClient,
  ledgerClient,
  partner,
  type Principal,
} from '../support/ledger-client';

interface Page<T> {
  items: T[];
  next: string | null;
}

describe('impact read model through HTTP', () => {
  let ledger: TestLedger;
  let api: LedgerClient;
  const seeds = seedIndicators('northside');
  // Indicators are managed by administrators: the city's officer is one, and acts for the city.
  const city: Principal = { ...partner('city'), roles: ['partner', 'admin'] };
  const resident: Principal = { sub: 'resident-42' };
  const contact = {
    name: 'Amina Belkacem',
    email: 'amina@example.org',
    phone: '+33 6 12 34 56 78',
  };

  const get = async <T>(path: string) => (await api.get(path).expect(200)).body as T;

  beforeAll(async () => {
    ledger = await startTestLedger();
    api = ledgerClient(ledger);
    await foundPartnership(api, 'northside');
    await foundPartnership(api, 'southside');
    for (const seed of Object.values(seeds)) await api.post('/indicators', seed, city).expect(201);
    await api
      .post('/indicators', { ...seedIndicators('southside').safety, indicatorId: 'south-safety' })
      .expect(201);
    // Q3 is entered before Q2: the latest follows the periods, not the order of entry.
    for (const quarter of [
      measurement('q1', '2026-01-01', '2026-03-31', 13),
      measurement('q3', '2026-07-01', '2026-09-30', 15, [
        { dimensions: { neighbourhood: 'Les Tilleuls' }, value: 13 },
        { dimensions: { neighbourhood: 'La Source' }, value: 17 },
      ]),
      measurement('q2', '2026-04-01', '2026-06-30', 14),
    ]) {
      await api.post('/indicators/participation/measurements', quarter, city).expect(201);
    }
    await api
      .post(
        '/indicators/participation/measurements/q3/corrections',
        {
          value: 16,
          disaggregation: [
            { dimensions: { neighbourhood: 'Les Tilleuls' }, value: 14 },
            { dimensions: { neighbourhood: 'La Source' }, value: 18 },
          ],
          reason: 'Two survey batches of La Source had been left out',
        },
        city,
      )
      .expect(201);
    await api
      .post(
        '/indicators/inequality/measurements',
        measurement('gap-h1', '2026-01-01', '2026-06-30', 1.65),
      )
      .expect(201);
    await api
      .post('/indicators/safety/retirement', { reason: 'Replaced by the city-wide index' })
      .expect(200);
  });
  afterAll(() => ledger.close());

  describe('indicators', () => {
    it('lists the indicators of a partnership with their latest corrected value and progress', async () => {
      const page = await get<Page<IndicatorView>>('/indicators?partnershipId=northside');
      expect(page.next).toBeNull();
      expect(page.items.map((item) => [item.indicatorId, item.status, item.progress])).toEqual([
        ['belonging', 'defined', null],
        ['inequality', 'defined', expect.closeTo(0.25) as unknown],
        ['participation', 'defined', 0.5],
        ['safety', 'retired', null],
      ]);
      expect(page.items[2]).toMatchObject({
        code: 'PART-RATE',
        baseline: { value: 12, date: '2026-01-01' },
        target: { value: 20, date: '2028-12-31' },
        direction: 'up',
        measurements: 3,
        latest: { measurementId: 'q3', value: 16, corrections: 1 },
      });
    });

    it('filters by status and pages with cursors', async () => {
      const retired = await get<Page<IndicatorView>>('/indicators?status=retired');
      expect(retired.items.map((item) => item.indicatorId)).toEqual(['safety']);
      const first = await get<Page<IndicatorView>>('/indicators?limit=3');
      expect(first.items.map((item) => item.indicatorId)).toEqual([
        'belonging',
        'inequality',
        'participation',
      ]);
      expect(first.next).toEqual(expect.any(String));
      const second = await get<Page<IndicatorView>>(
        `/indicators?limit=3&cursor=${first.next ?? ''}`,
      );
      expect(second).toEqual({
        items: [
          expect.objectContaining({ indicatorId: 'safety' }),
          expect.objectContaining({ indicatorId: 'south-safety', partnershipId: 'southside' }),
        ],
        next: null,
      });
    });

    it('answers an indicator with its measurements over time, breakdowns and every corrected value', async () => {
      const detail = await get<IndicatorDetailView>('/indicators/participation');
      expect(detail).toMatchObject({ indicatorId: 'participation', progress: 0.5, revision: '4' });
      expect(
        detail.series.map((m) => [m.measurementId, m.period.from, m.value, m.progress]),
      ).toEqual([
        ['q1', '2026-01-01', 13, 0.125],
        ['q2', '2026-04-01', 14, 0.25],
        ['q3', '2026-07-01', 16, 0.5],
      ]);
      const q3 = detail.series[2];
      expect(q3.disaggregation).toEqual([
        { dimensions: { neighbourhood: 'Les Tilleuls' }, value: 14, progress: 0.25 },
        { dimensions: { neighbourhood: 'La Source' }, value: 18, progress: 0.75 },
      ]);
      expect(
        q3.history.map(({ version, value, reason, recordedBy }) => ({
          version,
          value,
          reason,
          recordedBy,
        })),
      ).toEqual([
        { version: 0, value: 15, reason: null, recordedBy: city.sub },
        {
          version: 1,
          value: 16,
          reason: 'Two survey batches of La Source had been left out',
          recordedBy: city.sub,
        },
      ]);
      expect(q3.history[0].disaggregation.map((cell) => cell.value)).toEqual([13, 17]);
    });

    it('measures progress correctly when the target is below the baseline', async () => {
      const inequality = await get<IndicatorDetailView>('/indicators/inequality');
      expect(inequality).toMatchObject({
        direction: 'down',
        baseline: { value: 1.8 },
        target: { value: 1.2 },
        latest: { value: 1.65 },
      });
      expect(inequality.progress).toBeCloseTo(0.25);
    });

    it('serves the progress answer from the read model, in its usual shape', async () => {
      const progress = await get<Record<string, unknown>>('/indicators/participation/progress');
      expect(progress).toMatchObject({
        progress: 0.5,
        measurements: 3,
        revision: '4',
        latest: { measurementId: 'q3', value: 16, corrections: 1 },
      });
      expect(progress.latest).not.toHaveProperty('history');
    });

    it('answers 404 for an indicator never defined and 400 for bad parameters', async () => {
      expectProblem(await api.get('/indicators/nowhere'), 404, 'not-found');
      expectProblem(await api.get('/indicators?status=archived'), 400, 'bad-request');
      expectProblem(await api.get('/indicators?limit=0'), 400, 'bad-request');
      expectProblem(await api.get('/indicators?cursor=not-a-cursor'), 400, 'bad-request');
      expectProblem(await api.get('/indicators?partnershipId=a%20b'), 400, 'bad-request');
      expectProblem(await api.get('/indicators?colour=blue'), 400, 'bad-request');
      // A cursor of another list does not fit this one.
      const feedbackCursor = Buffer.from(JSON.stringify([12])).toString('base64url');
      expectProblem(await api.get(`/indicators?cursor=${feedbackCursor}`), 400, 'bad-request');
    });
  });

  describe('feedback', () => {
    beforeAll(async () => {
      const submit = (feedbackId: string, changes: object = {}) =>
        api
          .post(
            '/feedback',
            {
              feedbackId,
              partnershipId: 'northside',
              subject: { kind: 'partnership' },
              text: 'Please keep the childcare corner.',
              channel: 'web',
              submitterCategory: 'resident',
              ...changes,
            },
            resident,
          )
          .expect(201);
      await submit('childcare', { rating: 4, contact });
      await submit('benches', { channel: 'paper', rating: 5 });
      await submit('noise', {
        channel: 'phone',
        rating: 1,
        submitterCategory: 'stakeholder',
        contact: { phone: contact.phone },
      });
      await submit('tutoring', { submitterCategory: 'partner' });
      await submit('south', { partnershipId: 'southside', rating: 3 });
      await api.post('/feedback/northside--childcare/acknowledgement', {}, city).expect(200);
      await api
        .post(
          '/feedback/northside--childcare/action',
          {
            action: 'Childcare at every evening meeting',
            references: [{ kind: 'meeting', id: 'evening-2026-12' }],
          },
          city,
        )
        .expect(200);
      await api
        .post('/feedback/northside--benches/action', { action: 'Two benches ordered' }, city)
        .expect(200);
      await api.post('/feedback/northside--noise/acknowledgement', {}, city).expect(200);
    });

    it('lists feedback in the order received, and never the contact details of who gave it', async () => {
      const response = await api.get('/feedback?partnershipId=northside').expect(200);
      const page = response.body as Page<FeedbackView>;
      expect(page.items.map((item) => [item.feedbackId, item.status, item.hasContact])).toEqual([
        ['northside--childcare', 'acted_on', true],
        ['northside--benches', 'acted_on', false],
        ['northside--noise', 'acknowledged', true],
        ['northside--tutoring', 'submitted', false],
      ]);
      expect(page.items[0]).toMatchObject({
        rating: 4,
        channel: 'web',
        submitterCategory: 'resident',
        acknowledged: { by: city.sub },
        actedOn: {
          by: city.sub,
          action: 'Childcare at every evening meeting',
          references: [{ kind: 'meeting', id: 'evening-2026-12' }],
        },
      });
      for (const item of page.items) expect(item).not.toHaveProperty('contact');
      expect(response.text).not.toMatch(/Amina|amina@example\.org|12 34 56 78/);
    });

    it('filters feedback and pages it with cursors', async () => {
      const ids = async (query: string) =>
        (await get<Page<FeedbackView>>(`/feedback?${query}`)).items.map((item) => item.feedbackId);
      expect(await ids('status=acted_on')).toEqual(['northside--childcare', 'northside--benches']);
      expect(await ids('channel=phone')).toEqual(['northside--noise']);
      expect(await ids('submitterCategory=partner')).toEqual(['northside--tutoring']);
      expect(await ids('subjectKind=partnership&partnershipId=southside')).toEqual([
        'southside--south',
      ]);
      const first = await get<Page<FeedbackView>>('/feedback?limit=2');
      expect(first.items.map((item) => item.feedbackId)).toEqual([
        'northside--childcare',
        'northside--benches',
      ]);
      expect(await ids(`limit=2&cursor=${first.next ?? ''}`)).toEqual([
        'northside--noise',
        'northside--tutoring',
      ]);
      expectProblem(await api.get('/feedback?status=read'), 400, 'bad-request');
      expectProblem(await api.get('/feedback?contact=x'), 400, 'bad-request');
    });

    it("summarises a partnership's indicators and feedback", async () => {
      const impact = await get<PartnershipImpactView>('/partnerships/northside/impact');
      expect(impact.indicators).toMatchObject({ total: 4, defined: 3, retired: 1, measured: 2 });
      expect(impact.indicators.items.map((item) => item.indicatorId)).toEqual([
        'belonging',
        'inequality',
        'participation',
        'safety',
      ]);
      expect(impact.feedback).toEqual({
        received: 4,
        byStatus: { submitted: 1, acknowledged: 1, acted_on: 2 },
        byChannel: { web: 2, phone: 1, in_person: 0, paper: 1, social_media: 0, other: 0 },
        byCategory: { resident: 2, partner: 1, stakeholder: 1 },
        ratings: { '1': 1, '2': 0, '3': 0, '4': 1, '5': 1 },
        rated: 3,
        averageRating: 10 / 3,
        actedOn: 2,
        actedOnRatio: 0.5,
      });
      expect(JSON.stringify(impact)).not.toMatch(/Amina|amina@example\.org/);
    });

    it('answers 404 for the impact of a partnership never founded', async () => {
      expectProblem(await api.get('/partnerships/nowhere/impact'), 404, 'not-found');
    });
  });
});
