import {
  adoptDemoValuationPolicy,
  claimAndConfirm,
  commit,
  contribute,
  join,
} from './demo-actions';
import { ADMIN, as, PARTNERS } from './demo-cast';
import { type DemoStep, on } from './demo-step';
import type { Seeded } from './seeded';

export const YOUTH = 'avenir-jeunes';
const { vernet, sosJeunes, capTutorat, ville, college, parents, fondation } = PARTNERS;

/**
 * A youth empowerment initiative against school dropout in two priority neighbourhoods, led by a
 * logistics company with local NGOs, the city, the secondary school, a parents' collective and a
 * foundation, over the 2025-2026 school year.
 */
export const youthPartnershipSteps = (seeded: Seeded): DemoStep[] => [
  on('2025-09-08', async (demo) => {
    await demo.partnership(`${YOUTH}-found`, ADMIN, 'FoundPartnership', {
      partnershipId: YOUTH,
      name: 'Avenir Jeunes Montclair',
      purpose:
        'Reduce early school leaving among 11-16 year olds of Les Tilleuls and La Source through ' +
        'mentoring, tutoring and work discovery, with the families',
      territory: 'Montclair — north priority neighbourhoods (QPV)',
      neighbourhoods: ['Les Tilleuls', 'La Source'],
    });
    await adoptDemoValuationPolicy(demo, YOUTH);
    await join(demo, YOUTH, vernet, 'company', 'lead', [
      'funding',
      'employee mentoring',
      'work-discovery placements',
    ]);
    await join(demo, YOUTH, sosJeunes, 'ngo', 'youth work', [
      'outreach to pupils at risk',
      'mentor matching',
    ]);
    await join(demo, YOUTH, capTutorat, 'ngo', 'tutoring', ['homework club', 'tutor training']);
    await join(demo, YOUTH, ville, 'local_authority', 'funder and host', [
      'community rooms',
      'co-funding',
    ]);
    await join(demo, YOUTH, college, 'public_service', 'school', [
      'referral of pupils at risk',
      'attendance data',
    ]);
    await join(demo, YOUTH, parents, 'resident_group', 'families', [
      'parent workshops',
      'feedback from families',
    ]);
    await join(demo, YOUTH, fondation, 'other', 'co-funder', ['co-funding']);
    await demo.partnership(`${YOUTH}-objective-dropout`, ADMIN, 'SetObjective', {
      partnershipId: YOUTH,
      objectiveId: 'halve-dropout',
      title: 'Halve early school leaving in Les Tilleuls and La Source',
      description:
        'From 9.4% to under 5% of pupils leaving school without a qualification, by June 2028',
      targetDate: '2028-06-30',
    });
    await demo.partnership(`${YOUTH}-objective-mentoring`, ADMIN, 'SetObjective', {
      partnershipId: YOUTH,
      objectiveId: 'mentor-60-pupils',
      title: 'Mentor 60 pupils at risk this school year',
      description: 'Each pupil referred by the school has an adult mentor for the whole year',
      targetDate: '2026-06-30',
    });
  }),
  on('2025-09-15', async (demo) => {
    await demo.partnership(`${YOUTH}-meeting-kick-off`, ADMIN, 'RecordMeeting', {
      partnershipId: YOUTH,
      meetingId: 'kick-off',
      heldOn: '2025-09-15',
      attendees: [vernet, sosJeunes, capTutorat, ville, college, parents].map((p) => p.partnerId),
      decisions: [
        'The homework club opens on 1 October in the Salle des Tilleuls',
        'The school refers pupils at risk by 31 January',
      ],
      notes: 'Held at the Collège Jean Moulin; 23 people attended, including 9 parents',
    });
    const sos = { kind: 'partner', partnerId: sosJeunes.partnerId } as const;
    await commit(demo, YOUTH, vernet, {
      id: 'vernet-mentoring',
      kind: 'volunteer_time',
      what: '120 hours of mentoring by Groupe Vernet employees',
      dueDate: '2026-06-30',
      quantity: 120,
      unit: 'hours',
      objectiveId: 'mentor-60-pupils',
      beneficiary: sos,
      acceptedBy: sosJeunes,
    });
    await commit(demo, YOUTH, vernet, {
      id: 'vernet-funding',
      kind: 'money',
      what: 'Programme funding for the school year',
      dueDate: '2026-03-31',
      quantity: 25000,
      unit: 'EUR',
      beneficiary: sos,
      acceptedBy: sosJeunes,
    });
    await commit(demo, YOUTH, vernet, {
      id: 'vernet-laptops',
      kind: 'in_kind',
      what: '30 refurbished laptops for pupils without a computer at home',
      dueDate: '2026-02-28',
      quantity: 30,
      unit: 'laptops',
      beneficiary: sos,
      acceptedBy: sosJeunes,
    });
    await commit(demo, YOUTH, capTutorat, {
      id: 'cap-tutorat-homework-club',
      kind: 'volunteer_time',
      what: '300 hours of tutoring at the homework club',
      dueDate: '2026-05-31',
      quantity: 300,
      unit: 'hours',
      objectiveId: 'halve-dropout',
      beneficiary: { kind: 'group', name: 'Pupils at risk of Les Tilleuls and La Source' },
      acceptedBy: ville,
    });
    await commit(demo, YOUTH, ville, {
      id: 'ville-salle-tilleuls',
      kind: 'venue',
      what: '180 hours of use of the Salle des Tilleuls for the homework club',
      dueDate: '2026-06-30',
      quantity: 180,
      unit: 'hours',
      beneficiary: { kind: 'partner', partnerId: capTutorat.partnerId },
      acceptedBy: capTutorat,
    });
    await commit(demo, YOUTH, college, {
      id: 'college-referrals',
      kind: 'expertise',
      what: 'Refer 60 pupils at risk of dropping out, with their families’ consent',
      dueDate: '2026-01-31',
      quantity: 60,
      unit: 'pupils',
      objectiveId: 'mentor-60-pupils',
      beneficiary: sos,
      acceptedBy: sosJeunes,
    });
    await commit(demo, YOUTH, parents, {
      id: 'parents-workshops',
      kind: 'volunteer_time',
      what: '10 evening workshops for parents on following their child’s schooling',
      dueDate: '2026-05-31',
      quantity: 10,
      unit: 'workshops',
      beneficiary: { kind: 'group', name: 'Parents of Les Tilleuls and La Source' },
      acceptedBy: capTutorat,
    });
  }),
  on('2025-10-10', (demo) =>
    contribute(demo, YOUTH, vernet, {
      id: 'vernet-grant-2025',
      kind: 'money',
      quantity: 25000,
      unit: 'EUR',
      date: '2025-10-08',
      description: 'Programme funding, school year 2025-2026 (transfer ref. GV-2025-114)',
      commitmentId: 'vernet-funding',
      confirmedBy: sosJeunes,
    }),
  ),
  on('2025-10-20', (demo) =>
    contribute(demo, YOUTH, vernet, {
      id: 'vernet-school-kits',
      kind: 'in_kind',
      quantity: seeded.between('school-kits', 120, 160),
      unit: 'kits',
      date: '2025-10-17',
      description: 'School supply kits handed out at the homework club',
    }),
  ),
  on('2025-11-14', (demo) =>
    contribute(demo, YOUTH, fondation, {
      id: 'fondation-grant',
      kind: 'money',
      quantity: 8000,
      unit: 'EUR',
      date: '2025-11-12',
      description: 'Foundation grant for tutor training',
    }),
  ),
  ...termSteps(),
  on('2026-01-30', (demo) =>
    claimAndConfirm(demo, {
      commitmentId: 'college-referrals',
      claimId: 'referrals-january',
      claimedBy: college,
      evidence: 'Referral list of 60 pupils signed by the head teacher, kept at the school office',
      quantity: 60,
      unit: 'pupils',
      confirmedBy: sosJeunes,
    }),
  ),
  on('2026-02-10', async (demo) => {
    await demo.partnership(`${YOUTH}-meeting-mid-year`, ADMIN, 'RecordMeeting', {
      partnershipId: YOUTH,
      meetingId: 'mid-year-review',
      heldOn: '2026-02-10',
      attendees: [vernet, sosJeunes, capTutorat, ville, college, parents, fondation].map(
        (p) => p.partnerId,
      ),
      decisions: [
        'Laptops: the city’s digital inclusion loan replaces Groupe Vernet’s donation',
        'Cap Tutorat gets one more month for the tutoring hours',
      ],
    });
    await demo.commitment('release-vernet-laptops', as(sosJeunes), 'ReleaseCommitment', {
      commitmentId: 'vernet-laptops',
      releasedBy: sosJeunes.partnerId,
      reason: 'The city’s digital inclusion plan now lends laptops to the pupils; no longer needed',
    });
  }),
  on('2026-03-02', (demo) =>
    demo.commitment('amend-cap-tutorat-homework-club', as(capTutorat), 'AmendCommitment', {
      commitmentId: 'cap-tutorat-homework-club',
      amendedBy: capTutorat.partnerId,
      reason: 'Tutor recruitment was two months late; agreed at the mid-year review',
      what: '300 hours of tutoring at the homework club',
      dueDate: '2026-06-30',
      quantity: 300,
      unit: 'hours',
    }),
  ),
  on('2026-03-20', (demo) =>
    claimAndConfirm(demo, {
      commitmentId: 'parents-workshops',
      claimId: 'workshops-winter',
      claimedBy: parents,
      evidence: 'Attendance sheets of four workshops (November to March)',
      quantity: 4,
      unit: 'workshops',
      confirmedBy: capTutorat,
    }),
  ),
  on('2026-07-03', (demo) =>
    demo.partnership(`${YOUTH}-objective-mentoring-achieved`, ADMIN, 'AchieveObjective', {
      partnershipId: YOUTH,
      objectiveId: 'mentor-60-pupils',
      evidence: '62 pupils had a mentor all year (SOS Jeunes end-of-year report, July 2026)',
    }),
  ),
];

