import { admin, type LedgerClient, partner, type Principal } from './ledger-client';
import { inPartnership } from './partnership-fixtures';

/** A date one year ahead, so that a due date is never already past when the scenario runs. */
const NEXT_YEAR = `${new Date().getUTCFullYear() + 1}`;

/**
 * A small but complete partnership history through the HTTP API: every aggregate and most
 * commands, as a real youth-empowerment partnership would record them. `tag` makes ids unique,
 * so the scenario can be recorded several times in one ledger. The objects of the partnership are
 * created with ids of their own and then named as the ledger records them (`inPartnership`).
 */
export async function recordScenario(api: LedgerClient, tag: string): Promise<void> {
  const id = (name: string) => `${name}-${tag}`;
  const p = id('youth');
  const recorded = (name: string) => inPartnership(p, id(name));
  const [acme, sos, city] = [id('acme'), id('sos'), id('city')].map((partnerId) =>
    partner(partnerId),
  );
  const mediator: Principal = { sub: id('mediator'), roles: ['mediator'] };
  const ok = async (call: PromiseLike<{ status: number; body: unknown }>) => {
    const response = await call;
    if (response.status >= 300) {
      throw new Error(`scenario step refused: ${response.status} ${JSON.stringify(response.body)}`);
    }
  };
  const post = (path: string, body: object, as: Principal = admin) => ok(api.post(path, body, as));

  await post('/partnerships', {
    partnershipId: p,
    name: 'Youth empowerment against school dropout',
    purpose: 'Reduce school dropout in disadvantaged neighbourhoods',
    territory: 'Northside',
    neighbourhoods: ['Les Tilleuls', 'La Source'],
  });
  for (const [principal, kind, role] of [
    [acme, 'company', 'lead'],
    [sos, 'ngo', 'tutoring'],
    [city, 'local_authority', 'funder'],
  ] as const) {
    await post(`/partnerships/${p}/partners`, {
      partnerId: principal.partnerId,
      name: principal.partnerId,
      kind,
      role,
      responsibilities: [role],
    });
  }
  await post(`/partnerships/${p}/objectives`, {
    objectiveId: 'dropout',
    title: 'Halve school dropout',
    description: 'Among 15-18 year olds of the neighbourhoods',
  });
  await post(`/partnerships/${p}/meetings`, {
    meetingId: 'kick-off',
    heldOn: '2026-01-15',
    attendees: [acme.partnerId, sos.partnerId, city.partnerId],
    decisions: ['Tutoring starts in February'],
  });

  await post('/valuation-policies', { policyId: id('policy'), name: 'Policy', currency: 'EUR' });
  await post(`/valuation-policies/${id('policy')}/rates`, {
    kind: 'volunteer_time',
    unit: 'hours',
    effectiveFrom: '2026-01-01',
    rate: 31.5,
    currency: 'EUR',
    source: 'National volunteering study 2025',
  });

  const commitment = recorded('mentoring');
  await post(
    '/commitments',
    {
      commitmentId: id('mentoring'),
      partnershipId: p,
      objectiveId: 'dropout',
      what: '40 hours of mentoring',
      dueDate: `${NEXT_YEAR}-06-30`,
      quantity: 40,
      unit: 'hours',
      beneficiary: { kind: 'partner', partnerId: sos.partnerId },
      kind: 'volunteer_time',
    },
    acme,
  );
  await post(`/commitments/${commitment}/acceptance`, {}, sos);
  await post(
    '/contributions',
    {
      contributionId: id('hours-feb'),
      partnershipId: p,
      kind: 'volunteer_time',
      quantity: 12,
      unit: 'hours',
      date: '2026-02-20',
      description: 'Mentoring sessions in February',
      commitmentId: commitment,
    },
    acme,
  );
  await post(
    `/commitments/${commitment}/fulfilment-claims/contribution-${recorded('hours-feb')}/confirmation`,
    {},
    sos,
  );
  await post(
    '/contributions',
    {
      contributionId: id('grant'),
      partnershipId: p,
      kind: 'money',
      quantity: 5000,
      unit: 'EUR',
      date: '2026-03-01',
      description: 'Operating grant',
    },
    city,
  );
  await post(`/contributions/${recorded('grant')}/acknowledgements`, {}, sos);

  const agreement = recorded('hall');
  await post(
    '/agreements',
    {
      agreementId: id('hall'),
      partnershipId: p,
      title: 'Use of the community hall',
      parties: [city.partnerId, sos.partnerId],
      clauses: [
        { clauseId: 'c1', text: 'The city lends the hall on Wednesday afternoons.' },
        { clauseId: 'c2', text: 'The association runs the homework club.' },
      ],
    },
    city,
  );
  const proposed = await api.get(`/streams/agreement-${agreement}/state`);
  const { terms } = (proposed.body as { state: { terms: { termsHash: string }[] } }).state;
  const termsHash = terms[terms.length - 1].termsHash;
  await post(`/agreements/${agreement}/signatures`, { termsHash }, city);
  await post(`/agreements/${agreement}/signatures`, { termsHash }, sos);

  const conflict = recorded('hall-access');
  await post(
    '/conflicts',
    {
      conflictId: id('hall-access'),
      partnershipId: p,
      parties: [city.partnerId],
      subject: { kind: 'agreement_clause', agreementId: agreement, clauseId: 'c1' },
      summary: 'The hall was locked on two Wednesdays',
    },
    sos,
  );
  await post(`/conflicts/${conflict}/acknowledgement`, {}, city);
  await post(`/conflicts/${conflict}/mediator-proposals`, { mediatorId: mediator.sub });
  await post(`/conflicts/${conflict}/mediator-proposals/${mediator.sub}/acceptance`, {}, sos);
  await post(`/conflicts/${conflict}/mediator-proposals/${mediator.sub}/acceptance`, {}, city);
  await post(
    `/conflicts/${conflict}/statements`,
    { text: 'We were told Wednesdays were ours' },
    sos,
  );
  await post(
    `/conflicts/${conflict}/sessions`,
    {
      heldOn: '2026-04-02',
      attendees: [sos.partnerId, city.partnerId, mediator.sub],
      summary: 'A shared calendar',
    },
    mediator,
  );
  await post(
    `/conflicts/${conflict}/resolution-proposals`,
    { proposalId: 'shared', terms: 'A shared calendar' },
    mediator,
  );
  await post(`/conflicts/${conflict}/resolution-proposals/shared/acceptance`, {}, sos);
  await post(`/conflicts/${conflict}/resolution-proposals/shared/acceptance`, {}, city);

  const indicator = id('belonging');
  await post('/indicators', {
    indicatorId: indicator,
    partnershipId: p,
    code: 'BELONG',
    name: 'Sense of belonging to the neighbourhood',
    unit: { kind: 'likert', scale: { min: 1, max: 5 } },
    baseline: { value: 2.8, date: '2026-01-01' },
    target: { value: 3.6, date: '2028-12-31' },
    direction: 'up',
    frequency: 'semiannual',
    dimensions: ['neighbourhood'],
  });
  await post(`/indicators/${indicator}/measurements`, {
    measurementId: 'h1',
    period: { from: '2026-01-01', to: '2026-06-30' },
    value: 3.1,
    disaggregation: [{ dimensions: { neighbourhood: 'Les Tilleuls' }, value: 3.0 }],
    source: 'Resident survey',
    meansOfVerification: 'Survey dataset archived by the city',
  });
  await post(`/indicators/${indicator}/measurements/h1/corrections`, {
    value: 3.2,
    reason: 'Late survey returns',
  });

  await post(
    '/feedback',
    {
      feedbackId: id('feedback'),
      partnershipId: p,
      subject: { kind: 'meeting', meetingId: 'kick-off' },
      rating: 4,
      text: 'The evening meeting was easy to attend.',
      channel: 'web',
      submitterCategory: 'resident',
    },
    { sub: id('resident') },
  );
  await post(`/feedback/${recorded('feedback')}/acknowledgement`, {}, city);
  await post(`/feedback/${recorded('feedback')}/action`, { action: 'Evening meetings kept' }, city);
}
