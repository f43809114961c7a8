import type { FeedbackEvent, IndicatorEvent, PartnershipEvent } from '@cohesion/domain';
import type { GivenEvent } from './projector-specification';

/** Events of the impact projector's specs: one partnership, its indicators and feedback. */
export const founded: GivenEvent = {
  stream: 'partnership-north',
  event: {
    type: 'PartnershipFounded',
    data: {
      partnershipId: 'north',
      name: 'North',
      purpose: 'Cohesion',
      territory: 'Northside',
      neighbourhoods: [],
    },
  } satisfies PartnershipEvent,
};

export const defined = (
  indicatorId: string,
  changes: Partial<Extract<IndicatorEvent, { type: 'IndicatorDefined' }>['data']> = {},
): GivenEvent => ({
  stream: `indicator-${indicatorId}`,
  event: {
    type: 'IndicatorDefined',
    data: {
      indicatorId,
      partnershipId: 'north',
      code: indicatorId.toUpperCase(),
      name: `Indicator ${indicatorId}`,
      unit: { kind: 'percent' },
      baseline: { value: 12, date: '2026-01-01' },
      target: { value: 20, date: '2028-12-31' },
      direction: 'up',
      frequency: 'quarterly',
      dimensions: ['neighbourhood'],
      ...changes,
    },
  } satisfies IndicatorEvent,
});

export const measured = (
  indicatorId: string,
  measurementId: string,
  [from, to]: [string, string],
  value: number,
  cells: Record<string, number> = {},
): GivenEvent => ({
  stream: `indicator-${indicatorId}`,
  event: {
    type: 'MeasurementRecorded',
    data: {
      indicatorId,
      measurementId,
      period: { from, to },
      value,
      disaggregation: Object.entries(cells).map(([neighbourhood, cell]) => ({
        dimensions: { neighbourhood },
        value: cell,
      })),
      source: 'Survey',
      meansOfVerification: 'Dataset',
    },
  } satisfies IndicatorEvent,
});

export const corrected = (
  indicatorId: string,
  measurementId: string,
  value: number,
  cells?: Record<string, number>,
): GivenEvent => ({
  stream: `indicator-${indicatorId}`,
  actor: { sub: 'city-officer', partnerId: 'city' },
  event: {
    type: 'MeasurementCorrected',
    data: {
      indicatorId,
      measurementId,
      value,
      ...(cells && {
        disaggregation: Object.entries(cells).map(([neighbourhood, cell]) => ({
          dimensions: { neighbourhood },
          value: cell,
        })),
      }),
      reason: 'Batch left out',
    },
  } satisfies IndicatorEvent,
});

export const retired = (indicatorId: string): GivenEvent => ({
  stream: `indicator-${indicatorId}`,
  event: { type: 'IndicatorRetired', data: { indicatorId, reason: 'Replaced' } },
});

type Submitted = Extract<FeedbackEvent, { type: 'FeedbackSubmitted' }>['data'];

export const submitted = (feedbackId: string, changes: Partial<Submitted> = {}): GivenEvent => ({
  stream: `feedback-${feedbackId}`,
  event: {
    type: 'FeedbackSubmitted',
    data: {
      feedbackId,
      partnershipId: 'north',
      subject: { kind: 'partnership' },
      text: 'Please keep the childcare corner',
      channel: 'web',
      submitterCategory: 'resident',
      ...changes,
    },
  } satisfies FeedbackEvent,
});

export const acknowledged = (feedbackId: string): GivenEvent => ({
  stream: `feedback-${feedbackId}`,
  event: { type: 'FeedbackAcknowledged', data: { feedbackId, acknowledgedBy: 'coordinator' } },
});

export const actedOn = (feedbackId: string): GivenEvent => ({
  stream: `feedback-${feedbackId}`,
  event: {
    type: 'FeedbackActedOn',
    data: {
      feedbackId,
      action: 'Childcare at every evening meeting',
      references: [{ kind: 'meeting', id: 'm-12' }],
      markedBy: 'coordinator',
    },
  } satisfies FeedbackEvent,
});
