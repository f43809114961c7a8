import type { CommandMetadata } from '../decider';
import type { PartnershipFacts } from '../partnership/partnership.state';
import { commandsOf, deciderSpecification, eventsOf } from '../testing';
import type { FeedbackCommand } from './feedback.commands';
import { feedbackDecider } from './feedback.decider';
import type { ActionReference, FeedbackEvent, FeedbackSubject } from './feedback.events';

const metadata: CommandMetadata = {
  actor: { sub: 'officer-7', partnerId: 'city', roles: ['partner'] },
  now: '2026-11-27T10:00:00.000Z',
};
const feedbackId = 'fb-1';
const partnershipId = 'youth-2026';
const spec = deciderSpecification(feedbackDecider);

const command = commandsOf<FeedbackCommand>(metadata);
const event = eventsOf<FeedbackEvent>();

const partnership: PartnershipFacts = {
  partnershipId,
  status: 'active',
  memberIds: ['city', 'ngo-1'],
  openObjectiveIds: ['o1'],
};

type Submission = Extract<FeedbackEvent, { type: 'FeedbackSubmitted' }>['data'];
const submission: Submission = {
  feedbackId,
  partnershipId,
  subject: { kind: 'meeting', meetingId: 'm1' },
  rating: 4,
  text: 'The evening meeting was easy to attend; please keep the childcare corner.',
  channel: 'paper',
  submitterCategory: 'resident',
  contact: { name: 'A. Resident', email: 'resident@example.org' },
};
const submitted = event('FeedbackSubmitted', submission);
const submit = (changes: Partial<Submission> = {}, facts = partnership) => ({
  ...command('SubmitFeedback', { ...submission, ...changes }),
  partnership: facts,
});

const acknowledge = command('AcknowledgeFeedback', { feedbackId });
const acknowledged = event('FeedbackAcknowledged', { feedbackId, acknowledgedBy: 'officer-7' });
const actOn = (action: string, references?: ActionReference[]) =>
  command('MarkFeedbackActedOn', { feedbackId, action, ...(references ? { references } : {}) });
const actedOn = event('FeedbackActedOn', {
  feedbackId,
  action: 'Childcare is now planned for every evening meeting',
  references: [{ kind: 'meeting', id: 'm2' }],
  markedBy: 'officer-7',
});

describe('Feedback decider', () => {
  describe('submitting', () => {
    it('accepts feedback on a partnership, with a rating and a separate contact', () =>
      spec.given([]).when(submit()).then([submitted]));
    it('accepts feedback whatever the status of an existing partnership, closed included', () => {
      for (const status of ['founded', 'suspended', 'closed'] as const) {
        spec
          .given([])
          .when(submit({}, { ...partnership, status }))
          .then([submitted]);
      }
    });
    it('accepts feedback about each kind of subject, without rating or contact', () => {
      const subjects: FeedbackSubject[] = [
        { kind: 'partnership' },
        { kind: 'objective', objectiveId: 'o1' },
        { kind: 'commitment', commitmentId: 'c1' },
        { kind: 'meeting', meetingId: 'm1' },
      ];
      for (const subject of subjects) {
        const { rating: _rating, contact: _contact, ...anonymous } = { ...submission, subject };
        spec
          .given([])
          .when({ ...command('SubmitFeedback', anonymous), partnership })
          .then([event('FeedbackSubmitted', anonymous)]);
      }
    });
    it('accepts the lowest and the highest rating', () => {
      for (const rating of [1, 5]) {
        spec
          .given([])
          .when(submit({ rating }))
          .then([event('FeedbackSubmitted', { ...submission, rating })]);
      }
    });
    it('refuses to submit the same feedback twice', () =>
      spec.given([submitted]).when(submit()).thenThrows('feedback-already-submitted'));
    it('refuses any other command on feedback never submitted', () =>
      spec.given([]).when(acknowledge).thenThrows('not-found'));
    it('refuses feedback on a partnership that does not exist', () => {
      spec
        .given([])
        .when(submit({}, { ...partnership, status: 'none' }))
        .thenThrows('feedback-partnership-unknown');
      spec
        .given([])
        .when(submit({}, { ...partnership, partnershipId: 'another' }))
        .thenThrows('feedback-partnership-unknown');
    });
    it('refuses a subject that does not name what it is about', () =>
      spec
        .given([])
        .when(submit({ subject: { kind: 'commitment', commitmentId: ' ' } }))
        .thenThrows('feedback-subject-invalid'));
    it('refuses feedback without text', () => {
      for (const text of ['', '   ']) {
        spec.given([]).when(submit({ text })).thenThrows('feedback-text-required');
      }
    });
    it('refuses a rating that is not a whole number from 1 to 5', () => {
      for (const rating of [0, 6, 3.5]) {
        spec.given([]).when(submit({ rating })).thenThrows('feedback-rating-out-of-range');
      }
    });
  });

  describe('acknowledging', () => {
    it('is acknowledged by the acting principal', () =>
      spec.given([submitted]).when(acknowledge).then([acknowledged]));
    it('is acknowledged once only', () =>
      spec
        .given([submitted, acknowledged])
        .when(acknowledge)
        .thenThrows('feedback-already-acknowledged'));
  });

  describe('acting on', () => {
    it('is marked acted on, linking the action taken', () =>
      spec
        .given([submitted, acknowledged])
        .when(actOn(actedOn.data.action, actedOn.data.references))
        .then([actedOn]));
    it('may be acted on without an acknowledgement and without references', () =>
      spec
        .given([submitted])
        .when(actOn('Answered by phone'))
        .then([
          event('FeedbackActedOn', {
            feedbackId,
            action: 'Answered by phone',
            references: [],
            markedBy: 'officer-7',
          }),
        ]));
    it('refuses to be marked acted on without saying what was done', () =>
      spec.given([submitted]).when(actOn(' ')).thenThrows('feedback-action-required'));
    it('refuses a reference that does not name what it points at', () =>
      spec
        .given([submitted])
        .when(actOn('Raised at the next meeting', [{ kind: 'meeting', id: '' }]))
        .thenThrows('feedback-reference-invalid'));
    it('accepts nothing new once acted on', () => {
      for (const next of [acknowledge, actOn('Again')]) {
        spec.given([submitted, actedOn]).when(next).thenThrows('feedback-acted-on');
      }
    });
  });

  describe('state', () => {
    it('folds the status and who handled it, but keeps no text nor contact', () => {
      let state = feedbackDecider.initialState();
      for (const next of [submitted, acknowledged, actedOn])
        state = feedbackDecider.evolve(state, next);
      expect(state).toEqual({
        status: 'acted_on',
        feedbackId,
        partnershipId,
        subject: submission.subject,
        hasContact: true,
        acknowledgedBy: 'officer-7',
        actedOnBy: 'officer-7',
      });
    });
  });
});