/** The school terms: mentoring hours, tutoring hours and room use, recorded after each term. */
function termSteps(): DemoStep[] {
  const terms = [
    { day: '2025-12-19', label: 'autumn term', mentoring: 40, tutoring: 70, room: 64 },
    { day: '2026-04-03', label: 'winter term', mentoring: 45, tutoring: 65, room: 60 },
    { day: '2026-06-26', label: 'spring term', mentoring: 35, tutoring: 45, room: 56 },
  ];
  return terms.map(({ day, label, mentoring, tutoring, room }) =>
    on(day, async (demo) => {
      const slug = label.replace(' ', '-');
      await contribute(demo, YOUTH, vernet, {
        id: `vernet-mentoring-${slug}`,
        kind: 'volunteer_time',
        quantity: mentoring,
        unit: 'hours',
        date: day,
        description: `Mentoring by Groupe Vernet employees, ${label}`,
        commitmentId: 'vernet-mentoring',
        confirmedBy: sosJeunes,
      });
      await contribute(demo, YOUTH, capTutorat, {
        id: `cap-tutorat-tutoring-${slug}`,
        kind: 'expertise',
        quantity: tutoring,
        unit: 'hours',
        date: day,
        description: `Tutoring by Cap Tutorat's trained tutors, ${label}`,
        commitmentId: 'cap-tutorat-homework-club',
        confirmedBy: ville,
      });
      await contribute(demo, YOUTH, ville, {
        id: `ville-salle-tilleuls-${slug}`,
        kind: 'venue',
        quantity: room,
        unit: 'hours',
        date: day,
        description: `Salle des Tilleuls for the homework club, ${label}`,
        commitmentId: 'ville-salle-tilleuls',
        confirmedBy: capTutorat,
      });
    }),
  );
}
