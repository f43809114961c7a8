import type { FeedbackSubject } from './feedback.events';

/** `acted_on` is terminal; acknowledging is optional on the way there. */
export type FeedbackStatus = 'none' | 'submitted' | 'acknowledged' | 'acted_on';

/**
 * Only what the rules need. The text and the contact stay in the submitted event, so that the
 * state (served as JSON at any revision) never spreads the submitter's personal data.
 */
export interface FeedbackState {
  readonly status: FeedbackStatus;
  readonly feedbackId?: string;
  readonly partnershipId?: string;
  readonly subject?: FeedbackSubject;
  readonly hasContact: boolean;
  readonly acknowledgedBy?: string;
  readonly actedOnBy?: string;
}

export const initialFeedbackState = (): FeedbackState => ({ status: 'none', hasContact: false });
