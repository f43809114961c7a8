import type { CommitmentBeneficiary } from '@cohesion/domain';
import {
  adoptDemoValuationPolicy,
  claimAndConfirm,
  commit,
  contribute,
  join,
} from './demo-actions';
import { ADMIN, as, PARTNERS } from './demo-cast';
import { type DemoStep, on } from './demo-step';
import { proposeAndSign } from './agreement-steps';
import type { Seeded } from './seeded';

export const CAMPAIGN = 'montclair-ensemble';
const { maison, ville, departement, ligue, conseilCitoyen, radio, mediatheque } = PARTNERS;
const RESIDENTS: CommitmentBeneficiary = { kind: 'group', name: 'Residents of Montclair' };

/**
 * An awareness campaign against racial discrimination, run by an intercultural association with
 * the city and the département to foster dialogue between neighbourhoods, from October 2025.
 */
export const campaignPartnershipSteps = (seeded: Seeded): DemoStep[] => [
  on('2025-10-01', async (demo) => {
    await demo.partnership(`${CAMPAIGN}-found`, ADMIN, 'FoundPartnership', {
      partnershipId: CAMPAIGN,
      name: 'Montclair Ensemble — tous égaux, tous voisins',
      purpose:
        'Raise awareness of racial discrimination in housing, employment and public services, ' +
        'and foster intercultural dialogue between the neighbourhoods',
      territory: 'Montclair — whole city, with a focus on Bel-Air and La Source',
      neighbourhoods: ['Bel-Air', 'La Source', 'Centre-ville'],
    });
    await adoptDemoValuationPolicy(demo, CAMPAIGN);
    await join(demo, CAMPAIGN, maison, 'association', 'lead', [
      'campaign design',
      'exhibition',
      'dialogue evenings',
    ]);
    await join(demo, CAMPAIGN, ville, 'local_authority', 'co-lead', [
      'staff training',
      'public spaces',
      'co-funding',
    ]);
    await join(demo, CAMPAIGN, departement, 'local_authority', 'funder', ['funding']);
    await join(demo, CAMPAIGN, ligue, 'association', 'trainer', [
      'anti-discrimination training',
      'legal advice desk',
    ]);
    await join(demo, CAMPAIGN, conseilCitoyen, 'resident_group', 'residents', [
      'neighbourhood relays',
      'feedback',
    ]);
    await join(demo, CAMPAIGN, radio, 'company', 'media partner', ['airtime']);
    await join(demo, CAMPAIGN, mediatheque, 'public_service', 'host', [
      'exhibition venue',
      'reading circles',
    ]);
    await demo.partnership(`${CAMPAIGN}-objective-reach`, ADMIN, 'SetObjective', {
      partnershipId: CAMPAIGN,
      objectiveId: 'reach-5000',
      title: 'Reach 5,000 residents with the campaign',
      description:
        'Through the exhibition, dialogue evenings, radio spots and the neighbourhood relays',
      targetDate: '2026-10-31',
    });
    await demo.partnership(`${CAMPAIGN}-objective-train`, ADMIN, 'SetObjective', {
      partnershipId: CAMPAIGN,
      objectiveId: 'train-front-desk',
      title: 'Train the city’s front-desk staff in non-discrimination',
      description: '12 half-day sessions for about 150 staff of the town hall and social services',
      targetDate: '2026-06-30',
    });
  }),
  on('2025-10-06', async (demo) => {
    await demo.partnership(`${CAMPAIGN}-meeting-kick-off`, ADMIN, 'RecordMeeting', {
      partnershipId: CAMPAIGN,
      meetingId: 'kick-off',
      heldOn: '2025-10-06',
      attendees: [maison, ville, departement, ligue, conseilCitoyen, radio, mediatheque].map(
        (p) => p.partnerId,
      ),
      decisions: [
        'The exhibition “Visages de Montclair” opens at the médiathèque in March',
        'Radio spots run in April and May',
      ],
    });
    await commit(demo, CAMPAIGN, maison, {
      id: 'maison-exposition',
      kind: 'in_kind',
      what: 'The travelling exhibition “Visages de Montclair” in 4 venues',
      dueDate: '2026-04-30',
      objectiveId: 'reach-5000',
      beneficiary: RESIDENTS,
      acceptedBy: ville,
    });
    await commit(demo, CAMPAIGN, departement, {
      id: 'departement-subvention',
      kind: 'money',
      what: 'Campaign grant',
      dueDate: '2026-02-28',
      quantity: 15000,
      unit: 'EUR',
      beneficiary: { kind: 'partner', partnerId: maison.partnerId },
      acceptedBy: maison,
    });
    await commit(demo, CAMPAIGN, ligue, {
      id: 'ligue-formations',
      kind: 'expertise',
      what: '12 half-day anti-discrimination training sessions for front-desk staff',
      dueDate: '2026-06-30',
      quantity: 12,
      unit: 'sessions',
      objectiveId: 'train-front-desk',
      beneficiary: { kind: 'partner', partnerId: ville.partnerId },
      acceptedBy: ville,
    });
    await commit(demo, CAMPAIGN, radio, {
      id: 'radio-spots',
      kind: 'in_kind',
      what: '120 minutes of airtime for the campaign spots',
      dueDate: '2026-05-31',
      quantity: 120,
      unit: 'minutes',
      objectiveId: 'reach-5000',
      beneficiary: { kind: 'partner', partnerId: maison.partnerId },
      acceptedBy: maison,
    });
  }),
  on('2025-10-13', (demo) =>
    proposeAndSign(demo, {
      id: 'convention-montclair-ensemble',
      partnershipId: CAMPAIGN,
      title: 'Campaign convention 2025-2026',
      proposedBy: maison,
      parties: [maison, ville, departement, ligue],
      clauses: [
        {
          clauseId: 'roles',
          text: 'The Maison des Cultures leads the campaign; the City and the Département co-steer it.',
        },
        {
          clauseId: 'budget',
          text: 'The campaign budget is 42,000 EUR, of which 15,000 EUR from the Département and 12,000 EUR from the City.',
        },
        {
          clauseId: 'evaluation',
          text: 'An independent resident survey measures belonging and safety each half-year.',
        },
      ],
      endsOn: '2026-12-31',
    }),
  ),
  on('2025-12-15', (demo) =>
    contribute(demo, CAMPAIGN, departement, {
      id: 'departement-subvention-2025',
      kind: 'money',
      quantity: 15000,
      unit: 'EUR',
      date: '2025-12-12',
      description: 'Campaign grant, decision CP-2025-318',
      commitmentId: 'departement-subvention',
      confirmedBy: maison,
    }),
  ),
  on('2026-01-19', async (demo) => {
    // Keyed in with a zero too many, then reversed and recorded anew: history is never edited.
    await contribute(demo, CAMPAIGN, ville, {
      id: 'ville-subvention-erreur',
      kind: 'money',
      quantity: 120000,
      unit: 'EUR',
      date: '2026-01-16',
      description: 'City co-funding of the campaign',
    });
    await demo.contribution('reverse-ville-subvention-erreur', as(ville), 'ReverseContribution', {
      contributionId: 'ville-subvention-erreur',
      reason: 'Keyed in as 120,000 EUR instead of 12,000 EUR',
    });
    await contribute(demo, CAMPAIGN, ville, {
      id: 'ville-subvention',
      kind: 'money',
      quantity: 12000,
      unit: 'EUR',
      date: '2026-01-16',
      description: 'City co-funding of the campaign',
    });
    await demo.contribution('ack-ville-subvention', as(maison), 'AcknowledgeContribution', {
      contributionId: 'ville-subvention',
      acknowledgedBy: maison.partnerId,
      note: 'Received on 16 January',
    });
  }),
  on('2026-03-09', async (demo) => {
    await contribute(demo, CAMPAIGN, mediatheque, {
      id: 'mediatheque-exposition',
      kind: 'venue',
      quantity: 180,
      unit: 'hours',
      date: '2026-03-09',
      description: 'Exhibition hall of the médiathèque, 6 weeks of opening hours',
    });
    await contribute(demo, CAMPAIGN, conseilCitoyen, {
      id: 'conseil-citoyen-relais',
      kind: 'volunteer_time',
      quantity: seeded.between('relay-hours', 90, 130),
      unit: 'hours',
      date: '2026-03-09',
      description:
        'Residents guiding neighbours through the exhibition and leading dialogue evenings',
    });
  }),
  on('2026-04-30', async (demo) => {
    await claimAndConfirm(demo, {
      commitmentId: 'maison-exposition',
      claimId: 'exposition-4-lieux',
      claimedBy: maison,
      evidence:
        'Shown at the médiathèque, the town hall, the Bel-Air social centre and the Lycée Colette; 3,240 visitors',
      complete: true,
      confirmedBy: ville,
    });
    await contribute(demo, CAMPAIGN, radio, {
      id: 'radio-spots-avril',
      kind: 'in_kind',
      quantity: 50,
      unit: 'minutes',
      date: '2026-04-30',
      description: 'Campaign spots broadcast in April',
      commitmentId: 'radio-spots',
      confirmedBy: maison,
    });
  }),
  on('2026-05-29', (demo) =>
    contribute(demo, CAMPAIGN, radio, {
      id: 'radio-spots-mai',
      kind: 'in_kind',
      quantity: 70,
      unit: 'minutes',
      date: '2026-05-29',
      description: 'Campaign spots broadcast in May',
      commitmentId: 'radio-spots',
      confirmedBy: maison,
    }),
  ),
  on('2026-06-12', async (demo) => {
    await claimAndConfirm(demo, {
      commitmentId: 'ligue-formations',
      claimId: 'sessions-janvier-juin',
      claimedBy: ligue,
      evidence: 'Attendance sheets of 7 sessions, 86 staff trained',
      quantity: 7,
      unit: 'sessions',
      confirmedBy: ville,
    });
    await contribute(demo, CAMPAIGN, ligue, {
      id: 'ligue-formations-expertise',
      kind: 'expertise',
      quantity: 7 * 4 + seeded.between('training-preparation-hours', 10, 20),
      unit: 'hours',
      date: '2026-06-12',
      description: 'Trainers’ time for 7 half-day sessions, preparation included',
    });
  }),
  on('2026-06-20', (demo) =>
    demo.partnership(`${CAMPAIGN}-meeting-review`, ADMIN, 'RecordMeeting', {
      partnershipId: CAMPAIGN,
      meetingId: 'mid-campaign-review',
      heldOn: '2026-06-20',
      attendees: [maison, ville, departement, ligue, conseilCitoyen, radio].map((p) => p.partnerId),
      decisions: [
        'The remaining 5 training sessions move to the autumn',
        'Dialogue evenings continue in Bel-Air',
      ],
    }),
  ),
];
