import type { DisaggregatedValue, FeedbackSubject, IndicatorEvent } from '@cohesion/domain';
import type { Principal } from '@cohesion/application';
import type { DemoRecorder } from './demo-recorder';
import { ADMIN, resident } from './demo-cast';
import { type DemoStep, on } from './demo-step';

type Definition = Extract<IndicatorEvent, { type: 'IndicatorDefined' }>['data'];

export interface DemoMeasurement {
  /** Recorded on this day, once the period is over. */
  readonly day: string;
  readonly measurementId: string;
  readonly from: string;
  readonly to: string;
  readonly value: number;
  /** Per neighbourhood: the values of the breakdown, when measured that finely. */
  readonly byNeighbourhood?: Record<string, number>;
  readonly source: string;
  readonly meansOfVerification: string;
}

/** An indicator defined by the coordination, then measured period after period. */
export function indicatorSteps(
  definedOn: string,
  definition: Definition,
  measurements: readonly DemoMeasurement[],
): DemoStep[] {
  const { indicatorId } = definition;
  return [
    on(definedOn, (demo) =>
      demo.indicator(`indicator-${indicatorId}`, ADMIN, 'DefineIndicator', definition),
    ),
    ...measurements.map((m) =>
      on(m.day, (demo) =>
        demo.indicator(`measure-${indicatorId}-${m.measurementId}`, ADMIN, 'RecordMeasurement', {
          indicatorId,
          measurementId: m.measurementId,
          period: { from: m.from, to: m.to },
          value: m.value,
          disaggregation: breakdown(m.byNeighbourhood),
          source: m.source,
          meansOfVerification: m.meansOfVerification,
        }),
      ),
    ),
  ];
}

function breakdown(byNeighbourhood: Record<string, number> = {}): DisaggregatedValue[] {
  return Object.entries(byNeighbourhood).map(([neighbourhood, value]) => ({
    dimensions: { neighbourhood },
    value,
  }));
}

export interface DemoFeedback {
  readonly day: string;
  readonly feedbackId: string;
  readonly partnershipId: string;
  readonly from: string;
  readonly subject: FeedbackSubject;
  readonly rating?: number;
  readonly text: string;
  readonly channel: 'web' | 'phone' | 'in_person' | 'paper';
  readonly contact?: { name?: string; email?: string; phone?: string };
  /** Acknowledged (and acted on, when `action` is given) a week later by this principal. */
  readonly handledBy?: {
    readonly principal: Principal;
    readonly day: string;
    readonly action?: string;
  };
}

/** A resident's feedback, and how the partnership handled it. */
export function feedbackSteps(feedback: DemoFeedback): DemoStep[] {
  const { day, feedbackId, partnershipId, from, subject, rating, text, channel, contact } =
    feedback;
  const steps = [
    on(day, (demo: DemoRecorder) =>
      demo.feedback(`feedback-${feedbackId}`, resident(from), 'SubmitFeedback', {
        feedbackId,
        partnershipId,
        subject,
        ...(rating !== undefined ? { rating } : {}),
        text,
        channel,
        submitterCategory: 'resident',
        ...(contact ? { contact } : {}),
      }),
    ),
  ];
  const handled = feedback.handledBy;
  if (handled) {
    steps.push(
      on(handled.day, async (demo) => {
        await demo.feedback(`ack-${feedbackId}`, handled.principal, 'AcknowledgeFeedback', {
          feedbackId,
        });
        if (handled.action) {
          await demo.feedback(`act-${feedbackId}`, handled.principal, 'MarkFeedbackActedOn', {
            feedbackId,
            action: handled.action,
          });
        }
      }),
    );
  }
  return steps;
}
