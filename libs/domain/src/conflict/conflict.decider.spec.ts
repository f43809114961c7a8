import type { CommandMetadata } from '../decider';
import type { PartnershipFacts } from '../partnership';
import { commandsOf, deciderSpecification, eventsOf } from '../testing';
import type { ConflictCommand } from './conflict.commands';
import { conflictDecider } from './conflict.decider';
import type { ConflictEvent, ConflictSubject } from './conflict.events';

const metadata: CommandMetadata = {
  actor: { sub: 'user-1', partnerId: 'assoc' },
  now: '2026-11-27T10:00:00.000Z',
};
const conflictId = 'hall-dispute';
const partnershipId = 'youth-2026';
const mediatorId = 'mediator-7';
const spec = deciderSpecification(conflictDecider);

const command = commandsOf<ConflictCommand>(metadata);
const event = eventsOf<ConflictEvent>();

const facts: PartnershipFacts = {
  partnershipId,
  status: 'active',
  memberIds: ['assoc', 'city', 'landlord', 'school'],
  openObjectiveIds: [],
};
const raising = {
  conflictId,
  partnershipId,
  raisedBy: 'assoc',
  parties: ['city', 'landlord'],
  subject: { kind: 'commitment', commitmentId: 'hall-wednesdays' } as ConflictSubject,
  summary: 'The hall was locked three Wednesdays running',
};
const raise = (data: Partial<typeof raising> = {}, partnership: PartnershipFacts = facts) => ({
  ...command('RaiseConflict', { ...raising, ...data }),
  partnership,
});

const raised = event('ConflictRaised', raising);
const acknowledged = event('ConflictAcknowledged', { conflictId, acknowledgedBy: 'city' });
const mediatorProposed = (mediator = mediatorId) =>
  event('MediatorProposed', { conflictId, mediatorId: mediator });
const mediatorAccepted = (partyId: string) =>
  event('MediatorAccepted', { conflictId, mediatorId, partyId });
const assigned = event('MediatorAssigned', { conflictId, mediatorId });
const objected = event('MediatorObjected', {
  conflictId,
  mediatorId,
  partyId: 'landlord',
  reason: 'not neutral',
});
const inMediation = [
  raised,
  acknowledged,
  mediatorProposed(),
  mediatorAccepted('assoc'),
  mediatorAccepted('city'),
  mediatorAccepted('landlord'),
  assigned,
];
const proposed = (proposalId = 'r1', proposedBy = mediatorId) =>
  event('ResolutionProposed', {
    conflictId,
    proposalId,
    proposedBy,
    terms: 'The landlord hands a key to the association',
  });
const resolutionAccepted = (partyId: string, proposalId = 'r1') =>
  event('ResolutionAccepted', { conflictId, proposalId, partyId });
const resolved = event('ConflictResolved', { conflictId, proposalId: 'r1' });
const escalated = event('ConflictEscalated', {
  conflictId,
  escalatedTo: 'mayor',
  reason: 'no agreement after three sessions',
});
const withdrawn = event('ConflictWithdrawn', {
  conflictId,
  withdrawnBy: 'assoc',
  reason: 'settled informally',
});
const isResolved = [
  ...inMediation,
  proposed(),
  resolutionAccepted('assoc'),
  resolutionAccepted('city'),
  resolutionAccepted('landlord'),
  resolved,
];

const acknowledge = (acknowledgedBy: string) =>
  command('AcknowledgeConflict', { conflictId, acknowledgedBy });
const proposeMediator = (mediator = mediatorId, actsFor: string | null = null) => ({
  ...command('ProposeMediator', { conflictId, mediatorId: mediator }),
  mediator: { actsFor },
});
const acceptMediator = (partyId: string, mediator = mediatorId) =>
  command('AcceptMediator', { conflictId, mediatorId: mediator, partyId });
const objectToMediator = (partyId: string, mediator = mediatorId) =>
  command('ObjectToMediator', { conflictId, mediatorId: mediator, partyId, reason: 'not neutral' });
const statement = (partyId: string, statementId = 's1') =>
  command('RecordStatement', { conflictId, statementId, partyId, text: 'We were never told' });
