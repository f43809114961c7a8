import type { Decider } from '../decider';
import { AggregateNotFound, RuleViolation } from '../domain-errors';
import type { FeedbackCommand } from './feedback.commands';
import { type FeedbackEvent, feedbackSubjectIdOf } from './feedback.events';
import { initialFeedbackState, type FeedbackState } from './feedback.state';

export const FEEDBACK_RULES = [
  'feedback-already-submitted',
  'feedback-partnership-unknown',
  'feedback-subject-invalid',
  'feedback-text-required',
  'feedback-rating-out-of-range',
  'feedback-already-acknowledged',
  'feedback-action-required',
  'feedback-reference-invalid',
  'feedback-acted-on',
] as const;
export type FeedbackRule = (typeof FEEDBACK_RULES)[number];

const violation = (rule: FeedbackRule, message: string) => new RuleViolation(rule, message);

type CommandOf<T extends FeedbackCommand['type']> = Extract<FeedbackCommand, { type: T }>;

export function decideFeedback(command: FeedbackCommand, state: FeedbackState): FeedbackEvent[] {
  if (command.type === 'SubmitFeedback') return decideSubmission(command, state);
  assertExists(state, command.data.feedbackId);
  if (state.status === 'acted_on') {
    throw violation(
      'feedback-acted-on',
      `Feedback ${command.data.feedbackId} has been acted on and accepts nothing new`,
    );
  }
  const by = command.metadata.actor.sub;
  switch (command.type) {
    case 'AcknowledgeFeedback':
      if (state.status === 'acknowledged') {
        throw violation(
          'feedback-already-acknowledged',
          `Feedback ${command.data.feedbackId} was already acknowledged by ${state.acknowledgedBy}`,
        );
      }
      return [
        {
          type: 'FeedbackAcknowledged',
          data: { feedbackId: command.data.feedbackId, acknowledgedBy: by },
        },
      ];
    case 'MarkFeedbackActedOn': {
      // Acting on feedback needs no prior acknowledgement: the action answers it anyway.
      const { feedbackId, action, references = [] } = command.data;
      if (action.trim() === '') {
        throw violation('feedback-action-required', 'Say what was done in answer to the feedback');
      }
      if (references.some((reference) => reference.id.trim() === '')) {
        throw violation('feedback-reference-invalid', 'Each reference names what it points at');
      }
      return [{ type: 'FeedbackActedOn', data: { feedbackId, action, references, markedBy: by } }];
    }
  }
}

/**
 * Feedback is refused only on a partnership that does not exist. It is accepted whatever the
 * partnership's status, closed included: residents may comment on a partnership after it ended,
 * and their voice must not be lost because of its lifecycle.
 *
 * The subject's objective, commitment or meeting is not looked up: `PartnershipFacts` only lists
 * open objectives, and an unknown reference is flagged by the read model rather than turning a
 * resident away.
 */
function decideSubmission(
  command: CommandOf<'SubmitFeedback'>,
  state: FeedbackState,
): FeedbackEvent[] {
  const { data, partnership } = command;
  if (state.status !== 'none') {
    throw violation('feedback-already-submitted', `Feedback ${data.feedbackId} already exists`);
  }
  // Facts about another partnership than the one named are a handler slip: treat them as unknown.
  if (partnership.partnershipId !== data.partnershipId || partnership.status === 'none') {
    throw violation(
      'feedback-partnership-unknown',
      `Partnership ${data.partnershipId} does not exist`,
    );
  }
  if (feedbackSubjectIdOf(data.subject)?.trim() === '') {
    throw violation('feedback-subject-invalid', `A ${data.subject.kind} subject names its id`);
  }
  if (data.text.trim() === '') {
    throw violation('feedback-text-required', 'Feedback needs a text');
  }
  if (
    data.rating !== undefined &&
    !(Number.isInteger(data.rating) && data.rating >= 1 && data.rating <= 5)
  ) {
    throw violation('feedback-rating-out-of-range', `A rating is a whole number from 1 to 5`);
  }
  return [{ type: 'FeedbackSubmitted', data }];
}

function assertExists(state: FeedbackState, feedbackId: string): void {
  if (state.status === 'none') throw new AggregateNotFound('Feedback', feedbackId);
}

export function evolveFeedback(state: FeedbackState, event: FeedbackEvent): FeedbackState {
  switch (event.type) {
    case 'FeedbackSubmitted': {
      const { feedbackId, partnershipId, subject, contact } = event.data;
      return {
        ...state,
        status: 'submitted',
        feedbackId,
        partnershipId,
        subject,
        hasContact: contact !== undefined,
      };
    }
    case 'FeedbackAcknowledged':
      return { ...state, status: 'acknowledged', acknowledgedBy: event.data.acknowledgedBy };
    case 'FeedbackActedOn':
      return { ...state, status: 'acted_on', actedOnBy: event.data.markedBy };
  }
}

export const feedbackDecider: Decider<FeedbackCommand, FeedbackEvent, FeedbackState> = {
  initialState: initialFeedbackState,
  evolve: evolveFeedback,
  decide: decideFeedback,
};
