import {
  acknowledged,
  actedOn,
  corrected,
  defined,
  founded,
  measured,
  project,
  retired,
  submitted,
} from '../testing';
import { impactProjector } from './impact.projector';
import {
  findIndicator,
  findIndicatorDetail,
  listIndicators,
  partnershipImpact,
} from './impact.queries';
import { feedbackSummary, listFeedback } from './impact-feedback.queries';

const Q1: [string, string] = ['2026-01-01', '2026-03-31'];
const Q2: [string, string] = ['2026-04-01', '2026-06-30'];
const Q3: [string, string] = ['2026-07-01', '2026-09-30'];

describe('impact projector', () => {
  describe('indicators', () => {
    it('IndicatorDefined: the definition, no measurement and no progress yet', () => {
      const db = project(impactProjector, [founded, defined('part')]);
      expect(findIndicator(db, 'part')).toEqual({
        indicatorId: 'part',
        partnershipId: 'north',
        code: 'PART',
        name: 'Indicator part',
        status: 'defined',
        unit: { kind: 'percent' },
        direction: 'up',
        frequency: 'quarterly',
        dimensions: ['neighbourhood'],
        baseline: { value: 12, date: '2026-01-01' },
        target: { value: 20, date: '2028-12-31' },
        definedAt: '2026-01-01T09:02:00.000Z',
        retiredAt: null,
        retirementReason: null,
        measurements: 0,
        latest: null,
        progress: null,
        revision: '0',
      });
      expect(findIndicator(db, 'nowhere')).toBeUndefined();
    });

    it('MeasurementRecorded: the latest is the most recent period, whatever the order of entry', () => {
      const db = project(impactProjector, [
        defined('part'),
        measured('part', 'q1', Q1, 13),
        measured('part', 'q3', Q3, 16, { Tilleuls: 14, Source: 18 }),
        measured('part', 'q2', Q2, 14),
      ]);
      const view = findIndicator(db, 'part');
      expect(view).toMatchObject({ measurements: 3, progress: 0.5, revision: '3' });
      expect(view?.latest).toEqual({
        measurementId: 'q3',
        period: { from: '2026-07-01', to: '2026-09-30' },
        value: 16,
        progress: 0.5,
        corrections: 0,
        source: 'Survey',
        meansOfVerification: 'Dataset',
        disaggregation: [
          { dimensions: { neighbourhood: 'Tilleuls' }, value: 14, progress: 0.25 },
          { dimensions: { neighbourhood: 'Source' }, value: 18, progress: 0.75 },
        ],
        recordedAt: '2026-01-01T09:03:00.000Z',
        backfilled: false,
        backfillReason: null,
        correctedAt: null,
      });
    });

    it('is correct for a target below the baseline (desired direction down)', () => {
      const db = project(impactProjector, [
        defined('gap', {
          unit: { kind: 'ratio' },
          baseline: { value: 1.8, date: '2026-01-01' },
          target: { value: 1.2, date: '2030-12-31' },
          direction: 'down',
        }),
        measured('gap', 'h1', Q1, 1.65, { Tilleuls: 1.9 }),
      ]);
      const view = findIndicator(db, 'gap');
      expect(view?.progress).toBeCloseTo(0.25);
      // Worse than the baseline is negative progress, rounded to four decimals like every ratio.
      expect(view?.latest?.disaggregation[0].progress).toBe(-0.1667);
    });

    it('MeasurementCorrected: the corrected value stands and every earlier value is kept', () => {
      const db = project(impactProjector, [
        defined('part'),
        measured('part', 'q1', Q1, 13, { Tilleuls: 11 }),
        corrected('part', 'q1', 14),
        corrected('part', 'q1', 16, { Tilleuls: 15 }),
      ]);
      const detail = findIndicatorDetail(db, 'part');
      expect(detail).toMatchObject({ progress: 0.5, revision: '3' });
      expect(detail?.series).toHaveLength(1);
      const [q1] = detail?.series ?? [];
      expect(q1).toMatchObject({
        value: 16,
        corrections: 2,
        correctedAt: '2026-01-01T09:04:00.000Z',
        disaggregation: [{ dimensions: { neighbourhood: 'Tilleuls' }, value: 15 }],
      });
      expect(
        q1.history.map(({ version, value, reason, recordedBy }) => [
          version,
          value,
          reason,
          recordedBy,
        ]),
      ).toEqual([
        [0, 13, null, 'tester'],
        [1, 14, 'Batch left out', 'city-officer'],
        [2, 16, 'Batch left out', 'city-officer'],
      ]);
      // Without a new breakdown, the breakdown stands.
      expect(q1.history[1].disaggregation).toEqual([
        { dimensions: { neighbourhood: 'Tilleuls' }, value: 11, progress: -0.125 },
      ]);
    });

    it('IndicatorRetired: retired, with its reason, and its measurements kept', () => {
      const db = project(impactProjector, [
        defined('safety'),
        measured('safety', 'h1', Q1, 16),
        retired('safety'),
      ]);
      expect(findIndicator(db, 'safety')).toMatchObject({
        status: 'retired',
        retirementReason: 'Replaced',
        retiredAt: '2026-01-01T09:03:00.000Z',
        measurements: 1,
        progress: 0.5,
        revision: '2',
      });
    });

    it('findIndicatorDetail: the series in period order', () => {
      const db = project(impactProjector, [
        defined('part'),
        measured('part', 'q3', Q3, 16),
        measured('part', 'q1', Q1, 13),
        measured('part', 'q2', Q2, 14),
      ]);
      expect(findIndicatorDetail(db, 'part')?.series.map((m) => m.measurementId)).toEqual([
        'q1',
        'q2',
        'q3',
      ]);
      expect(findIndicatorDetail(db, 'nowhere')).toBeUndefined();
    });

    it('listIndicators: by id, filtered by partnership and status, after a cursor', () => {
      const db = project(impactProjector, [
        defined('c'),
        defined('a'),
        defined('b', { partnershipId: 'south' }),
        defined('d'),
        retired('d'),
      ]);
      const ids = (filters: Parameters<typeof listIndicators>[1]) =>
        listIndicators(db, filters).map((view) => view.indicatorId);
      expect(ids({ limit: 10 })).toEqual(['a', 'b', 'c', 'd']);
      expect(ids({ partnershipId: 'north', limit: 10 })).toEqual(['a', 'c', 'd']);
      expect(ids({ partnershipId: 'north', status: 'defined', limit: 10 })).toEqual(['a', 'c']);
      expect(ids({ status: 'retired', limit: 10 })).toEqual(['d']);
      // `limit + 1` rows: the extra one tells that a next page exists.
      expect(ids({ after: 'a', limit: 1 })).toEqual(['b', 'c']);
    });
  });

  describe('feedback', () => {
    it('FeedbackSubmitted: the feedback without its contact, counted by status, channel, category and rating', () => {
      const db = project(impactProjector, [
        founded,
        submitted('f1', {
          rating: 4,
          contact: { name: 'Amina B.', email: 'amina@example.org', phone: '+33 6 12 34 56 78' },
        }),
      ]);
      const [item] = listFeedback(db, { limit: 10 });
      expect(item).toEqual({
        feedbackId: 'f1',
        partnershipId: 'north',
        subject: { kind: 'partnership' },
        rating: 4,
        text: 'Please keep the childcare corner',
        channel: 'web',
        submitterCategory: 'resident',
        hasContact: true,
        status: 'submitted',
        submittedAt: '2026-01-01T09:02:00.000Z',
        submittedOn: '2026-01-01',
        backfilled: false,
        backfillReason: null,
        position: '2',
        acknowledged: null,
        actedOn: null,
      });
      const everything = JSON.stringify(
        db
          .prepare('SELECT * FROM impact_feedback')
          .all()
          .concat(db.prepare('SELECT * FROM impact_feedback_tallies').all()),
      );
      expect(everything).not.toMatch(/Amina|amina@example\.org|12 34 56/);
      expect(feedbackSummary(db, 'north')).toMatchObject({
        received: 1,
        byStatus: { submitted: 1, acknowledged: 0, acted_on: 0 },
        byChannel: { web: 1, phone: 0 },
        byCategory: { resident: 1, partner: 0 },
        ratings: { '4': 1, '1': 0 },
        averageRating: 4,
      });
    });

    it('FeedbackAcknowledged: acknowledged, by whom and when, and moved between status counts', () => {
      const db = project(impactProjector, [submitted('f1'), acknowledged('f1')]);
      expect(listFeedback(db, { limit: 1 })[0]).toMatchObject({
        status: 'acknowledged',
        acknowledged: { at: '2026-01-01T09:02:00.000Z', by: 'coordinator' },
      });
      expect(feedbackSummary(db, 'north').byStatus).toEqual({
        submitted: 0,
        acknowledged: 1,
        acted_on: 0,
      });
    });

    it('FeedbackActedOn: the action and what it led to, and the acted-on ratio', () => {
      const db = project(impactProjector, [
        submitted('f1'),
        acknowledged('f1'),
        actedOn('f1'),
        submitted('f2', { rating: 2 }),
        submitted('f3', { rating: 5, channel: 'paper' }),
        actedOn('f3'),
      ]);
      expect(listFeedback(db, { limit: 1 })[0].actedOn).toEqual({
        at: '2026-01-01T09:03:00.000Z',
        by: 'coordinator',
        action: 'Childcare at every evening meeting',
        references: [{ kind: 'meeting', id: 'm-12' }],
      });
      expect(feedbackSummary(db, 'north')).toMatchObject({
        received: 3,
        byStatus: { submitted: 1, acknowledged: 0, acted_on: 2 },
        byChannel: { web: 2, paper: 1 },
        rated: 2,
        averageRating: 3.5,
        actedOn: 2,
        actedOnRatio: 2 / 3,
      });
    });

    it('listFeedback: in log order, filtered, after a position', () => {
      const db = project(impactProjector, [
        submitted('f1'),
        submitted('f2', { channel: 'phone', subject: { kind: 'objective', objectiveId: 'o1' } }),
        submitted('f3', { partnershipId: 'south', submitterCategory: 'partner' }),
        submitted('f4'),
        acknowledged('f4'),
      ]);
      const ids = (filters: Parameters<typeof listFeedback>[1]) =>
        listFeedback(db, filters).map((item) => item.feedbackId);
      expect(ids({ limit: 10 })).toEqual(['f1', 'f2', 'f3', 'f4']);
      expect(ids({ partnershipId: 'north', limit: 10 })).toEqual(['f1', 'f2', 'f4']);
      expect(ids({ channel: 'phone', limit: 10 })).toEqual(['f2']);
      expect(ids({ subjectKind: 'objective', limit: 10 })).toEqual(['f2']);
      expect(ids({ submitterCategory: 'partner', limit: 10 })).toEqual(['f3']);
      expect(ids({ status: 'acknowledged', limit: 10 })).toEqual(['f4']);
      expect(ids({ after: 2, limit: 0 })).toEqual(['f3']);
      expect(listFeedback(db, { channel: 'phone', limit: 0 })[0].subject).toEqual({
        kind: 'objective',
        objectiveId: 'o1',
      });
    });

    it('feedbackSummary: zeros and no ratio when nothing was received', () => {
      const db = project(impactProjector, [founded]);
      expect(feedbackSummary(db, 'north')).toMatchObject({
        received: 0,
        rated: 0,
        averageRating: null,
        actedOnRatio: null,
      });
    });
  });

  it('partnershipImpact: its indicators and feedback; undefined for a partnership never founded', () => {
    const db = project(impactProjector, [
      founded,
      defined('part'),
      measured('part', 'q1', Q1, 16),
      defined('safety'),
      retired('safety'),
      defined('elsewhere', { partnershipId: 'south' }),
      submitted('f1', { rating: 5 }),
    ]);
    const impact = partnershipImpact(db, 'north');
    expect(impact).toMatchObject({
      partnershipId: 'north',
      indicators: { total: 2, defined: 1, retired: 1, measured: 1 },
      feedback: { received: 1, averageRating: 5 },
    });
    expect(impact?.indicators.items.map((item) => [item.indicatorId, item.progress])).toEqual([
      ['part', 0.5],
      ['safety', null],
    ]);
    expect(partnershipImpact(db, 'south')).toBeUndefined();
  });

  it('ignores event types it does not know', () => {
    const db = project(impactProjector, [
      {
        stream: 'commitment-c1',
        event: { type: 'CommitmentAccepted', data: { commitmentId: 'c1', acceptedBy: 'x' } },
      },
    ]);
    expect(listIndicators(db, { limit: 10 })).toEqual([]);
    expect(listFeedback(db, { limit: 10 })).toEqual([]);
  });
});