const session = (data: { sessionId?: string; heldOn?: string; attendees?: string[] } = {}) =>
  command('RecordMediationSession', {
    conflictId,
    sessionId: 'm1',
    heldOn: '2026-11-20',
    attendees: ['assoc', 'city', mediatorId],
    summary: 'Each side told its story',
    recordedBy: mediatorId,
    ...data,
  });
const proposeResolution = (proposalId = 'r1', proposedBy = mediatorId) =>
  command('ProposeResolution', proposed(proposalId, proposedBy).data);
const acceptResolution = (partyId: string, proposalId = 'r1') =>
  command('AcceptResolution', { conflictId, proposalId, partyId });
const rejectResolution = (partyId: string, proposalId = 'r1') =>
  command('RejectResolution', { conflictId, proposalId, partyId, reason: 'too vague' });
const escalate = command('EscalateConflict', escalated.data);
const withdraw = (withdrawnBy: string) =>
  command('WithdrawConflict', { ...withdrawn.data, withdrawnBy });
const followUp = (reviewOn: string) => command('ScheduleFollowUpReview', { conflictId, reviewOn });

describe('Conflict decider', () => {
  describe('raising', () => {
    it('lets a member raise a conflict against other members, about a subject', () =>
      spec.given([]).when(raise()).then([raised]));
    it('records each kind of subject as given', () => {
      const subjects: ConflictSubject[] = [
        { kind: 'commitment', commitmentId: 'c1' },
        { kind: 'contribution', contributionId: 'k1' },
        { kind: 'agreement_clause', agreementId: 'a1', clauseId: 'c2' },
        { kind: 'free', description: 'Noise at night' },
      ];
      for (const subject of subjects) {
        spec
          .given([])
          .when(raise({ subject }))
          .then([event('ConflictRaised', { ...raising, subject })]);
      }
    });
    it('refuses to raise the same conflict twice', () =>
      spec.given([raised]).when(raise()).thenThrows('conflict-already-raised'));
    it('refuses facts about another partnership than the one named', () =>
      spec
        .given([])
        .when(raise({}, { ...facts, partnershipId: 'other' }))
        .thenThrows('conflict-partnership-mismatch'));
    it('refuses a partnership that is suspended or closed', () => {
      for (const status of ['suspended', 'closed'] as const) {
        spec
          .given([])
          .when(raise({}, { ...facts, status }))
          .thenThrows('conflict-partnership-not-open');
      }
    });
    it('refuses a raiser who is not a member', () =>
      spec
        .given([])
        .when(raise({ raisedBy: 'stranger' }))
        .thenThrows('conflict-raiser-not-member'));
    it('refuses a party named twice', () =>
      spec
        .given([])
        .when(raise({ parties: ['city', 'city'] }))
        .thenThrows('conflict-parties-duplicated'));
    it('refuses a raiser among the parties it raises against', () =>
      spec
        .given([])
        .when(raise({ parties: ['city', 'assoc'] }))
        .thenThrows('conflict-raised-against-oneself'));
    it('refuses a conflict against nobody', () =>
      spec
        .given([])
        .when(raise({ parties: [] }))
        .thenThrows('conflict-needs-a-party'));
    it('refuses a party who is not a member', () =>
      spec
        .given([])
        .when(raise({ parties: ['city', 'stranger'] }))
        .thenThrows('conflict-party-not-member'));
    it('refuses any other command on a conflict never raised', () =>
      spec.given([]).when(acknowledge('city')).thenThrows('not-found'));
  });

  describe('acknowledgement', () => {
    it('lets a party the conflict is raised against acknowledge it', () =>
      spec.given([raised]).when(acknowledge('city')).then([acknowledged]));
    it('refuses an acknowledgement by the raiser or an outsider', () => {
      for (const who of ['assoc', 'school']) {
        spec.given([raised]).when(acknowledge(who)).thenThrows('conflict-acknowledger-not-a-party');
      }
    });
    it('refuses to acknowledge twice', () =>
      spec
        .given([raised, acknowledged])
        .when(acknowledge('landlord'))
        .thenThrows('conflict-already-acknowledged'));
  });

  describe('mediator', () => {
    const pending = [raised, acknowledged, mediatorProposed()];
    it('proposes a mediator once the conflict is acknowledged', () =>
      spec.given([raised, acknowledged]).when(proposeMediator()).then([mediatorProposed()]));
    it('refuses a mediator before the conflict is acknowledged', () =>
      spec.given([raised]).when(proposeMediator()).thenThrows('conflict-not-acknowledged'));
    it('refuses a second mediator while one awaits the answers', () =>
      spec
        .given(pending)
        .when(proposeMediator('mediator-8'))
        .thenThrows('conflict-mediator-already-proposed'));
    it('refuses a mediator once one is assigned', () =>
      spec
        .given(inMediation)
        .when(proposeMediator('mediator-8'))
        .thenThrows('conflict-mediator-already-assigned'));
    it('refuses the raiser or a party as mediator', () => {
      for (const who of ['assoc', 'landlord']) {
        spec
          .given([raised, acknowledged])
          .when(proposeMediator(who))
          .thenThrows('conflict-mediator-not-impartial');
      }
    });
    it('refuses a person who acts for the raiser or a party, as the people directory says', () => {
      for (const party of ['assoc', 'landlord']) {
        spec
          .given([raised, acknowledged])
          .when(proposeMediator('staff-member-8', party))
          .thenThrows('conflict-mediator-acts-for-party');
      }
    });
    it('accepts a person who acts for a partner outside the conflict, or for none', () => {
      for (const actsFor of ['mediation-service', null]) {
        spec
          .given([raised, acknowledged])
          .when(proposeMediator('mediator-8', actsFor))
          .then([mediatorProposed('mediator-8')]);
      }
    });
    it('records the acceptance of a party, raiser included', () =>
      spec
        .given(pending)
        .when(acceptMediator('assoc'))
        .then([mediatorAccepted('assoc')]));
    it('assigns the mediator when every party has accepted', () =>
      spec
        .given([...pending, mediatorAccepted('assoc'), mediatorAccepted('city')])
        .when(acceptMediator('landlord'))
        .then([mediatorAccepted('landlord'), assigned]));
    it('voids the proposal on the objection of one party', () => {
      const given = [...pending, mediatorAccepted('assoc')];
      spec.given(given).when(objectToMediator('landlord')).then([objected]);
      spec
        .given([...given, objected])
        .when(acceptMediator('city'))
        .thenThrows('conflict-mediator-not-proposed');
      spec
        .given([...given, objected])
        .when(proposeMediator('mediator-8'))
        .then([mediatorProposed('mediator-8')]);
    });
    it('refuses an answer about a mediator who is not the one proposed', () => {
      spec
        .given(pending)
        .when(acceptMediator('city', 'mediator-8'))
        .thenThrows('conflict-mediator-not-proposed');
      spec
        .given([raised, acknowledged])
        .when(objectToMediator('city'))
        .thenThrows('conflict-mediator-not-proposed');
    });
    it('refuses an answer from someone who is not a party', () => {
      spec.given(pending).when(acceptMediator('school')).thenThrows('conflict-not-a-party');
      spec.given(pending).when(objectToMediator('school')).thenThrows('conflict-not-a-party');
    });
    it('lets a party answer only once', () => {
      const given = [...pending, mediatorAccepted('city')];
      spec.given(given).when(acceptMediator('city')).thenThrows('conflict-party-already-answered');
      spec
        .given(given)
        .when(objectToMediator('city'))
        .thenThrows('conflict-party-already-answered');
    });
  });

  describe('statements and sessions', () => {
    it('records the statement of a party in mediation', () => {
      const recorded = statement('landlord');
      spec
        .given(inMediation)
        .when(recorded)
        .then([{ type: 'StatementRecorded', data: recorded.data }]);
    });
    it('refuses statements before mediation', () =>
      spec
        .given([raised, acknowledged])
        .when(statement('city'))
        .thenThrows('conflict-not-in-mediation'));
    it('refuses a statement by someone who is not a party', () =>
      spec.given(inMediation).when(statement(mediatorId)).thenThrows('conflict-not-a-party'));
    it('refuses a statement id used before', () =>
      spec
        .given([...inMediation, { type: 'StatementRecorded', data: statement('city').data }])
        .when(statement('landlord'))
        .thenThrows('conflict-statement-already-recorded'));
    it('records a session held, by the accepted mediator', () => {
      const held = session();
      spec
        .given(inMediation)
        .when(held)
        .then([{ type: 'MediationSessionHeld', data: held.data }]);
    });
    it('refuses a session recorded by anyone but the mediator', () =>
      spec
        .given(inMediation)
        .when({ ...session(), data: { ...session().data, recordedBy: 'city' } })
        .thenThrows('conflict-not-the-mediator'));
    it('refuses a session before mediation', () =>
      spec
        .given([raised, acknowledged, mediatorProposed()])
        .when(session())
        .thenThrows('conflict-not-in-mediation'));
    it('refuses a session id used before', () =>
      spec
        .given([...inMediation, { type: 'MediationSessionHeld', data: session().data }])
        .when(session({ heldOn: '2026-11-25' }))
        .thenThrows('conflict-session-already-recorded'));
    it('refuses a session dated after today (by the command clock)', () =>
      spec
        .given(inMediation)
        .when(session({ heldOn: '2026-11-28' }))
        .thenThrows('conflict-session-in-the-future'));
    it('refuses attendees who are neither parties nor the mediator', () =>
      spec
        .given(inMediation)
        .when(session({ attendees: ['assoc', 'school'] }))
        .thenThrows('conflict-session-attendee-not-involved'));
  });

  describe('resolution', () => {
    it('lets the mediator or a party propose a resolution', () => {
      spec.given(inMediation).when(proposeResolution()).then([proposed()]);
      spec
        .given(inMediation)
        .when(proposeResolution('r1', 'city'))
        .then([proposed('r1', 'city')]);
    });
    it('refuses a proposal by an outsider', () =>
      spec
        .given(inMediation)
        .when(proposeResolution('r1', 'school'))
        .thenThrows('conflict-proposer-not-involved'));
    it('refuses a proposal id used before', () =>
      spec
        .given([...inMediation, proposed()])
        .when(proposeResolution())
        .thenThrows('conflict-proposal-already-made'));
    it('refuses a proposal before mediation', () =>
      spec
        .given([raised, acknowledged])
        .when(proposeResolution('r1', 'city'))
        .thenThrows('conflict-not-in-mediation'));
    it("records a party's acceptance", () =>
      spec
        .given([...inMediation, proposed()])
        .when(acceptResolution('city'))
        .then([resolutionAccepted('city')]));
    it('resolves the conflict when every party, raiser included, has accepted', () =>
      spec
        .given([
          ...inMediation,
          proposed(),
          resolutionAccepted('city'),
          resolutionAccepted('landlord'),
        ])
        .when(acceptResolution('assoc'))
        .then([resolutionAccepted('assoc'), resolved]));
    it('names the agreement to amend when the resolution leads to an amendment', () => {
      const amending = event('ResolutionProposed', {
        ...proposed().data,
        amendsAgreementId: 'homework-club',
      });
      spec
        .given([...inMediation, amending, resolutionAccepted('city'), resolutionAccepted('assoc')])
        .when(acceptResolution('landlord'))
        .then([
          resolutionAccepted('landlord'),
          event('ConflictResolved', {
            conflictId,
            proposalId: 'r1',
            amendsAgreementId: 'homework-club',
          }),
        ]);
    });
    it('lets a party reject the proposal, which is then off the table', () => {
      const rejected = event('ResolutionRejected', rejectResolution('landlord').data);
      spec
        .given([...inMediation, proposed()])
        .when(rejectResolution('landlord'))
        .then([rejected]);
      spec
        .given([...inMediation, proposed(), rejected])
        .when(acceptResolution('city'))
        .thenThrows('conflict-proposal-not-current');
    });
    it('lets a new proposal supersede the pending one, whose acceptances lapse', () => {
      const given = [
        ...inMediation,
        proposed(),
        resolutionAccepted('city'),
        resolutionAccepted('landlord'),
        proposed('r2', 'assoc'),
      ];
      spec.given(given).when(acceptResolution('assoc')).thenThrows('conflict-proposal-not-current');
      spec
        .given(given)
        .when(acceptResolution('assoc', 'r2'))
        .then([resolutionAccepted('assoc', 'r2')]);
    });
    it('refuses an answer to a proposal never made', () =>
      spec
        .given(inMediation)
        .when(rejectResolution('city', 'r9'))
        .thenThrows('conflict-proposal-not-current'));
    it('refuses an answer from someone who is not a party, the mediator included', () =>
      spec
        .given([...inMediation, proposed()])
        .when(acceptResolution(mediatorId))
        .thenThrows('conflict-not-a-party'));
    it('lets a party answer a proposal only once', () => {
      const given = [...inMediation, proposed(), resolutionAccepted('city')];
      spec
        .given(given)
        .when(acceptResolution('city'))
        .thenThrows('conflict-party-already-answered');
      spec
        .given(given)
        .when(rejectResolution('city'))
        .thenThrows('conflict-party-already-answered');
    });
  });

  describe('escalation and withdrawal', () => {
    it('escalates an unresolved conflict at any stage, to someone, with a reason', () => {
      for (const given of [[raised], [raised, acknowledged], inMediation]) {
        spec.given(given).when(escalate).then([escalated]);
      }
    });
    it('lets the raiser withdraw the conflict', () =>
      spec.given(inMediation).when(withdraw('assoc')).then([withdrawn]));
    it('refuses a withdrawal by anyone but the raiser', () =>
      spec.given([raised]).when(withdraw('city')).thenThrows('conflict-withdrawn-only-by-raiser'));
  });

  describe('follow-up review', () => {
    it('schedules, and reschedules, a follow-up review of a resolved conflict', () => {
      const scheduled = event('FollowUpReviewScheduled', { conflictId, reviewOn: '2027-03-01' });
      spec.given(isResolved).when(followUp('2027-03-01')).then([scheduled]);
      spec
        .given([...isResolved, scheduled])
        .when(followUp('2027-06-01'))
        .then([event('FollowUpReviewScheduled', { conflictId, reviewOn: '2027-06-01' })]);
    });
    it('schedules a review by the day the act took effect: in the future then, in the past now', () =>
      spec
        .given(isResolved)
        .when({ ...followUp('2026-01-15'), metadata: { ...metadata, effectiveDate: '2025-12-01' } })
        .then([event('FollowUpReviewScheduled', { conflictId, reviewOn: '2026-01-15' })]));
    it('refuses a review date that is today or past', () =>
      spec
        .given(isResolved)
        .when(followUp('2026-11-27'))
        .thenThrows('conflict-follow-up-not-in-the-future'));
    it('refuses a follow-up review on a conflict that is not resolved', () => {
      for (const given of [inMediation, [raised, escalated], [raised, withdrawn]]) {
        spec.given(given).when(followUp('2027-03-01')).thenThrows('conflict-not-resolved');
      }
    });
  });

  describe('closed conflicts', () => {
    it('accepts nothing new once resolved, escalated or withdrawn', () => {
      const closings = [isResolved, [...inMediation, escalated], [...inMediation, withdrawn]];
      const attempts = [
        acknowledge('city'),
        proposeMediator('mediator-8'),
        statement('city', 's9'),
        session({ sessionId: 'm9' }),
        proposeResolution('r9'),
        acceptResolution('city'),
        escalate,
        withdraw('assoc'),
      ];
      for (const given of closings) {
        for (const next of attempts) spec.given(given).when(next).thenThrows('conflict-closed');
      }
    });
  });

  describe('state', () => {
    it('folds parties, mediator, pending proposal, outcome and review date', () => {
      let state = conflictDecider.initialState();
      for (const e of [...inMediation, proposed(), resolutionAccepted('city')])
        state = conflictDecider.evolve(state, e);
      expect(state.status).toBe('in_mediation');
      expect(state.mediatorId).toBe(mediatorId);
      expect(state.proposedMediator).toBeUndefined();
      expect(state.currentProposal).toEqual({ proposalId: 'r1', acceptedBy: ['city'] });
      for (const e of [
        resolutionAccepted('assoc'),
        resolutionAccepted('landlord'),
        resolved,
        event('FollowUpReviewScheduled', { conflictId, reviewOn: '2027-03-01' }),
      ])
        state = conflictDecider.evolve(state, e);
      expect(state).toMatchObject({
        status: 'resolved',
        resolvedBy: 'r1',
        followUpReviewOn: '2027-03-01',
        raisedBy: 'assoc',
        parties: ['city', 'landlord'],
      });
    });
  });
});
