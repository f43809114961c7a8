import type { CommandMetadata } from '../decider';
import type { PartnershipFacts } from '../partnership/partnership.state';
import { commandsOf, deciderSpecification, eventsOf } from '../testing';
import type { IndicatorCommand } from './indicator.commands';
import { indicatorDecider } from './indicator.decider';
import type { IndicatorEvent } from './indicator.events';

const metadata: CommandMetadata = {
  actor: { sub: 'evaluator-1', partnerId: 'city', roles: ['partner'] },
  now: '2026-11-27T10:00:00.000Z',
};
const indicatorId = 'part-rate';
const partnershipId = 'youth-2026';
const spec = deciderSpecification(indicatorDecider);

const command = commandsOf<IndicatorCommand>(metadata);
const event = eventsOf<IndicatorEvent>();

const openPartnership: PartnershipFacts = {
  partnershipId,
  status: 'active',
  memberIds: ['city', 'ngo-1'],
  openObjectiveIds: ['o1'],
};

type Definition = Extract<IndicatorEvent, { type: 'IndicatorDefined' }>['data'];
const definition: Definition = {
  indicatorId,
  partnershipId,
  code: 'PART-RATE',
  name: 'Resident participation rate',
  unit: { kind: 'percent' },
  baseline: { value: 12, date: '2026-01-01' },
  target: { value: 25, date: '2028-12-31' },
  direction: 'up',
  frequency: 'quarterly',
  dimensions: ['neighbourhood', 'age_group'],
};
const defined = event('IndicatorDefined', definition);
const define = (changes: Partial<Definition> = {}, partnership = openPartnership) => ({
  ...command('DefineIndicator', { ...definition, ...changes }),
  partnership,
});

type MeasurementData = Extract<IndicatorEvent, { type: 'MeasurementRecorded' }>['data'];
const q1: MeasurementData = {
  indicatorId,
  measurementId: 'm-2026-q1',
  period: { from: '2026-01-01', to: '2026-03-31' },
  value: 14,
  disaggregation: [
    { dimensions: { neighbourhood: 'Les Tilleuls', age_group: '15-24' }, value: 9 },
    { dimensions: { neighbourhood: 'Les Tilleuls', age_group: '25-64' }, value: 17.5 },
  ],
  source: 'Resident panel survey',
  meansOfVerification: 'Survey report 2026-Q1, published on the partnership site',
};
const recordedQ1 = event('MeasurementRecorded', q1);
const record = (changes: Partial<MeasurementData> = {}) =>
  command('RecordMeasurement', { ...q1, ...changes });

type CorrectionData = Extract<IndicatorEvent, { type: 'MeasurementCorrected' }>['data'];
const correct = (changes: Partial<CorrectionData> = {}) =>
  command('CorrectMeasurement', {
    indicatorId,
    measurementId: q1.measurementId,
    value: 15,
    reason: 'Two survey sheets were entered twice',
    ...changes,
  });
const retired = event('IndicatorRetired', { indicatorId, reason: 'Replaced by PART-RATE-2' });

