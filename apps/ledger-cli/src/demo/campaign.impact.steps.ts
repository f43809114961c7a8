import { ADMIN, as, MEDIATORS, PARTNERS } from './demo-cast';
import { type DemoStep, on } from './demo-step';
import { feedbackSteps, indicatorSteps } from './impact-steps';
import { CAMPAIGN } from './campaign.partnership.steps';
import type { Seeded } from './seeded';

const { maison, radio, conseilCitoyen } = PARTNERS;
/** The conflict still in mediation: a resolution was proposed and rejected. */
export const OPEN_CONFLICT = 'spots-radio-horaires';

const SURVEY = {
  source: 'Montclair resident survey (600 respondents, quota sample by neighbourhood)',
  meansOfVerification: 'Survey dataset and method note published by the observatoire social',
};
const HALF_YEARS = [
  { id: '2025-h2', from: '2025-10-01', to: '2026-03-31', day: '2026-04-20' },
  { id: '2026-h1', from: '2026-04-01', to: '2026-09-30', day: '2026-10-19' },
];

/** Belonging and safety, surveyed each half-year; the open conflict about the radio spots. */
export const campaignImpactSteps = (seeded: Seeded): DemoStep[] => [
  ...indicatorSteps(
    '2025-10-02',
    {
      indicatorId: 'sentiment-appartenance',
      partnershipId: CAMPAIGN,
      code: 'BELONGING',
      name: 'Sense of belonging to the neighbourhood (mean answer, 1 to 5)',
      unit: { kind: 'likert', scale: { min: 1, max: 5 } },
      baseline: { value: 2.9, date: '2025-09-30' },
      target: { value: 3.6, date: '2027-06-30' },
      direction: 'up',
      frequency: 'semiannual',
      dimensions: ['neighbourhood'],
    },
    HALF_YEARS.map((period, index) => {
      const value = seeded.between(
        `belonging-${period.id}`,
        3.05 + index * 0.2,
        3.15 + index * 0.2,
        2,
      );
      return {
        ...period,
        ...SURVEY,
        measurementId: period.id,
        value,
        byNeighbourhood: { 'Bel-Air': Math.round((value - 0.2) * 100) / 100, 'La Source': value },
      };
    }),
  ),
  ...indicatorSteps(
    '2025-10-02',
    {
      indicatorId: 'sentiment-securite',
      partnershipId: CAMPAIGN,
      code: 'SAFETY',
      name: 'Residents who feel safe in public spaces after dark (%)',
      unit: { kind: 'percent' },
      baseline: { value: 46, date: '2025-09-30' },
      target: { value: 60, date: '2027-06-30' },
      direction: 'up',
      frequency: 'semiannual',
      dimensions: ['neighbourhood'],
    },
    HALF_YEARS.map((period, index) => ({
      ...period,
      ...SURVEY,
      measurementId: period.id,
      value: seeded.between(`safety-${period.id}`, 48 + index * 4, 50 + index * 4),
    })),
  ),
  on('2026-04-27', (demo) =>
    demo.indicator('correct-belonging-2025-h2', ADMIN, 'CorrectMeasurement', {
      indicatorId: 'sentiment-appartenance',
      measurementId: '2025-h2',
      value: seeded.between('belonging-2025-h2-corrected', 3.1, 3.2, 2),
      reason: '48 late paper questionnaires from Bel-Air added to the sample',
    }),
  ),
  on('2026-05-06', (demo) =>
    demo.conflict(`conflict-${OPEN_CONFLICT}`, as(conseilCitoyen), 'RaiseConflict', {
      conflictId: OPEN_CONFLICT,
      partnershipId: CAMPAIGN,
      raisedBy: conseilCitoyen.partnerId,
      parties: [radio.partnerId],
      subject: { kind: 'commitment', commitmentId: 'radio-spots' },
      summary:
        'Most campaign spots were broadcast after 22:00, when few residents of Bel-Air listen',
    }),
  ),
  on('2026-05-11', async (demo) => {
    const c = OPEN_CONFLICT;
    await demo.conflict(`${c}-ack`, as(radio), 'AcknowledgeConflict', {
      conflictId: c,
      acknowledgedBy: radio.partnerId,
    });
    await demo.conflict(`${c}-mediator`, ADMIN, 'ProposeMediator', {
      conflictId: c,
      mediatorId: MEDIATORS.karim.sub,
    });
    for (const party of [conseilCitoyen, radio]) {
      await demo.conflict(`${c}-accept-mediator-${party.partnerId}`, as(party), 'AcceptMediator', {
        conflictId: c,
        mediatorId: MEDIATORS.karim.sub,
        partyId: party.partnerId,
      });
    }
  }),
  on('2026-05-18', async (demo) => {
    const c = OPEN_CONFLICT;
    await demo.conflict(`${c}-statement-conseil`, as(conseilCitoyen), 'RecordStatement', {
      conflictId: c,
      statementId: 'conseil-citoyen-1',
      partyId: conseilCitoyen.partnerId,
      text: 'Our relays heard the spots twice in a month; the station’s log shows 70% of them after 22:00.',
    });
    await demo.conflict(`${c}-statement-radio`, as(radio), 'RecordStatement', {
      conflictId: c,
      statementId: 'radio-1',
      partyId: radio.partnerId,
      text: 'The airtime is given free; daytime slots are sold to advertisers months in advance.',
    });
    await demo.conflict(`${c}-session-1`, MEDIATORS.karim, 'RecordMediationSession', {
      conflictId: c,
      sessionId: 'session-1',
      heldOn: '2026-05-18',
      attendees: [conseilCitoyen.partnerId, radio.partnerId, MEDIATORS.karim.sub],
      summary:
        'The station offers to repeat the spots in the autumn; residents ask for daytime slots',
      recordedBy: MEDIATORS.karim.sub,
    });
    await demo.conflict(`${c}-proposal-autumn`, as(radio), 'ProposeResolution', {
      conflictId: c,
      proposalId: 'rediffusion-automne',
      proposedBy: radio.partnerId,
      terms: 'Radio Horizon broadcasts the spots again in October, at the same hours',
    });
  }),
  on('2026-05-22', (demo) =>
    demo.conflict(`${OPEN_CONFLICT}-reject-autumn`, as(conseilCitoyen), 'RejectResolution', {
      conflictId: OPEN_CONFLICT,
      proposalId: 'rediffusion-automne',
      partyId: conseilCitoyen.partnerId,
      reason: 'The same hours would reach the same few listeners; we need at least half in daytime',
    }),
  ),
  ...feedbackSteps({
    day: '2026-03-21',
    feedbackId: 'ensemble-exposition',
    partnershipId: CAMPAIGN,
    from: 'resident-belair-0921',
    subject: { kind: 'objective', objectiveId: 'reach-5000' },
    rating: 4,
    text: 'The portraits of our neighbours at the médiathèque moved my children. Bring it to the Bel-Air market.',
    channel: 'web',
    handledBy: {
      principal: as(maison),
      day: '2026-03-30',
      action: 'The exhibition travels to the Bel-Air social centre in April',
    },
  }),
  ...feedbackSteps({
    day: '2026-05-04',
    feedbackId: 'ensemble-spots-tardifs',
    partnershipId: CAMPAIGN,
    from: 'resident-belair-1107',
    subject: { kind: 'commitment', commitmentId: 'radio-spots' },
    rating: 2,
    text: 'I only heard the campaign on the radio once, late at night.',
    channel: 'in_person',
    handledBy: { principal: as(conseilCitoyen), day: '2026-05-06' },
  }),
];
