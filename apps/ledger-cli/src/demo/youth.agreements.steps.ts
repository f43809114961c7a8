import { ADMIN, as, MEDIATORS, PARTNERS } from './demo-cast';
import { type DemoStep, on } from './demo-step';
import { proposeAndSign, signAll } from './agreement-steps';
import { YOUTH } from './youth.partnership.steps';

const { vernet, sosJeunes, capTutorat, ville, college, parents, fondation } = PARTNERS;

export const ROOM_AGREEMENT = 'salle-tilleuls';
/** The conflict that goes through mediation to a resolution, which amends the room agreement. */
export const RESOLVED_CONFLICT = 'salle-tilleuls-fermee';

const ROOM_PARTIES = [ville, capTutorat, sosJeunes];
const ROOM_CLAUSES = [
  {
    clauseId: 'opening-hours',
    text: 'The City makes the Salle des Tilleuls available on Wednesdays 13:30-18:00 and Saturdays 9:00-12:30 during school terms.',
  },
  {
    clauseId: 'care',
    text: 'The associations leave the room tidy and report any damage to the City within 48 hours.',
  },
  { clauseId: 'insurance', text: 'Each association insures its own activities in the room.' },
];
const AMENDED_ROOM_CLAUSES = [
  {
    clauseId: 'opening-hours',
    text:
      'The City makes the Salle des Tilleuls available on Wednesdays 13:30-18:00 and Saturdays ' +
      '9:00-12:30 during school terms; the caretakers’ rota is sent to both associations each term.',
  },
  ROOM_CLAUSES[1],
  ROOM_CLAUSES[2],
  {
    clauseId: 'access-badges',
    text: 'Two coordinators of each association hold access badges, so the club never depends on a caretaker.',
  },
];

