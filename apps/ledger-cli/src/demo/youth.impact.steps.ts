import { as, PARTNERS } from './demo-cast';
import type { DemoStep } from './demo-step';
import { feedbackSteps, indicatorSteps } from './impact-steps';
import type { Seeded } from './seeded';
import { YOUTH } from './youth.partnership.steps';

const { sosJeunes, capTutorat } = PARTNERS;
const QUARTERS = [
  { id: '2025-q4', from: '2025-10-01', to: '2025-12-31', day: '2026-01-12', trend: 52 },
  { id: '2026-q1', from: '2026-01-01', to: '2026-03-31', day: '2026-04-10', trend: 58 },
  { id: '2026-q2', from: '2026-04-01', to: '2026-06-30', day: '2026-07-08', trend: 63 },
  { id: '2026-q3', from: '2026-07-01', to: '2026-09-30', day: '2026-10-09', trend: 61 },
];

/** Participation and inequality, measured over the school year; feedback from families. */
export const youthImpactSteps = (seeded: Seeded): DemoStep[] => [
  ...indicatorSteps(
    '2025-09-29',
    {
      indicatorId: 'taux-participation',
      partnershipId: YOUTH,
      objectiveId: 'halve-dropout',
      code: 'PART-RATE',
      name: 'Participation rate: referred pupils attending at least 75% of the sessions',
      unit: { kind: 'percent' },
      baseline: { value: 38, date: '2025-09-30' },
      target: { value: 75, date: '2027-06-30' },
      direction: 'up',
      frequency: 'quarterly',
      dimensions: ['neighbourhood'],
    },
    QUARTERS.map(({ id, from, to, day, trend }) => {
      const value = seeded.between(`participation-${id}`, trend - 2, trend + 2);
      return {
        day,
        measurementId: id,
        from,
        to,
        value,
        byNeighbourhood: { 'Les Tilleuls': value + 3, 'La Source': value - 3 },
        source: 'Homework club and mentoring attendance registers (SOS Jeunes, Cap Tutorat)',
        meansOfVerification: 'Quarterly attendance extract, archived with the steering minutes',
      };
    }),
  ),
  ...indicatorSteps(
    '2025-09-29',
    {
      indicatorId: 'ecart-decrochage',
      partnershipId: YOUTH,
      objectiveId: 'halve-dropout',
      code: 'DROPOUT-GAP',
      name: 'Inequality: dropout rate of Les Tilleuls and La Source relative to the city average',
      unit: { kind: 'ratio' },
      baseline: { value: 2.1, date: '2025-06-30' },
      target: { value: 1.4, date: '2028-06-30' },
      direction: 'down',
      frequency: 'semiannual',
      dimensions: ['neighbourhood'],
    },
    [
      { id: '2025-s2', from: '2025-09-01', to: '2026-01-31', day: '2026-02-16', trend: 1.95 },
      { id: '2026-s1', from: '2026-02-01', to: '2026-07-31', day: '2026-09-14', trend: 1.8 },
    ].map(({ id, from, to, day, trend }) => ({
      day,
      measurementId: id,
      from,
      to,
      value: seeded.between(`dropout-gap-${id}`, trend - 0.05, trend + 0.05, 2),
      source: 'Académie school-leaving register, Collège Jean Moulin and city averages',
      meansOfVerification: 'Register extract provided by the education authority (anonymised)',
    })),
  ),
  ...feedbackSteps({
    day: '2025-09-16',
    feedbackId: 'avenir-kick-off-parent',
    partnershipId: YOUTH,
    from: 'resident-tilleuls-0142',
    subject: { kind: 'meeting', meetingId: 'kick-off' },
    rating: 5,
    text: 'Holding the meeting at the school at 18:30 meant we could come after work. Thank you.',
    channel: 'paper',
    handledBy: { principal: as(sosJeunes), day: '2025-09-23' },
  }),
  ...feedbackSteps({
    day: '2025-11-21',
    feedbackId: 'avenir-club-ferme',
    partnershipId: YOUTH,
    from: 'resident-source-0387',
    subject: { kind: 'commitment', commitmentId: 'cap-tutorat-homework-club' },
    rating: 2,
    text: 'My son came home three Wednesdays in a row because the room was closed. Nobody warned us.',
    channel: 'phone',
    contact: { name: 'Mme Benaïssa', phone: '+33 6 12 34 56 78' },
    handledBy: {
      principal: as(capTutorat),
      day: '2025-12-08',
      action:
        'Families are now warned by text message; coordinators hold access badges (see the mediation)',
    },
  }),
];
