import type { Command } from '../decider';
import type { PartnershipFacts } from '../partnership/partnership.state';
import type { ActionReference, FeedbackEvent } from './feedback.events';

type SubmittedData = Extract<FeedbackEvent, { type: 'FeedbackSubmitted' }>['data'];

export type FeedbackCommand =
  /** The handler folds the partnership stream into `partnership` (see `partnershipFacts`). */
  | (Command<'SubmitFeedback', SubmittedData> & { readonly partnership: PartnershipFacts })
  /** Who acknowledges comes from the command metadata (the authenticated actor). */
  | Command<'AcknowledgeFeedback', { feedbackId: string }>
  | Command<
      'MarkFeedbackActedOn',
      { feedbackId: string; action: string; references?: ActionReference[] }
    >;
