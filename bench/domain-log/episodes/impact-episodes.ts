import {
  FEEDBACK_CHANNELS,
  feedbackDecider,
  type IndicatorUnit,
  indicatorDecider,
} from '@cohesion/domain';
import { ADMIN, type Episode, type EpisodeContext } from '../episode-context';

/** The seeded kinds of impact indicator: a unit and a baseline/target pair that fits it. */
const INDICATORS: readonly {
  code: string;
  name: string;
  unit: IndicatorUnit;
  baseline: number;
  target: number;
}[] = [
  { code: 'PART', name: 'Participation rate', unit: { kind: 'percent' }, baseline: 22, target: 40 },
  {
    code: 'BELONG',
    name: 'Sense of belonging',
    unit: { kind: 'likert', scale: { min: 1, max: 5 } },
    baseline: 2.8,
    target: 3.6,
  },
  {
    code: 'DROPOUT',
    name: 'Pupils dropping out',
    unit: { kind: 'count' },
    baseline: 120,
    target: 60,
  },
];

const DAY_MS = 86_400_000;

/** The calendar month `monthsAgo` months before `today`, as a measurement period. */
function monthBefore(today: string, monthsAgo: number) {
  const date = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() - monthsAgo);
  const end = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) - DAY_MS);
  return { from: date.toISOString().slice(0, 10), to: end.toISOString().slice(0, 10) };
}

/**
 * An impact indicator, defined with its history: monthly measurements of the past months broken
 * down by neighbourhood, a few corrections, sometimes retired.
 */
export function* indicatorSeries(context: EpisodeContext, partnershipId: string): Episode {
  const { ledger, random } = context;
  const seed = random.pick(INDICATORS);
  const months = random.int(6, 30);
  const indicatorId = context.nextId('indicator');
  const stream = `indicator-${indicatorId}`;
  const neighbourhoods = context.partnership(partnershipId).neighbourhoods;
  const direction = seed.target > seed.baseline ? 'up' : 'down';
  ledger.execute(stream, indicatorDecider, {
    type: 'DefineIndicator',
    data: {
      indicatorId,
      partnershipId,
      code: `${seed.code}-${indicatorId}`,
      name: seed.name,
      unit: seed.unit,
      baseline: { value: seed.baseline, date: monthBefore(ledger.today, months + 1).from },
      target: { value: seed.target, date: ledger.day(random.int(300, 900)) },
      direction,
      frequency: 'monthly',
      dimensions: ['neighbourhood'],
    },
    partnership: context.facts(partnershipId),
    metadata: ledger.metadata(ADMIN),
  });
  yield;
  const valueAt = (month: number) => {
    const progress = (months - month) / (months + 6) + random.next() / 20;
    const value = seed.baseline + (seed.target - seed.baseline) * progress;
    return seed.unit.kind === 'count' ? Math.round(value) : Math.round(value * 100) / 100;
  };
  for (let month = months; month >= 1; month--) {
    const measurementId = context.nextId('measurement');
    const value = valueAt(month);
    ledger.execute(stream, indicatorDecider, {
      type: 'RecordMeasurement',
      data: {
        indicatorId,
        measurementId,
        period: monthBefore(ledger.today, month),
        value,
        disaggregation: neighbourhoods.map((neighbourhood) => ({
          dimensions: { neighbourhood },
          value,
        })),
        source: 'Resident survey',
        meansOfVerification: 'Survey dataset published on the open data portal',
      },
      metadata: ledger.metadata(ADMIN),
    });
    yield;
    if (random.chance(0.05)) {
      ledger.execute(stream, indicatorDecider, {
        type: 'CorrectMeasurement',
        data: {
          indicatorId,
          measurementId,
          value: seed.unit.kind === 'count' ? value + 1 : Math.round(value * 90) / 100,
          reason: 'Late survey answers were added',
        },
        metadata: ledger.metadata(ADMIN),
      });
      yield;
    }
  }
  if (random.chance(0.1)) {
    ledger.execute(stream, indicatorDecider, {
      type: 'RetireIndicator',
      data: { indicatorId, reason: 'Replaced by the regional indicator set' },
      metadata: ledger.metadata(ADMIN),
    });
    yield;
  }
  ledger.retire(stream);
}

/** Feedback from a resident, acknowledged and often acted on. */
export function* feedbackThread(context: EpisodeContext, partnershipId: string): Episode {
  const { ledger, random } = context;
  const feedbackId = context.nextId('feedback');
  const stream = `feedback-${feedbackId}`;
  const objectives = context.facts(partnershipId).openObjectiveIds;
  ledger.execute(stream, feedbackDecider, {
    type: 'SubmitFeedback',
    data: {
      feedbackId,
      partnershipId,
      subject:
        objectives.length > 0 && random.chance(0.4)
          ? { kind: 'objective', objectiveId: random.pick(objectives) }
          : { kind: 'partnership' },
      ...(random.chance(0.7) ? { rating: random.int(1, 5) } : {}),
      text: 'The homework club is great, but it closes too early for working parents.',
      channel: random.pick(FEEDBACK_CHANNELS),
      submitterCategory: 'resident',
      ...(random.chance(0.3) ? { contact: { email: `${feedbackId}@resident.example` } } : {}),
    },
    partnership: context.facts(partnershipId),
    metadata: ledger.metadata({ sub: `resident-${random.int(1, 5000)}`, roles: [] }),
  });
  yield;
  if (random.chance(0.8)) {
    ledger.execute(stream, feedbackDecider, {
      type: 'AcknowledgeFeedback',
      data: { feedbackId },
      metadata: ledger.metadata(ADMIN),
    });
    yield;
  }
  if (random.chance(0.5)) {
    ledger.execute(stream, feedbackDecider, {
      type: 'MarkFeedbackActedOn',
      data: { feedbackId, action: 'The club now stays open until 7 pm', references: [] },
      metadata: ledger.metadata(ADMIN),
    });
    yield;
  }
  ledger.retire(stream);
}