/** The partnership charter, the room agreement, and the conflict about the locked room. */
export const youthAgreementSteps = (): DemoStep[] => [
  on('2025-09-22', async (demo) => {
    await proposeAndSign(demo, {
      id: 'charte-avenir-jeunes',
      partnershipId: YOUTH,
      title: 'Avenir Jeunes partnership charter',
      proposedBy: ville,
      parties: [vernet, sosJeunes, capTutorat, ville, college, parents, fondation],
      clauses: [
        {
          clauseId: 'purpose',
          text: 'The partners work together to reduce early school leaving in Les Tilleuls and La Source.',
        },
        {
          clauseId: 'governance',
          text: 'A steering meeting gathers every partner at least once a term.',
        },
        {
          clauseId: 'data',
          text: 'Pupils’ personal data stay with the school and SOS Jeunes; the partnership sees aggregates only.',
        },
      ],
      endsOn: '2028-08-31',
    });
    await proposeAndSign(demo, {
      id: ROOM_AGREEMENT,
      partnershipId: YOUTH,
      title: 'Use of the Salle des Tilleuls for the homework club',
      proposedBy: ville,
      parties: ROOM_PARTIES,
      clauses: ROOM_CLAUSES,
      endsOn: '2026-07-05',
    });
  }),
  on('2025-11-20', (demo) =>
    demo.conflict(`conflict-${RESOLVED_CONFLICT}`, as(capTutorat), 'RaiseConflict', {
      conflictId: RESOLVED_CONFLICT,
      partnershipId: YOUTH,
      raisedBy: capTutorat.partnerId,
      parties: [ville.partnerId],
      subject: { kind: 'agreement_clause', agreementId: ROOM_AGREEMENT, clauseId: 'opening-hours' },
      summary:
        'The Salle des Tilleuls was locked on three Wednesday afternoons in November; about 40 pupils were sent home each time',
    }),
  ),
  on('2025-11-24', async (demo) => {
    const c = RESOLVED_CONFLICT;
    await demo.conflict(`${c}-ack`, as(ville), 'AcknowledgeConflict', {
      conflictId: c,
      acknowledgedBy: ville.partnerId,
    });
    await demo.conflict(`${c}-mediator-jean`, ADMIN, 'ProposeMediator', {
      conflictId: c,
      mediatorId: MEDIATORS.jean.sub,
    });
  }),
  on('2025-11-26', async (demo) => {
    const c = RESOLVED_CONFLICT;
    await demo.conflict(`${c}-object-jean`, as(ville), 'ObjectToMediator', {
      conflictId: c,
      mediatorId: MEDIATORS.jean.sub,
      partyId: ville.partnerId,
      reason: 'Jean Roux sits on the board of Cap Tutorat',
    });
    await demo.conflict(`${c}-mediator-claire`, ADMIN, 'ProposeMediator', {
      conflictId: c,
      mediatorId: MEDIATORS.claire.sub,
    });
    for (const party of [capTutorat, ville]) {
      await demo.conflict(`${c}-accept-claire-${party.partnerId}`, as(party), 'AcceptMediator', {
        conflictId: c,
        mediatorId: MEDIATORS.claire.sub,
        partyId: party.partnerId,
      });
    }
  }),
  on('2025-12-01', async (demo) => {
    const c = RESOLVED_CONFLICT;
    await demo.conflict(`${c}-statement-cap`, as(capTutorat), 'RecordStatement', {
      conflictId: c,
      statementId: 'cap-tutorat-1',
      partyId: capTutorat.partnerId,
      text: 'We found the door locked on 5, 12 and 19 November; nobody at the town hall answered the phone.',
    });
    await demo.conflict(`${c}-statement-ville`, as(ville), 'RecordStatement', {
      conflictId: c,
      statementId: 'ville-1',
      partyId: ville.partnerId,
      text: 'The caretakers’ rota was not updated after the autumn holidays; we apologise to the families.',
    });
  }),
  on('2025-12-03', async (demo) => {
    const c = RESOLVED_CONFLICT;
    await demo.conflict(`${c}-session-1`, MEDIATORS.claire, 'RecordMediationSession', {
      conflictId: c,
      sessionId: 'session-1',
      heldOn: '2025-12-03',
      attendees: [capTutorat.partnerId, ville.partnerId, MEDIATORS.claire.sub],
      summary:
        'Both agree the club must never depend on one caretaker; badges for the coordinators discussed',
      recordedBy: MEDIATORS.claire.sub,
    });
    await demo.conflict(`${c}-proposal`, MEDIATORS.claire, 'ProposeResolution', {
      conflictId: c,
      proposalId: 'badges-and-rota',
      terms:
        'The City sends the caretakers’ rota each term and gives two coordinators of each association an access badge; the room agreement is amended accordingly',
      amendsAgreementId: ROOM_AGREEMENT,
    });
  }),
  on('2025-12-05', async (demo) => {
    const c = RESOLVED_CONFLICT;
    for (const party of [capTutorat, ville]) {
      await demo.conflict(
        `${c}-accept-proposal-${party.partnerId}`,
        as(party),
        'AcceptResolution',
        {
          conflictId: c,
          proposalId: 'badges-and-rota',
          partyId: party.partnerId,
        },
      );
    }
    await demo.conflict(`${c}-follow-up`, MEDIATORS.claire, 'ScheduleFollowUpReview', {
      conflictId: c,
      reviewOn: '2026-03-04',
    });
  }),
  on('2025-12-10', async (demo) => {
    await demo.agreement(`amend-${ROOM_AGREEMENT}`, as(ville), 'AmendAgreement', {
      agreementId: ROOM_AGREEMENT,
      amendedBy: ville.partnerId,
      clauses: AMENDED_ROOM_CLAUSES,
      reason: `Resolution badges-and-rota of conflict ${RESOLVED_CONFLICT}`,
    });
    await signAll(demo, ROOM_AGREEMENT, 2, AMENDED_ROOM_CLAUSES, ROOM_PARTIES);
  }),
];
