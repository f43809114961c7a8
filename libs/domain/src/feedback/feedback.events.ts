export const FEEDBACK_CHANNELS = [
  'web',
  'phone',
  'in_person',
  'paper',
  'social_media',
  'other',
] as const;
export type FeedbackChannel = (typeof FEEDBACK_CHANNELS)[number];

export const SUBMITTER_CATEGORIES = ['resident', 'partner', 'stakeholder'] as const;
export type SubmitterCategory = (typeof SUBMITTER_CATEGORIES)[number];

/** What the feedback is about, inside its partnership. */
export type FeedbackSubject =
  | { kind: 'partnership' }
  | { kind: 'objective'; objectiveId: string }
  | { kind: 'commitment'; commitmentId: string }
  | { kind: 'meeting'; meetingId: string };

/**
 * How to reach the person who gave the feedback. Personal data: it is kept in this one field,
 * apart from the feedback itself, so that it can be encrypted, withheld from read models and
 * erased (e.g. by crypto-shredding) on request without touching the rest of the fact.
 */
export interface FeedbackContact {
  name?: string;
  email?: string;
  phone?: string;
  postalAddress?: string;
}

/** Something the action taken on feedback can point at. */
export type ActionReference =
  | { kind: 'commitment'; id: string }
  | { kind: 'meeting'; id: string }
  | { kind: 'objective'; id: string }
  | { kind: 'agreement'; id: string };

export type FeedbackEvent =
  | {
      type: 'FeedbackSubmitted';
      data: {
        feedbackId: string;
        partnershipId: string;
        subject: FeedbackSubject;
        /** 1 (poor) to 5 (very good), when the submitter chose to rate. */
        rating?: number;
        /** Free text may itself contain personal data: read models should treat it with care. */
        text: string;
        channel: FeedbackChannel;
        submitterCategory: SubmitterCategory;
        contact?: FeedbackContact;
      };
    }
  | {
      type: 'FeedbackAcknowledged';
      /** `acknowledgedBy` is the acting principal's `sub`, never taken from the request body. */
      data: { feedbackId: string; acknowledgedBy: string };
    }
  | {
      type: 'FeedbackActedOn';
      data: {
        feedbackId: string;
        /** What was done in answer to the feedback. */
        action: string;
        references: ActionReference[];
        /** The acting principal's `sub`. */
        markedBy: string;
      };
    };

/** The id of what feedback is about inside its partnership; `undefined` for the partnership itself. */
export function feedbackSubjectIdOf(subject: FeedbackSubject): string | undefined {
  switch (subject.kind) {
    case 'partnership':
      return undefined;
    case 'objective':
      return subject.objectiveId;
    case 'commitment':
      return subject.commitmentId;
    case 'meeting':
      return subject.meetingId;
  }
}
