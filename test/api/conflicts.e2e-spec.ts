import type { Response } from 'supertest';
import {
  calendarDay,
  expectRefused,
  HALL_CLAUSES,
  inPartnership,
  partnershipWith,
} from '../support/agreements-fixtures';
import { startTestLedger, type TestLedger } from '../support/ledger-app';
import {
  admin,
  expectProblem,
  type LedgerClient,
  ledgerClient,
  partner,
  type Principal,
} from '../support/ledger-client';

const city = partner('city');
const assoc = partner('assoc');
const residents = partner('residents');
const acme = partner('acme');
const dupont: Principal = { sub: 'dupont-mediation', roles: ['mediator'] };
const martin: Principal = { sub: 'martin-mediation', roles: ['mediator'] };

const hallClause = { kind: 'agreement_clause', agreementId: 'harmony--hall', clauseId: 'c1' };
const free = { kind: 'free', description: 'Noise in the courtyard after the club' };

interface RecordedEvent {
  type: string;
  data: Record<string, unknown>;
}

describe('conflicts through HTTP', () => {
  let ledger: TestLedger;
  let api: LedgerClient;

  beforeAll(async () => {
    ledger = await startTestLedger();
    api = ledgerClient(ledger);
    await partnershipWith(api, 'harmony', ['city', 'assoc', 'residents', 'acme']);
    await partnershipWith(api, 'elsewhere', ['city', 'assoc']);
    for (const [agreementId, partnershipId] of [
      ['hall', 'harmony'],
      ['other-hall', 'elsewhere'],
    ]) {
      await api
        .post('/agreements', {
          agreementId,
          partnershipId,
          title: 'Hall',
          parties: ['city', 'assoc'],
          clauses: HALL_CLAUSES,
        })
        .expect(201);
    }
  });
  afterAll(() => ledger.close());

  const refused = (send: () => PromiseLike<Response>, status: number, slug: string) =>
    expectRefused(api, send, status, slug);
  const raise = (conflictId: string, as: Principal, extra: object = {}) =>
    api.post(
      '/conflicts',
      {
        conflictId,
        partnershipId: 'harmony',
        parties: ['city'],
        subject: hallClause,
        summary: 'The hall was locked on two Wednesdays',
        ...extra,
      },
      as,
    );
  const on = (conflictId: string, path: string, body: object, as: Principal = admin) =>
    api.post(`/conflicts/${conflictId}/${path}`, body, as);
  const eventsOf = async (conflictId: string): Promise<RecordedEvent[]> => {
    const response = await api.get(`/streams/conflict-${conflictId}/events`).expect(200);
    return (response.body as { events: RecordedEvent[] }).events;
  };
  const stateOf = async (conflictId: string) =>
    ((await api.get(`/streams/conflict-${conflictId}/state`).expect(200)).body as { state: object })
      .state;

  /** Raised by assoc against city, acknowledged, with `mediator` accepted by both. */
  async function inMediation(requestedId: string, mediator: Principal = martin) {
    await raise(requestedId, assoc).expect(201);
    const conflictId = inPartnership('harmony', requestedId);
    await on(conflictId, 'acknowledgement', {}, city).expect(200);
    await on(conflictId, 'mediator-proposals', { mediatorId: mediator.sub }).expect(201);
    for (const party of [assoc, city]) {
      await on(conflictId, `mediator-proposals/${mediator.sub}/acceptance`, {}, party).expect(200);
    }
  }

  it('mediates a conflict from raising to an accepted resolution and a follow-up review', async () => {
    const raised = await raise('hall-access', assoc).expect(201);
    expect(raised.body).toEqual({
      id: 'harmony--hall-access',
      stream: 'conflict-harmony--hall-access',
      revision: '0',
      position: expect.stringMatching(/^\d+$/) as unknown,
      events: ['ConflictRaised'],
    });
    const steps: [string, object, Principal, number, string[]][] = [
      ['acknowledgement', {}, city, 200, ['ConflictAcknowledged']],
      ['mediator-proposals', { mediatorId: dupont.sub }, admin, 201, ['MediatorProposed']],
      [
        `mediator-proposals/${dupont.sub}/objection`,
        { reason: 'She advised the city on the hall last year' },
        assoc,
        200,
        ['MediatorObjected'],
      ],
      ['mediator-proposals', { mediatorId: martin.sub }, admin, 201, ['MediatorProposed']],
      [`mediator-proposals/${martin.sub}/acceptance`, {}, assoc, 200, ['MediatorAccepted']],
      [
        `mediator-proposals/${martin.sub}/acceptance`,
        {},
        city,
        200,
        ['MediatorAccepted', 'MediatorAssigned'],
      ],
      [
        'statements',
        { statementId: 's-assoc', text: 'We were told Wednesdays were ours' },
        assoc,
        201,
        ['StatementRecorded'],
      ],
      ['statements', { text: 'The caretaker was ill' }, city, 201, ['StatementRecorded']],
      [
        'sessions',
        {
          heldOn: calendarDay(-1),
          attendees: ['assoc', 'city', martin.sub],
          summary: 'Both sides want a shared calendar',
        },
        martin,
        201,
        ['MediationSessionHeld'],
      ],
      [
        'resolution-proposals',
        { proposalId: 'p-city', terms: 'The association moves to Thursdays' },
        city,
        201,
        ['ResolutionProposed'],
      ],
      [
        'resolution-proposals/p-city/rejection',
        { reason: 'The volunteers work on Thursdays' },
        assoc,
        200,
        ['ResolutionRejected'],
      ],
      [
        'resolution-proposals',
        {
          proposalId: 'p-shared',
          terms: 'A shared calendar; the caretaker opens by 2 pm',
          amendsAgreementId: 'harmony--hall',
        },
        martin,
        201,
        ['ResolutionProposed'],
      ],
      ['resolution-proposals/p-shared/acceptance', {}, assoc, 200, ['ResolutionAccepted']],
      [
        'resolution-proposals/p-shared/acceptance',
        {},
        city,
        200,
        ['ResolutionAccepted', 'ConflictResolved'],
      ],
    ];
    for (const [path, body, as, status, events] of steps) {
      const response = await on('harmony--hall-access', path, body, as);
      expect({ path, status: response.status, body: response.body as unknown }).toMatchObject({
        path,
        status,
        body: { stream: 'conflict-harmony--hall-access', events },
      });
    }
    const review = await api
      .put('/conflicts/harmony--hall-access/follow-up-review', { reviewOn: calendarDay(90) })
      .expect(200);
    expect(review.body).toMatchObject({ revision: '17', events: ['FollowUpReviewScheduled'] });

    expect(await stateOf('harmony--hall-access')).toMatchObject({
      status: 'resolved',
      raisedBy: 'assoc',
      subject: hallClause,
      mediatorId: martin.sub,
      statementIds: ['s-assoc', expect.any(String) as unknown],
      sessionIds: [expect.any(String) as unknown],
      proposalIds: ['p-city', 'p-shared'],
      resolvedBy: 'p-shared',
      followUpReviewOn: calendarDay(90),
    });
    // Who acted is the principal: a partner for a party, the person for the mediator.
    const events = await eventsOf('harmony--hall-access');
    const data = (type: string) => events.filter((e) => e.type === type).map((e) => e.data);
    expect(data('ConflictRaised')[0]).toMatchObject({ raisedBy: 'assoc', parties: ['city'] });
    expect(data('MediationSessionHeld')[0]).toMatchObject({ recordedBy: martin.sub });
    expect(data('ResolutionProposed').map((d) => d.proposedBy)).toEqual(['city', martin.sub]);
    expect(data('ConflictResolved')[0]).toMatchObject({ amendsAgreementId: 'harmony--hall' });
  });

  it('lets the raiser withdraw a conflict', async () => {
    await raise('noise', residents, { parties: ['acme'], subject: free }).expect(201);
    const withdrawn = await on(
      'harmony--noise',
      'withdrawal',
      { reason: 'Settled over coffee' },
      residents,
    );
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ events: ['ConflictWithdrawn'] });
    expect(await stateOf('harmony--noise')).toMatchObject({
      status: 'withdrawn',
      raisedBy: 'residents',
    });
  });

  it('escalates a conflict that mediation cannot settle', async () => {
    await raise('budget', city, { parties: ['assoc', 'acme'], subject: free }).expect(201);
    await on('harmony--budget', 'acknowledgement', {}, acme).expect(200);
    const escalated = await on('harmony--budget', 'escalation', {
      escalatedTo: 'Municipal ombudsman',
      reason: 'No common ground after three meetings',
    });
    expect(escalated.status).toBe(200);
    expect(escalated.body).toMatchObject({ events: ['ConflictEscalated'] });
    expect(await stateOf('harmony--budget')).toMatchObject({ status: 'escalated' });
  });

  describe('refusals, which record nothing', () => {
    beforeAll(async () => {
      await raise('raised', assoc).expect(201);
      await raise('acknowledged', assoc).expect(201);
      await on('harmony--acknowledged', 'acknowledgement', {}, city).expect(200);
      await inMediation('mediated');
    });

    it.each([
      // A partner raises only in its own partnerships (403); paper records meet the domain rules.
      [
        'a raiser who is not a member',
        admin,
        { raisedBy: 'stranger' },
        'conflict-raiser-not-member',
      ],
      [
        'the raiser among the parties',
        assoc,
        { parties: ['assoc'] },
        'conflict-raised-against-oneself',
      ],
      ['no party', assoc, { parties: [] }, 'conflict-needs-a-party'],
      ['a party who is not a member', assoc, { parties: ['ghost'] }, 'conflict-party-not-member'],
      ['a party named twice', assoc, { parties: ['city', 'city'] }, 'conflict-parties-duplicated'],
      [
        'a partnership never founded',
        admin,
        { raisedBy: 'assoc', partnershipId: 'nowhere', subject: free },
        'conflict-partnership-not-open',
      ],
      [
        'a commitment never made',
        assoc,
        { subject: { kind: 'commitment', commitmentId: 'ghost' } },
        'conflict-subject-not-in-partnership',
      ],
      [
        'a contribution never recorded',
        assoc,
        { subject: { kind: 'contribution', contributionId: 'ghost' } },
        'conflict-subject-not-in-partnership',
      ],
      [
        'a clause the agreement does not have',
        assoc,
        { subject: { ...hallClause, clauseId: 'c9' } },
        'conflict-subject-not-in-partnership',
      ],
      [
        "another partnership's agreement",
        assoc,
        { subject: { ...hallClause, agreementId: 'elsewhere--other-hall' } },
        'conflict-subject-not-in-partnership',
      ],
    ])('refuses to raise a conflict with %s (422)', async (_case, as, extra, slug) => {
      await refused(() => raise('refused', as, extra), 422, slug);
    });

    it('refuses to raise the same conflict twice (422)', async () => {
      await refused(() => raise('raised', assoc), 422, 'conflict-already-raised');
    });

    it('refuses what a raised conflict is not ready for (422)', async () => {
      await refused(
        () => on('harmony--raised', 'acknowledgement', {}, assoc),
        422,
        'conflict-acknowledger-not-a-party',
      );
      await refused(
        () => on('harmony--raised', 'mediator-proposals', { mediatorId: martin.sub }),
        422,
        'conflict-not-acknowledged',
      );
      await refused(
        () => on('harmony--raised', 'statements', { text: 'early' }, assoc),
        422,
        'conflict-not-in-mediation',
      );
      await refused(
        () => on('harmony--raised', 'withdrawal', { reason: 'not mine to withdraw' }, city),
        422,
        'conflict-withdrawn-only-by-raiser',
      );
      await refused(
        () => api.put('/conflicts/harmony--raised/follow-up-review', { reviewOn: calendarDay(30) }),
        422,
        'conflict-not-resolved',
      );
    });

    it('refuses a mediator who acts for a party, as the people directory says (422)', async () => {
      const staff = (personId: string, partnerId: string) => ({
        personId,
        displayName: `Staff ${personId}`,
        email: `${personId}@${partnerId}.example`,
        partnerId,
        roles: ['partner'],
      });
      await api.post('/people', staff('city-clerk', 'city'), admin).expect(201);
      await api.post('/people', staff('assoc-clerk', 'assoc'), admin).expect(201);
      await api.post('/people', staff('acme-clerk', 'acme'), admin).expect(201);
      // The city is a party, the association raised the conflict: neither's staff may mediate.
      for (const mediatorId of ['city-clerk', 'assoc-clerk']) {
        await refused(
          () => on('harmony--acknowledged', 'mediator-proposals', { mediatorId }),
          422,
          'conflict-mediator-acts-for-party',
        );
      }
      // ACME's staff may: ACME is a member, but no party to this conflict.
      await raise('impartial', assoc).expect(201);
      await on('harmony--impartial', 'acknowledgement', {}, city).expect(200);
      await on('harmony--impartial', 'mediator-proposals', { mediatorId: 'acme-clerk' }).expect(
        201,
      );
    });

    it('refuses a partial mediator, or an answer to a mediator not proposed (422)', async () => {
      await refused(
        () => on('harmony--acknowledged', 'acknowledgement', {}, city),
        422,
        'conflict-already-acknowledged',
      );
      await refused(
        () => on('harmony--acknowledged', 'mediator-proposals', { mediatorId: 'city' }),
        422,
        'conflict-mediator-not-impartial',
      );
      await refused(
        () => on('harmony--acknowledged', `mediator-proposals/${martin.sub}/acceptance`, {}, city),
        422,
        'conflict-mediator-not-proposed',
      );
    });

    it('refuses to propose a mediator while one awaits answers, or to answer twice (422)', async () => {
      await raise('pending', assoc).expect(201);
      await on('harmony--pending', 'acknowledgement', {}, city).expect(200);
      await on('harmony--pending', 'mediator-proposals', { mediatorId: dupont.sub }).expect(201);
      await on('harmony--pending', `mediator-proposals/${dupont.sub}/acceptance`, {}, city).expect(
        200,
      );
      await refused(
        () => on('harmony--pending', 'mediator-proposals', { mediatorId: martin.sub }),
        422,
        'conflict-mediator-already-proposed',
      );
      await refused(
        () =>
          on(
            'harmony--pending',
            `mediator-proposals/${dupont.sub}/objection`,
            { reason: 'x' },
            city,
          ),
        422,
        'conflict-party-already-answered',
      );
    });

    it('keeps sessions to the assigned mediator, past dates and the people involved (422)', async () => {
      const session = { heldOn: calendarDay(-1), attendees: ['assoc'], summary: 'Talked' };
      await refused(
        () => on('harmony--mediated', 'mediator-proposals', { mediatorId: dupont.sub }),
        422,
        'conflict-mediator-already-assigned',
      );
      // Another mediator is answered 404 (the case is confidential to it); an administrator sees
      // the case, and is not its mediator either.
      await refused(
        () => on('harmony--mediated', 'sessions', session, admin),
        422,
        'conflict-not-the-mediator',
      );
      await refused(
        () => on('harmony--mediated', 'sessions', { ...session, heldOn: calendarDay(2) }, martin),
        422,
        'conflict-session-in-the-future',
      );
      await refused(
        () => on('harmony--mediated', 'sessions', { ...session, attendees: ['acme'] }, martin),
        422,
        'conflict-session-attendee-not-involved',
      );
      await on('harmony--mediated', 'sessions', { ...session, sessionId: 'first' }, martin).expect(
        201,
      );
      await refused(
        () => on('harmony--mediated', 'sessions', { ...session, sessionId: 'first' }, martin),
        422,
        'conflict-session-already-recorded',
      );
      await on(
        'harmony--mediated',
        'statements',
        { statementId: 'st', text: 'Ours' },
        assoc,
      ).expect(201);
      await refused(
        () => on('harmony--mediated', 'statements', { statementId: 'st', text: 'Again' }, city),
        422,
        'conflict-statement-already-recorded',
      );
      // A member who is no party is answered 404 (the case is confidential to it): an
      // administrator's paper record for that member meets the domain rule.
      await refused(
        () => on('harmony--mediated', 'statements', { text: 'Me too', partyId: 'acme' }, admin),
        422,
        'conflict-not-a-party',
      );
    });

    it('keeps resolution proposals to those involved, and answers to the current one (422)', async () => {
      const proposal = { proposalId: 'p1', terms: 'Share the hall' };
      // A member who is no party is answered 404 (the case is confidential to it): an
      // administrator's paper record for that member meets the domain rule.
      await refused(
        () =>
          on(
            'harmony--mediated',
            'resolution-proposals',
            { ...proposal, proposedBy: 'acme' },
            admin,
          ),
        422,
        'conflict-proposer-not-involved',
      );
      // Neither the mediator nor acting for a partner: nobody to propose for.
      await refused(
        () => on('harmony--mediated', 'resolution-proposals', proposal, admin),
        422,
        'acting-partner-required',
      );
      for (const agreementId of ['elsewhere--other-hall', 'nowhere']) {
        await refused(
          () =>
            on(
              'harmony--mediated',
              'resolution-proposals',
              { ...proposal, amendsAgreementId: agreementId },
              martin,
            ),
          422,
          'conflict-agreement-not-in-partnership',
        );
      }
      await on('harmony--mediated', 'resolution-proposals', proposal, martin).expect(201);
      await refused(
        () => on('harmony--mediated', 'resolution-proposals', proposal, martin),
        422,
        'conflict-proposal-already-made',
      );
      await on('harmony--mediated', 'resolution-proposals/p1/acceptance', {}, assoc).expect(200);
      await refused(
        () => on('harmony--mediated', 'resolution-proposals/p1/acceptance', {}, assoc),
        422,
        'conflict-party-already-answered',
      );
      await refused(
        () => on('harmony--mediated', 'resolution-proposals/p0/acceptance', {}, city),
        422,
        'conflict-proposal-not-current',
      );
    });

    it('refuses anything but a follow-up review once closed, and a review not in the future (422)', async () => {
      await inMediation('closing');
      await on(
        'harmony--closing',
        'resolution-proposals',
        { proposalId: 'p', terms: 'Share' },
        martin,
      ).expect(201);
      await on('harmony--closing', 'resolution-proposals/p/acceptance', {}, assoc).expect(200);
      await on('harmony--closing', 'resolution-proposals/p/acceptance', {}, city).expect(200);
      await refused(
        () => on('harmony--closing', 'statements', { text: 'late' }, assoc),
        422,
        'conflict-closed',
      );
      await refused(
        () => on('harmony--closing', 'escalation', { escalatedTo: 'Court', reason: 'x' }),
        422,
        'conflict-closed',
      );
      await refused(
        () => api.put('/conflicts/harmony--closing/follow-up-review', { reviewOn: calendarDay() }),
        422,
        'conflict-follow-up-not-in-the-future',
      );
    });

    it('answers 404 for a conflict never raised', async () => {
      await refused(() => on('nowhere', 'acknowledgement', {}, city), 404, 'not-found');
      await refused(
        () => on('nowhere', 'resolution-proposals', { terms: 'Share' }, martin),
        404,
        'not-found',
      );
      await refused(
        () => api.put('/conflicts/nowhere/follow-up-review', { reviewOn: calendarDay(30) }),
        404,
        'not-found',
      );
    });

    it('forbids a partner to act in the name of another partner (403)', async () => {
      await refused(
        () => raise('refused', city, { raisedBy: 'assoc', parties: ['acme'] }),
        403,
        'forbidden',
      );
      await refused(
        () => on('harmony--acknowledged', 'acknowledgement', { acknowledgedBy: 'acme' }, city),
        403,
        'forbidden',
      );
      await refused(
        () =>
          on(
            'harmony--mediated',
            'resolution-proposals',
            { terms: 'Mine', proposedBy: 'assoc' },
            city,
          ),
        403,
        'forbidden',
      );
      await refused(
        () =>
          on(
            'harmony--mediated',
            'resolution-proposals/p1/rejection',
            { reason: 'no', partyId: 'assoc' },
            city,
          ),
        403,
        'forbidden',
      );
      await refused(
        () => on('harmony--raised', 'withdrawal', { reason: 'mine', withdrawnBy: 'city' }, assoc),
        403,
        'forbidden',
      );
    });

    it.each([
      ['no subject', { subject: undefined }],
      ['a subject that is a string', { subject: 'the hall' }],
      ['a subject that is a list', { subject: [hallClause] }],
      ['a subject without kind', { subject: { commitmentId: 'c' } }],
      ['a subject of an unknown kind', { subject: { kind: 'rumour', description: 'x' } }],
      ['a commitment subject without its id', { subject: { kind: 'commitment' } }],
      [
        'a commitment subject with a clause id',
        { subject: { kind: 'commitment', commitmentId: 'c', clauseId: 'c1' } },
      ],
      [
        'a contribution subject with a bad id',
        { subject: { kind: 'contribution', contributionId: '../x' } },
      ],
      ['a clause subject without the clause', { subject: { ...hallClause, clauseId: undefined } }],
      ['a free subject without a description', { subject: { kind: 'free', description: '' } }],
      ['a free subject with an id', { subject: { ...free, agreementId: 'hall' } }],
      ['parties that are not a list', { parties: 'city' }],
      ['an unknown field', { severity: 'high' }],
    ])('refuses to raise a conflict with %s (400)', async (_case, extra) => {
      const before = await api.logSize();
      const response = await raise('bad', assoc, extra);
      expectProblem(response, 400, 'bad-request');
      expect((response.body as { errors: string[] }).errors.length).toBeGreaterThan(0);
      expect(await api.logSize()).toBe(before);
    });

    it.each([
      ['a mediator id that is no person id', 'mediator-proposals', { mediatorId: 'a b' }],
      ['a mediator in the path that is no person id', 'mediator-proposals/a%20b/acceptance', {}],
      [
        'a session on no calendar date',
        'sessions',
        { heldOn: '2026-02-30', attendees: [], summary: 's' },
      ],
      ['a resolution without terms', 'resolution-proposals', { proposalId: 'p9' }],
      ['a bad agreement id', 'resolution-proposals', { terms: 't', amendsAgreementId: '../a' }],
      ['an escalation to nobody', 'escalation', { reason: 'r' }],
      ['a proposal id that is not an id', 'resolution-proposals/a%20b/acceptance', {}],
    ])('refuses %s (400)', async (_case, path, body) => {
      // The mediator may call only the mediator's routes; a party may call the others.
      const as = ['sessions', 'resolution-proposals'].includes(path) ? martin : assoc;
      await refused(() => on('harmony--mediated', path, body, as), 400, 'bad-request');
    });

    it('refuses a follow-up review on no calendar date (400)', async () => {
      await refused(
        () => api.put('/conflicts/harmony--closing/follow-up-review', { reviewOn: '2027-13-01' }),
        400,
        'bad-request',
      );
    });
  });

  it('documents each kind of subject in the OpenAPI document', async () => {
    const response = await api.get('/docs/json').expect(200);
    const { components } = response.body as { components: { schemas: Record<string, unknown> } };
    expect(Object.keys(components.schemas)).toEqual(
      expect.arrayContaining([
        'CommitmentSubjectDto',
        'ContributionSubjectDto',
        'AgreementClauseSubjectDto',
        'FreeSubjectDto',
      ]),
    );
  });
});