describe('Indicator decider', () => {
  describe('defining', () => {
    it('defines an indicator for an open partnership', () => {
      spec.given([]).when(define()).then([defined]);
      spec
        .given([])
        .when(define({}, { ...openPartnership, status: 'founded' }))
        .then([defined]);
    });
    it('refuses to define it twice', () =>
      spec.given([defined]).when(define()).thenThrows('indicator-already-defined'));
    it('refuses any other command on an indicator never defined', () =>
      spec.given([]).when(record()).thenThrows('not-found'));
    it('refuses a partnership that does not exist', () => {
      spec
        .given([])
        .when(define({}, { ...openPartnership, status: 'none' }))
        .thenThrows('indicator-partnership-unknown');
      spec
        .given([])
        .when(define({}, { ...openPartnership, partnershipId: 'another' }))
        .thenThrows('indicator-partnership-unknown');
    });
    it('refuses a partnership that is suspended or closed', () => {
      for (const status of ['suspended', 'closed'] as const) {
        spec
          .given([])
          .when(define({}, { ...openPartnership, status }))
          .thenThrows('indicator-partnership-not-open');
      }
    });
    it('links the indicator to the open objective it measures (the results chain)', () =>
      spec
        .given([])
        .when(define({ objectiveId: 'o1' }))
        .then([event('IndicatorDefined', { ...definition, objectiveId: 'o1' })]));
    it('refuses an objective that is not an open objective of the partnership', () => {
      spec
        .given([])
        .when(define({ objectiveId: 'o2' }))
        .thenThrows('indicator-objective-not-open');
      spec
        .given([])
        .when(define({ objectiveId: 'o1' }, { ...openPartnership, openObjectiveIds: [] }))
        .thenThrows('indicator-objective-not-open');
    });
    it('refuses baseline or target dates that are not calendar dates', () => {
      spec
        .given([])
        .when(define({ baseline: { value: 12, date: '2026-02-30' } }))
        .thenThrows('indicator-date-invalid');
      spec
        .given([])
        .when(define({ target: { value: 25, date: '31/12/2028' } }))
        .thenThrows('indicator-date-invalid');
    });
    it('refuses a likert scale that is not an integer range, min below max', () => {
      for (const scale of [
        { min: 5, max: 1 },
        { min: 1, max: 1 },
        { min: 1, max: 4.5 },
      ]) {
        spec
          .given([])
          .when(define({ unit: { kind: 'likert', scale } }))
          .thenThrows('indicator-likert-scale-invalid');
      }
    });
    it('refuses a baseline or target that does not fit the unit', () => {
      const cases: Partial<Definition>[] = [
        { target: { value: 120, date: '2028-12-31' } },
        { baseline: { value: -1, date: '2026-01-01' } },
        { unit: { kind: 'count' }, baseline: { value: 2.5, date: '2026-01-01' } },
        { unit: { kind: 'count' }, target: { value: -3, date: '2028-12-31' } },
        { unit: { kind: 'ratio' }, baseline: { value: -0.1, date: '2026-01-01' } },
        {
          unit: { kind: 'likert', scale: { min: 1, max: 5 } },
          target: { value: 6, date: '2028-12-31' },
        },
        { baseline: { value: Number.NaN, date: '2026-01-01' } },
      ];
      for (const changes of cases) {
        spec.given([]).when(define(changes)).thenThrows('indicator-value-out-of-range');
      }
    });
    it('accepts values at the bounds of their unit', () => {
      const withBounds = {
        unit: { kind: 'likert', scale: { min: 1, max: 5 } },
        baseline: { value: 1, date: '2026-01-01' },
        target: { value: 5, date: '2028-12-31' },
      } as const;
      spec
        .given([])
        .when(define(withBounds))
        .then([event('IndicatorDefined', { ...definition, ...withBounds })]);
    });
    it('refuses a target date that is not after the baseline date', () => {
      for (const date of ['2026-01-01', '2025-12-31']) {
        spec
          .given([])
          .when(define({ target: { value: 25, date } }))
          .thenThrows('indicator-target-not-after-baseline');
      }
    });
    it('refuses an upward indicator whose target is not above its baseline', () => {
      for (const value of [12, 10]) {
        spec
          .given([])
          .when(define({ direction: 'up', target: { value, date: '2028-12-31' } }))
          .thenThrows('indicator-direction-inconsistent');
      }
    });
    it('refuses a downward indicator whose target is not below its baseline', () => {
      for (const value of [12, 25]) {
        spec
          .given([])
          .when(define({ direction: 'down', target: { value, date: '2028-12-31' } }))
          .thenThrows('indicator-direction-inconsistent');
      }
    });
    it('accepts a downward indicator whose target is below its baseline', () => {
      const down = { direction: 'down', target: { value: 8, date: '2028-12-31' } } as const;
      spec
        .given([])
        .when(define(down))
        .then([event('IndicatorDefined', { ...definition, ...down })]);
    });
    it('refuses dimensions that are blank or repeated', () => {
      for (const dimensions of [
        ['neighbourhood', 'neighbourhood'],
        ['neighbourhood', ' '],
      ]) {
        spec.given([]).when(define({ dimensions })).thenThrows('indicator-dimensions-invalid');
      }
    });
  });

  describe('measuring', () => {
    it('records a measurement for a period, broken down along its dimensions', () =>
      spec.given([defined]).when(record()).then([recordedQ1]));
    it('records a measurement without a breakdown', () => {
      const total = { ...q1, disaggregation: [] };
      spec
        .given([defined])
        .when(record(total))
        .then([event('MeasurementRecorded', total)]);
    });
    it('records the next, adjacent period', () => {
      const q2 = {
        ...q1,
        measurementId: 'm-2026-q2',
        period: { from: '2026-04-01', to: '2026-06-30' },
      };
      spec
        .given([defined, recordedQ1])
        .when(record(q2))
        .then([event('MeasurementRecorded', q2)]);
    });
    it('records a period that ends today, by the command clock', () => {
      const november = { ...q1, period: { from: '2026-11-01', to: '2026-11-27' } };
      spec
        .given([defined])
        .when(record(november))
        .then([event('MeasurementRecorded', november)]);
    });
    it('refuses a measurement id used before', () =>
      spec
        .given([defined, recordedQ1])
        .when(record({ period: { from: '2026-04-01', to: '2026-06-30' } }))
        .thenThrows('indicator-measurement-already-recorded'));
    it('refuses a second measurement for the same period: that is a correction', () =>
      spec
        .given([defined, recordedQ1])
        .when(record({ measurementId: 'm-again' }))
        .thenThrows('indicator-period-already-measured'));
    it('refuses a period that overlaps a measured one', () =>
      spec
        .given([defined, recordedQ1])
        .when(record({ measurementId: 'm-feb', period: { from: '2026-02-01', to: '2026-04-30' } }))
        .thenThrows('indicator-period-overlaps'));
    it('refuses a period that ends before it starts', () =>
      spec
        .given([defined])
        .when(record({ period: { from: '2026-03-31', to: '2026-01-01' } }))
        .thenThrows('indicator-period-invalid'));
    it('refuses period bounds that are not calendar dates', () =>
      spec
        .given([defined])
        .when(record({ period: { from: '2026-Q1', to: '2026-03-31' } }))
        .thenThrows('indicator-date-invalid'));
    it('refuses a period that is not over yet', () =>
      spec
        .given([defined])
        .when(record({ period: { from: '2026-10-01', to: '2026-12-31' } }))
        .thenThrows('indicator-period-in-the-future'));
    it('refuses a value that does not fit the unit', () =>
      spec
        .given([defined])
        .when(record({ value: 101 }))
        .thenThrows('indicator-value-out-of-range'));
    it('refuses a breakdown along a dimension the indicator does not have', () =>
      spec
        .given([defined])
        .when(record({ disaggregation: [{ dimensions: { gender: 'f' }, value: 10 }] }))
        .thenThrows('indicator-dimension-unknown'));
    it('refuses a breakdown cell with no dimension, a blank one, or a repeated cell', () => {
      const cell = { dimensions: { neighbourhood: 'Les Tilleuls' }, value: 10 };
      for (const disaggregation of [
        [{ dimensions: {}, value: 10 }],
        [{ dimensions: { neighbourhood: '' }, value: 10 }],
        [cell, { ...cell, value: 11 }],
      ]) {
        spec
          .given([defined])
          .when(record({ disaggregation }))
          .thenThrows('indicator-disaggregation-invalid');
      }
    });
    it('refuses a breakdown value that does not fit the unit', () =>
      spec
        .given([defined])
        .when(record({ disaggregation: [{ dimensions: { age_group: '15-24' }, value: -5 }] }))
        .thenThrows('indicator-value-out-of-range'));
  });

  describe('correcting', () => {
    it('corrects the value of a recorded measurement, with a reason', () => {
      const correction = correct();
      spec
        .given([defined, recordedQ1])
        .when(correction)
        .then([{ type: 'MeasurementCorrected', data: correction.data }]);
    });
    it('corrects the breakdown alone, and corrects a correction', () => {
      const breakdown = [{ dimensions: { neighbourhood: 'Les Tilleuls' }, value: 14 }];
      const correction = correct({ value: 14, disaggregation: breakdown });
      spec
        .given([defined, recordedQ1])
        .when(correction)
        .then([{ type: 'MeasurementCorrected', data: correction.data }]);
      const again = correct({ value: 14.5, reason: 'Late returns counted' });
      spec
        .given([defined, recordedQ1, { type: 'MeasurementCorrected', data: correct().data }])
        .when(again)
        .then([{ type: 'MeasurementCorrected', data: again.data }]);
    });
    it('refuses to correct a measurement that was never recorded', () =>
      spec
        .given([defined])
        .when(correct({ measurementId: 'm-unknown' }))
        .thenThrows('indicator-measurement-unknown'));
    it('refuses a correction without a reason', () =>
      spec
        .given([defined, recordedQ1])
        .when(correct({ reason: '  ' }))
        .thenThrows('indicator-reason-required'));
    it('refuses a corrected value that does not fit the unit', () =>
      spec
        .given([defined, recordedQ1])
        .when(correct({ value: 140 }))
        .thenThrows('indicator-value-out-of-range'));
    it('refuses a corrected breakdown along an unknown dimension', () =>
      spec
        .given([defined, recordedQ1])
        .when(correct({ disaggregation: [{ dimensions: { gender: 'f' }, value: 10 }] }))
        .thenThrows('indicator-dimension-unknown'));
    it('refuses a correction that changes nothing', () => {
      spec
        .given([defined, recordedQ1])
        .when(correct({ value: q1.value }))
        .thenThrows('indicator-correction-changes-nothing');
      spec
        .given([defined, recordedQ1])
        .when(correct({ value: q1.value, disaggregation: [...q1.disaggregation].reverse() }))
        .thenThrows('indicator-correction-changes-nothing');
    });
  });

  describe('retiring', () => {
    it('retires an indicator, with a reason', () =>
      spec
        .given([defined, recordedQ1])
        .when(command('RetireIndicator', retired.data))
        .then([retired]));
    it('refuses to retire without a reason', () =>
      spec
        .given([defined])
        .when(command('RetireIndicator', { indicatorId, reason: '' }))
        .thenThrows('indicator-reason-required'));
    it('accepts nothing new once retired', () => {
      for (const next of [
        record({ measurementId: 'm-2026-q2', period: { from: '2026-04-01', to: '2026-06-30' } }),
        correct(),
        command('RetireIndicator', retired.data),
      ]) {
        spec.given([defined, recordedQ1, retired]).when(next).thenThrows('indicator-retired');
      }
    });
  });

  describe('state', () => {
    it('folds the definition, the current value of each measurement and the retirement', () => {
      let state = indicatorDecider.initialState();
      const events: IndicatorEvent[] = [
        defined,
        recordedQ1,
        { type: 'MeasurementCorrected', data: correct().data },
        retired,
      ];
      for (const next of events) state = indicatorDecider.evolve(state, next);
      expect(state).toMatchObject({
        status: 'retired',
        indicatorId,
        definition: { partnershipId, code: 'PART-RATE', direction: 'up' },
        retirementReason: 'Replaced by PART-RATE-2',
      });
      expect(state.measurements[q1.measurementId]).toEqual({
        period: q1.period,
        value: 15,
        disaggregation: q1.disaggregation,
        source: q1.source,
        meansOfVerification: q1.meansOfVerification,
        corrections: 1,
      });
      expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    });
  });
});
