import type { IndicatorProgressView } from '@cohesion/application';
import { foundPartnership, measurement, seedIndicators } from '../support/indicators-fixtures';
import { startTestLedger, type TestLedger } from '../support/ledger-app';
import {
  admin,
  expectProblem,
  type LedgerClient,
  ledgerClient,
  partner,
  type Principal,
} from '../support/ledger-client';

describe('indicators through HTTP', () => {
  let ledger: TestLedger;
  let api: LedgerClient;
  const seeds = seedIndicators('northside');
  // Indicators are managed by administrators: the city's officer is one, and acts for the city.
  const city: Principal = { ...partner('city'), roles: ['partner', 'admin'] };

  beforeAll(async () => {
    ledger = await startTestLedger();
    api = ledgerClient(ledger);
    await foundPartnership(api, 'northside');
  });
  afterAll(() => ledger.close());

  const progressOf = async (indicatorId: string) =>
    (await api.get(`/indicators/${indicatorId}/progress`).expect(200))
      .body as IndicatorProgressView;

  describe('the four seed indicators', () => {
    it('are defined, measured over several periods with breakdowns, corrected and one retired', async () => {
      for (const seed of Object.values(seeds)) {
        const defined = await api.post('/indicators', seed, city).expect(201);
        expect(defined.body).toEqual({
          id: seed.indicatorId,
          stream: `indicator-${seed.indicatorId}`,
          revision: '0',
          position: expect.stringMatching(/^\d+$/) as unknown,
          events: ['IndicatorDefined'],
        });
      }

      // Q3 is entered before Q2: "latest" follows the periods, not the order of entry.
      const quarters = [
        measurement('participation-2026-q1', '2026-01-01', '2026-03-31', 13, [
          { dimensions: { neighbourhood: 'Les Tilleuls' }, value: 11 },
          { dimensions: { neighbourhood: 'La Source' }, value: 15 },
        ]),
        measurement('participation-2026-q3', '2026-07-01', '2026-09-30', 15, [
          { dimensions: { neighbourhood: 'Les Tilleuls' }, value: 13 },
          { dimensions: { neighbourhood: 'La Source' }, value: 17 },
        ]),
        measurement('participation-2026-q2', '2026-04-01', '2026-06-30', 14, [
          { dimensions: { neighbourhood: 'Les Tilleuls', age_group: '15-24' }, value: 9 },
          { dimensions: { neighbourhood: 'Les Tilleuls', age_group: '65+' }, value: 16 },
          { dimensions: { age_group: '25-64' }, value: 14 },
        ]),
      ];
      for (const quarter of quarters) {
        const recorded = await api.post('/indicators/participation/measurements', quarter, city);
        expect(recorded.status).toBe(201);
        expect(recorded.body).toMatchObject({ events: ['MeasurementRecorded'] });
      }
      await api
        .post(
          '/indicators/belonging/measurements',
          measurement('belonging-2026-h1', '2026-01-01', '2026-06-30', 3.2, [
            { dimensions: { age_group: '15-24' }, value: 2.9 },
            { dimensions: { age_group: '65+' }, value: 3.7 },
          ]),
        )
        .expect(201);
      await api
        .post(
          '/indicators/inequality/measurements',
          measurement('inequality-2026-h1', '2026-01-01', '2026-06-30', 1.65, [
            { dimensions: { neighbourhood: 'Les Tilleuls' }, value: 1.7 },
            { dimensions: { neighbourhood: 'La Source' }, value: 1.6 },
          ]),
        )
        .expect(201);
      const { measurementId: _generated, ...withoutId } = measurement(
        '',
        '2026-01-01',
        '2026-06-30',
        51,
      );
      await api.post('/indicators/safety/measurements', withoutId).expect(201);

      const corrected = await api
        .post(
          '/indicators/participation/measurements/participation-2026-q3/corrections',
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
      expect(corrected.body).toMatchObject({
        stream: 'indicator-participation',
        revision: '4',
        events: ['MeasurementCorrected'],
      });
      const retired = await api
        .post('/indicators/safety/retirement', { reason: 'Replaced by the city-wide safety index' })
        .expect(200);
      expect(retired.body).toMatchObject({ revision: '2', events: ['IndicatorRetired'] });

      const participation = await progressOf('participation');
      expect(participation).toEqual({
        indicatorId: 'participation',
        partnershipId: 'northside',
        code: 'PART-RATE',
        name: 'Resident participation rate',
        status: 'defined',
        unit: { kind: 'percent' },
        direction: 'up',
        baseline: { value: 12, date: '2026-01-01' },
        target: { value: 20, date: '2028-12-31' },
        latest: {
          measurementId: 'participation-2026-q3',
          period: { from: '2026-07-01', to: '2026-09-30' },
          value: 16,
          corrections: 1,
          source: 'Resident survey',
          meansOfVerification: 'Survey dataset and report, archived by the city',
          disaggregation: [
            { dimensions: { neighbourhood: 'Les Tilleuls' }, value: 14, progress: 0.25 },
            { dimensions: { neighbourhood: 'La Source' }, value: 18, progress: 0.75 },
          ],
        },
        progress: 0.5,
        measurements: 3,
        revision: '4',
      });

      const belonging = await progressOf('belonging');
      expect(belonging).toMatchObject({
        unit: { kind: 'likert', scale: { min: 1, max: 5 } },
        latest: { value: 3.2, corrections: 0 },
      });
      expect(belonging.progress).toBeCloseTo(0.5);

      // Desired direction down: the gap shrinking from 1.8 to 1.65 is progress, not regress.
      const inequality = await progressOf('inequality');
      expect(inequality).toMatchObject({ direction: 'down', latest: { value: 1.65 } });
      expect(inequality.progress).toBeCloseTo(0.25);
      expect(inequality.latest?.disaggregation.map((cell) => cell.progress)).toEqual([
        expect.closeTo(1 / 6) as unknown,
        expect.closeTo(1 / 3) as unknown,
      ]);

      const safety = await progressOf('safety');
      expect(safety).toMatchObject({ status: 'retired', latest: { value: 51 }, revision: '2' });
      expect(safety.progress).toBeCloseTo(0.25);
      expect(safety.latest?.measurementId).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('keeps the first value of a corrected measurement in the log, and the actor of each event', async () => {
      const state = await api.get('/streams/indicator-participation/state').expect(200);
      expect(state.body).toMatchObject({
        revision: '4',
        state: {
          status: 'defined',
          measurements: {
            'participation-2026-q1': { value: 13, corrections: 0 },
            'participation-2026-q3': { value: 16, corrections: 1 },
          },
        },
      });
      const log = await api.get('/streams/indicator-participation/events').expect(200);
      const events = (
        log.body as {
          events: { type: string; data: { value?: number }; metadata: { actor: object } }[];
        }
      ).events;
      expect(events.map((event) => event.type)).toEqual([
        'IndicatorDefined',
        'MeasurementRecorded',
        'MeasurementRecorded',
        'MeasurementRecorded',
        'MeasurementCorrected',
      ]);
      expect(events[2].data.value).toBe(15);
      expect(events[4].metadata.actor).toEqual({
        sub: city.sub,
        partnerId: 'city',
        roles: ['partner', 'admin'],
      });
    });

    it('answers progress before the first measurement with nulls', async () => {
      await api
        .post('/indicators', { ...seeds.safety, indicatorId: 'safety-2027', code: 'SAFE-27' })
        .expect(201);
      expect(await progressOf('safety-2027')).toMatchObject({
        latest: null,
        progress: null,
        measurements: 0,
        revision: '0',
      });
    });

    it('records a measurement retried with the same Idempotency-Key once, under the same generated id', async () => {
      await api
        .post('/indicators', { ...seeds.belonging, indicatorId: 'belonging-retry', code: 'B-R' })
        .expect(201);
      const { measurementId: _none, ...body } = measurement('', '2026-01-01', '2026-06-30', 3);
      const key = { 'idempotency-key': 'measure-retry-0001' };
      const before = await api.logSize();
      const first = await api
        .post('/indicators/belonging-retry/measurements', body, admin, key)
        .expect(201);
      const again = await api
        .post('/indicators/belonging-retry/measurements', body, admin, key)
        .expect(201);
      expect(again.body).toEqual(first.body);
      expect(await api.logSize()).toBe(before + 1);
      expect((await progressOf('belonging-retry')).measurements).toBe(1);
    });
  });

  describe('rules', () => {
    const rules = { ...seeds.participation, indicatorId: 'rules', code: 'RULES' };
    const q1 = measurement('rules-q1', '2026-01-01', '2026-03-31', 13, [
      { dimensions: { neighbourhood: 'Les Tilleuls' }, value: 11 },
    ]);

    beforeAll(async () => {
      await api.post('/indicators', rules).expect(201);
      await api.post('/indicators/rules/measurements', q1).expect(201);
      await foundPartnership(api, 'ended', {});
      await api.post('/partnerships/ended/closure', { reason: 'programme ended' }).expect(200);
      await api
        .post('/indicators', { ...rules, indicatorId: 'retired', code: 'RETIRED' })
        .expect(201);
      await api.post('/indicators/retired/measurements', q1).expect(201);
      await api.post('/indicators/retired/retirement', { reason: 'no longer funded' }).expect(200);
    });

    const define = (changes: object) =>
      api.post('/indicators', { ...rules, indicatorId: 'new-one', ...changes });
    const measure = (indicatorId: string, body: object) =>
      api.post(`/indicators/${indicatorId}/measurements`, body);
    const correct = (indicatorId: string, measurementId: string, body: object) =>
      api.post(`/indicators/${indicatorId}/measurements/${measurementId}/corrections`, body);

    it.each<[string, () => ReturnType<LedgerClient['post']>]>([
      ['indicator-already-defined', () => define({ indicatorId: 'rules' })],
      ['indicator-partnership-unknown', () => define({ partnershipId: 'nowhere' })],
      ['indicator-partnership-not-open', () => define({ partnershipId: 'ended' })],
      [
        'indicator-likert-scale-invalid',
        () =>
          define({
            unit: { kind: 'likert', scale: { min: 5, max: 1 } },
            baseline: { value: 2, date: '2026-01-01' },
            target: { value: 3, date: '2027-01-01' },
          }),
      ],
      [
        'indicator-likert-scale-invalid',
        () => define({ unit: { kind: 'likert', scale: { min: 0.5, max: 5 } } }),
      ],
      [
        'indicator-value-out-of-range',
        () => define({ target: { value: 120, date: '2028-12-31' } }),
      ],
      [
        'indicator-value-out-of-range',
        () => define({ unit: { kind: 'count' }, baseline: { value: 2.5, date: '2026-01-01' } }),
      ],
      [
        'indicator-target-not-after-baseline',
        () => define({ target: { value: 20, date: '2025-12-31' } }),
      ],
      ['indicator-direction-inconsistent', () => define({ direction: 'down' })],
      [
        'indicator-dimensions-invalid',
        () => define({ dimensions: ['neighbourhood', 'neighbourhood'] }),
      ],
      ['indicator-dimensions-invalid', () => define({ dimensions: ['  '] })],
      [
        'indicator-measurement-already-recorded',
        () => measure('rules', { ...q1, period: { from: '2026-04-01', to: '2026-06-30' } }),
      ],
      [
        'indicator-period-already-measured',
        () => measure('rules', { ...q1, measurementId: 'again' }),
      ],
      [
        'indicator-period-overlaps',
        () => measure('rules', measurement('overlap', '2026-03-01', '2026-05-31', 14)),
      ],
      [
        'indicator-period-invalid',
        () => measure('rules', measurement('backwards', '2026-06-30', '2026-04-01', 14)),
      ],
      [
        'indicator-period-in-the-future',
        () => measure('rules', measurement('future', '2099-01-01', '2099-03-31', 14)),
      ],
      [
        'indicator-value-out-of-range',
        () => measure('rules', measurement('too-much', '2026-04-01', '2026-06-30', 140)),
      ],
      [
        'indicator-value-out-of-range',
        () =>
          measure(
            'rules',
            measurement('cell-too-much', '2026-04-01', '2026-06-30', 14, [
              { dimensions: { neighbourhood: 'La Source' }, value: -1 },
            ]),
          ),
      ],
      [
        'indicator-dimension-unknown',
        () =>
          measure(
            'rules',
            measurement('gender', '2026-04-01', '2026-06-30', 14, [
              { dimensions: { gender: 'women' }, value: 15 },
            ]),
          ),
      ],
      [
        'indicator-disaggregation-invalid',
        () =>
          measure(
            'rules',
            measurement('empty-cell', '2026-04-01', '2026-06-30', 14, [
              { dimensions: {}, value: 15 },
            ]),
          ),
      ],
      [
        'indicator-disaggregation-invalid',
        () =>
          measure(
            'rules',
            measurement('twice', '2026-04-01', '2026-06-30', 14, [
              { dimensions: { neighbourhood: 'La Source', age_group: '65+' }, value: 15 },
              { dimensions: { age_group: '65+', neighbourhood: 'La Source' }, value: 16 },
            ]),
          ),
      ],
      [
        'indicator-measurement-unknown',
        () => correct('rules', 'ghost', { value: 14, reason: 'typo' }),
      ],
      [
        'indicator-correction-changes-nothing',
        () => correct('rules', 'rules-q1', { value: 13, reason: 'checked again' }),
      ],
      [
        'indicator-reason-required',
        () => correct('rules', 'rules-q1', { value: 14, reason: '  ' }),
      ],
      [
        'indicator-reason-required',
        () => api.post('/indicators/rules/retirement', { reason: ' ' }),
      ],
      [
        'indicator-retired',
        () => measure('retired', measurement('late', '2026-04-01', '2026-06-30', 14)),
      ],
      ['indicator-retired', () => correct('retired', 'rules-q1', { value: 14, reason: 'typo' })],
      ['indicator-retired', () => api.post('/indicators/retired/retirement', { reason: 'twice' })],
    ])('refuses with 422 %s, recording nothing', async (rule, send) => {
      const before = await api.logSize();
      const response = await send();
      expectProblem(response, 422, rule);
      expect((response.body as { rule: string }).rule).toBe(rule);
      expect(await api.logSize()).toBe(before);
    });

    it('answers 404 for an indicator never defined, recording nothing', async () => {
      const before = await api.logSize();
      expectProblem(await measure('nowhere', q1), 404, 'not-found');
      expectProblem(await correct('nowhere', 'q1', { value: 1, reason: 'x' }), 404, 'not-found');
      expectProblem(
        await api.post('/indicators/nowhere/retirement', { reason: 'x' }),
        404,
        'not-found',
      );
      expectProblem(await api.get('/indicators/nowhere/progress'), 404, 'not-found');
      expect(await api.logSize()).toBe(before);
    });
  });

  describe('bad shapes', () => {
    const valid = { ...seeds.participation, indicatorId: 'shapes', code: 'SHAPES' };
    const q = measurement('shapes-q1', '2026-01-01', '2026-03-31', 13);

    beforeAll(() => api.post('/indicators', valid).expect(201));

    const definitions: [string, object][] = [
      ['an unknown unit kind', { unit: { kind: 'stars' } }],
      ['a likert unit without scale', { unit: { kind: 'likert' } }],
      ['a scale on a percent unit', { unit: { kind: 'percent', scale: { min: 1, max: 5 } } }],
      ['a scale that is not an object', { unit: { kind: 'likert', scale: 5 } }],
      ['a null scale', { unit: { kind: 'likert', scale: null } }],
      ['a scale bound as text', { unit: { kind: 'likert', scale: { min: '1', max: 5 } } }],
      [
        'a scale with an unknown field',
        { unit: { kind: 'likert', scale: { min: 1, max: 5, step: 1 } } },
      ],
      ['a unit as text', { unit: 'percent' }],
      ['a unit as a list', { unit: [{ kind: 'percent' }] }],
      ['a null unit', { unit: null }],
      ['a unit with an unknown field', { unit: { kind: 'percent', decimals: 1 } }],
      ['a baseline without value', { baseline: { date: '2026-01-01' } }],
      ['a value as text', { baseline: { value: '12', date: '2026-01-01' } }],
      ['an impossible date', { target: { value: 20, date: '2026-02-30' } }],
      ['a target as a number', { target: 20 }],
      ['an unknown direction', { direction: 'sideways' }],
      ['an unknown frequency', { frequency: 'weekly' }],
      ['dimensions as text', { dimensions: 'neighbourhood' }],
      ['an unknown field', { weight: 2 }],
    ];
    it.each(definitions)(
      'refuses a definition with %s: 400, recording nothing',
      async (_case, changes) => {
        const before = await api.logSize();
        const response = await api.post('/indicators', {
          ...valid,
          indicatorId: 'bad',
          ...changes,
        });
        expectProblem(response, 400, 'bad-request');
        expect((response.body as { errors: string[] }).errors.length).toBeGreaterThan(0);
        expect(await api.logSize()).toBe(before);
      },
    );

    const measurements: [string, object][] = [
      ['no period', { period: undefined }],
      ['a period as text', { period: '2026-Q1' }],
      ['a period ending on a bad date', { period: { from: '2026-01-01', to: '2026-13-01' } }],
      ['a value as text', { value: '13' }],
      ['no source', { source: undefined }],
      ['a breakdown that is not a list', { disaggregation: { neighbourhood: 'La Source' } }],
      ['a null breakdown', { disaggregation: null }],
      ['a cell that is text', { disaggregation: ['La Source'] }],
      ['a cell that is a list', { disaggregation: [[{ dimensions: { a: 'b' }, value: 1 }]] }],
      ['a null cell', { disaggregation: [null] }],
      ['cell dimensions as text', { disaggregation: [{ dimensions: 'La Source', value: 1 }] }],
      ['cell dimensions as a list', { disaggregation: [{ dimensions: ['La Source'], value: 1 }] }],
      [
        'a dimension value as number',
        { disaggregation: [{ dimensions: { age_group: 15 }, value: 1 }] },
      ],
      [
        'a cell without value',
        { disaggregation: [{ dimensions: { neighbourhood: 'La Source' } }] },
      ],
      [
        'a cell with an unknown field',
        { disaggregation: [{ dimensions: { neighbourhood: 'La Source' }, value: 1, weight: 2 }] },
      ],
    ];
    it.each(measurements)(
      'refuses a measurement with %s: 400, recording nothing',
      async (_case, changes) => {
        const before = await api.logSize();
        const response = await api.post('/indicators/shapes/measurements', { ...q, ...changes });
        expectProblem(response, 400, 'bad-request');
        expect(await api.logSize()).toBe(before);
      },
    );

    it.each<[string, object]>([
      ['a null breakdown', { value: 14, reason: 'r', disaggregation: null }],
      ['no value', { reason: 'r' }],
      ['no reason', { value: 14 }],
      ['an unknown field', { value: 14, reason: 'r', correctedBy: 'someone-else' }],
    ])('refuses a correction with %s: 400, recording nothing', async (_case, body) => {
      const before = await api.logSize();
      expectProblem(
        await api.post('/indicators/shapes/measurements/shapes-q1/corrections', body),
        400,
        'bad-request',
      );
      expect(await api.logSize()).toBe(before);
    });

    it('refuses a list as body, and a path id that is not a ledger id', async () => {
      const before = await api.logSize();
      expectProblem(await api.post('/indicators', [valid]), 400, 'bad-request');
      expectProblem(await api.post('/indicators/-shapes/measurements', q), 400, 'bad-request');
      expectProblem(await api.get('/indicators/-shapes/progress'), 400, 'bad-request');
      expect(await api.logSize()).toBe(before);
    });
  });
});
