import type { ContributionEvent, ContributionKind } from '@cohesion/domain';
import {
  commitmentEvent,
  contributionEvent,
  type GivenEvent,
  partnershipEvent,
  partnershipFoundedWith,
  policyEvent,
  project,
} from '../testing';
import { partnershipEquity } from './contribution-recognition-equity.queries';
import {
  partnerRecognition,
  partnershipRecognition,
} from './contribution-recognition-reports.queries';
import { contributionRecognitionProjector } from './contribution-recognition.projector';
import { listContributions } from './contribution-recognition.queries';
import { gini } from './gini';
import { listValuationPolicies, loadValuationPolicy, valuerFor } from './valuation';

type Recorded = Extract<ContributionEvent, { type: 'ContributionRecorded' }>['data'];

const given = (
  contributionId: string,
  partnerId: string,
  kind: ContributionKind,
  quantity: number,
  unit: string,
  date: string,
  extra: Partial<Recorded> = {},
) =>
  contributionEvent('ContributionRecorded', {
    contributionId,
    partnershipId: 'tilleuls',
    partnerId,
    kind,
    quantity,
    unit,
    date,
    description: `${contributionId} by ${partnerId}`,
    ...extra,
  });
const committed = (commitmentId: string, partnerId: string, dueDate = '2026-06-30') =>
  commitmentEvent('CommitmentMade', {
    commitmentId,
    partnershipId: 'tilleuls',
    partnerId,
    beneficiary: { kind: 'group', name: 'Pupils' },
    what: commitmentId,
    dueDate,
  });
const hourRate = (policyId: string, version: number, effectiveFrom: string, rate: number) =>
  policyEvent('ValuationRateSet', {
    policyId,
    version,
    kind: 'volunteer_time',
    unit: 'hours',
    effectiveFrom,
    rate,
    currency: 'EUR',
    source: `Study ${version}`,
  });

const events: GivenEvent[] = [
  ...partnershipFoundedWith('tilleuls', ['acme', 'sos', 'city']),
  ...partnershipFoundedWith('source', ['acme']),
  partnershipEvent('PartnerRoleChanged', {
    partnershipId: 'tilleuls',
    partnerId: 'acme',
    role: 'lead',
    responsibilities: ['coordination', 'reporting'],
  }),
  policyEvent('ValuationPolicyDefined', { policyId: 'default', name: 'Default', currency: 'EUR' }),
  hourRate('default', 1, '2026-01-01', 31.5),
  hourRate('default', 2, '2026-07-01', 33),
  policyEvent('ValuationPolicyDefined', { policyId: 'alt', name: 'Alternative', currency: 'EUR' }),
  hourRate('alt', 1, '2020-01-01', 10),
  given('cash', 'acme', 'money', 250, 'EUR', '2026-03-01'),
  given('club', 'acme', 'volunteer_time', 12, 'hours', '2026-03-07'),
  contributionEvent('ContributionAcknowledged', { contributionId: 'club', acknowledgedBy: 'sos' }),
  contributionEvent('ContributionAcknowledged', { contributionId: 'club', acknowledgedBy: 'city' }),
  given('summer', 'acme', 'volunteer_time', 10, 'hours', '2026-08-01'),
  given('books', 'sos', 'in_kind', 5, 'items', '2026-03-10'),
  given('help', 'sos', 'volunteer_time', 2, 'hours', '2026-02-01'),
  given('oops', 'sos', 'money', 100, 'EUR', '2026-04-01'),
  contributionEvent('ContributionReversed', { contributionId: 'oops', reason: 'Recorded twice' }),
  given('grant', 'acme', 'money', 1000, 'EUR', '2026-05-01', { partnershipId: 'source' }),
  committed('a1', 'acme'),
  committed('s1', 'sos'),
  committed('s2', 'sos', '2026-12-31'),
  committed('s3', 'sos'),
  commitmentEvent('CommitmentWithdrawn', { commitmentId: 's3', withdrawnBy: 'sos', reason: 'Cut' }),
  committed('c1', 'city'),
];
const db = project(contributionRecognitionProjector, events);
const policy = loadValuationPolicy(db, 'default');

describe('contribution recognition queries', () => {
  describe('loadValuationPolicy', () => {
    it('rebuilds the policy with every entry in order', () => {
      expect(policy).toMatchObject({ status: 'defined', policyId: 'default', currency: 'EUR' });
      expect(policy?.entries.map((e) => [e.version, e.entry, e.effectiveFrom])).toEqual([
        [1, 'rate', '2026-01-01'],
        [2, 'rate', '2026-07-01'],
      ]);
    });

    it('answers undefined for a policy never defined', () =>
      expect(loadValuationPolicy(db, 'nope')).toBeUndefined());
  });

  describe('listValuationPolicies', () => {
    it('lists the policies by id, each with its entries in order', () => {
      const policies = listValuationPolicies(db, { limit: 10 });
      expect(policies.map(({ policyId, name, currency }) => [policyId, name, currency])).toEqual([
        ['alt', 'Alternative', 'EUR'],
        ['default', 'Default', 'EUR'],
      ]);
      expect(policies[1].entries).toEqual(policy?.entries);
      expect(policies[0].definedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    });

    it('reads one policy more than the page holds, and goes on after the id given', () => {
      expect(listValuationPolicies(db, { limit: 1 }).map((p) => p.policyId)).toEqual([
        'alt',
        'default',
      ]);
      expect(listValuationPolicies(db, { after: 'alt', limit: 1 }).map((p) => p.policyId)).toEqual([
        'default',
      ]);
    });
  });

  describe('listContributions', () => {
    const ids = (items: readonly { contributionId: string }[]) =>
      items.map((c) => c.contributionId);
    const list = (filter: Parameters<typeof listContributions>[1], limit = 50) =>
      listContributions(db, filter, { limit }, valuerFor(policy));

    it('lists by date given, valued at the rate in force that day', () => {
      const all = list({});
      expect(ids(all)).toEqual(['help', 'cash', 'club', 'books', 'oops', 'grant', 'summer']);
      expect(all.map((c) => c.value?.amountCents ?? null)).toEqual([
        6300,
        25000,
        37800,
        null,
        10000,
        100000,
        33000,
      ]);
      expect(all.find((c) => c.contributionId === 'summer')?.value).toEqual({
        amountCents: 33000,
        currency: 'EUR',
        rate: 33,
        rateVersion: 2,
      });
    });

    it('re-values under another policy without touching the facts', () => {
      const club = listContributions(
        db,
        { kind: 'volunteer_time', from: '2026-03-07', to: '2026-03-07' },
        { limit: 5 },
        valuerFor(loadValuationPolicy(db, 'alt')),
      );
      expect(club).toEqual([
        {
          contributionId: 'club',
          position: expect.any(Number) as number,
          partnershipId: 'tilleuls',
          partnerId: 'acme',
          kind: 'volunteer_time',
          quantity: 12,
          unit: 'hours',
          date: '2026-03-07',
          description: 'club by acme',
          commitmentId: null,
          status: 'acknowledged',
          acknowledgedBy: ['city', 'sos'],
          recordedAt: expect.any(String) as string,
          backfilled: false,
          backfillReason: null,
          reversedAt: null,
          reversalReason: null,
          value: { amountCents: 12000, currency: 'EUR', rate: 10, rateVersion: 1 },
        },
      ]);
      expect(
        listContributions(db, { partnerId: 'acme' }, { limit: 1 }, valuerFor(undefined))[0].value,
      ).toBeNull();
    });

    it('filters by partnership, partner, kind, period and status', () => {
      expect(ids(list({ partnershipId: 'source' }))).toEqual(['grant']);
      expect(ids(list({ partnerId: 'sos', kind: 'money' }))).toEqual(['oops']);
      expect(ids(list({ from: '2026-03-01', to: '2026-03-10' }))).toEqual([
        'cash',
        'club',
        'books',
      ]);
      expect(ids(list({ status: 'reversed' }))).toEqual(['oops']);
    });

    it('pages after the date and position of the last contribution seen', () => {
      const first = list({}, 2);
      // `limit + 1` rows: the extra one tells that a next page exists.
      expect(first).toHaveLength(3);
      const { date, position } = first[2];
      const next = listContributions(
        db,
        {},
        { after: { date, position }, limit: 2 },
        valuerFor(policy),
      );
      expect(ids(next)).toEqual(['books', 'oops', 'grant']);
    });

    it('lists the latest first, and pages on backwards', () => {
      const latest = (after?: { date: string; position: number }) =>
        listContributions(db, {}, { after, limit: 2, order: 'latest' }, valuerFor(policy));
      const first = latest();
      expect(ids(first)).toEqual(['summer', 'grant', 'oops']);
      const { date, position } = first[1];
      expect(ids(latest({ date, position }))).toEqual(['oops', 'books', 'club']);
    });
  });

  describe('partnershipRecognition', () => {
    const report = partnershipRecognition(db, 'tilleuls', {}, policy);

    it('totals by kind and unit, valued, excluding reversed contributions', () =>
      expect(report?.totals).toEqual({
        contributions: 5,
        valueCents: 102100,
        unvalued: 1,
        byKindAndUnit: [
          {
            kind: 'in_kind',
            unit: 'items',
            contributions: 1,
            quantity: 5,
            valueCents: 0,
            unvalued: 1,
          },
          {
            kind: 'money',
            unit: 'EUR',
            contributions: 1,
            quantity: 250,
            valueCents: 25000,
            unvalued: 0,
          },
          {
            kind: 'volunteer_time',
            unit: 'hours',
            contributions: 3,
            quantity: 24,
            valueCents: 77100,
            unvalued: 0,
          },
        ],
      }));

    it('adds the counted contributions up month by month, months with none left out', () => {
      expect(
        report?.byMonth.map(({ month, totals }) => [
          month,
          totals.contributions,
          totals.valueCents,
        ]),
      ).toEqual([
        ['2026-02', 1, 6300],
        ['2026-03', 3, 62800],
        ['2026-08', 1, 33000],
      ]);
      expect(report?.byMonth[1].totals.byKindAndUnit.map((line) => line.kind)).toEqual([
        'in_kind',
        'money',
        'volunteer_time',
      ]);
    });

    it('gives each partner its totals, share, acknowledgements and reversed contributions', () => {
      expect(report?.partners.map((p) => [p.partnerId, p.totals.valueCents, p.share])).toEqual([
        ['acme', 95800, 0.9383],
        ['city', 0, 0],
        ['sos', 6300, 0.0617],
      ]);
      expect(report?.partners[0]).toMatchObject({
        acknowledgementsReceived: 2,
        acknowledgedContributions: 1,
        reversed: [],
      });
      expect(report?.partners[2].reversed).toEqual([
        {
          contributionId: 'oops',
          partnershipId: 'tilleuls',
          kind: 'money',
          quantity: 100,
          unit: 'EUR',
          date: '2026-04-01',
          description: 'oops by sos',
          reversedAt: expect.any(String) as string,
          reason: 'Recorded twice',
        },
      ]);
    });

    it('says which rate versions it applied', () => {
      expect(report?.valuation).toEqual({ policyId: 'default', name: 'Default', currency: 'EUR' });
      expect(report?.ratesUsed).toEqual([
        {
          version: null,
          kind: 'money',
          unit: 'EUR',
          effectiveFrom: null,
          rate: 1,
          currency: 'EUR',
          source: 'face value',
          contributions: 1,
        },
        {
          version: 1,
          kind: 'volunteer_time',
          unit: 'hours',
          effectiveFrom: '2026-01-01',
          rate: 31.5,
          currency: 'EUR',
          source: 'Study 1',
          contributions: 2,
        },
        {
          version: 2,
          kind: 'volunteer_time',
          unit: 'hours',
          effectiveFrom: '2026-07-01',
          rate: 33,
          currency: 'EUR',
          source: 'Study 2',
          contributions: 1,
        },
      ]);
    });

    it('counts only the period and kind asked for', () => {
      const spring = partnershipRecognition(
        db,
        'tilleuls',
        { from: '2026-03-01', to: '2026-06-30' },
        policy,
      );
      expect(spring?.totals).toMatchObject({ contributions: 3, valueCents: 62800 });
      expect(spring?.filter).toEqual({ from: '2026-03-01', to: '2026-06-30', kind: null });
      const time = partnershipRecognition(db, 'tilleuls', { kind: 'volunteer_time' }, policy);
      expect(time?.totals.byKindAndUnit.map((t) => t.kind)).toEqual(['volunteer_time']);
    });

    it('gives raw quantities, and no value, without a policy', () => {
      const raw = partnershipRecognition(db, 'tilleuls', {}, undefined);
      expect(raw?.valuation).toBeNull();
      expect(raw?.totals).toMatchObject({ contributions: 5, valueCents: null });
      expect(raw?.partners[0]).toMatchObject({ share: null });
      expect(raw?.ratesUsed).toEqual([]);
    });

    it('answers undefined for an unknown partnership', () =>
      expect(partnershipRecognition(db, 'nowhere', {}, policy)).toBeUndefined());
  });

  describe('partnerRecognition', () => {
    it('reports a partner in every partnership, with its share of each', () => {
      const acme = partnerRecognition(db, 'acme', {}, policy);
      expect(acme?.totals).toMatchObject({ contributions: 4, valueCents: 195800 });
      expect(
        acme?.partnerships.map((p) => [p.partnershipId, p.totals.valueCents, p.share]),
      ).toEqual([
        ['source', 100000, 1],
        ['tilleuls', 95800, 0.9383],
      ]);
      // Only the rates applied to its own contributions.
      expect(acme?.ratesUsed.map((r) => [r.version, r.contributions])).toEqual([
        [null, 2],
        [1, 1],
        [2, 1],
      ]);
    });

    it('answers undefined for an unknown partner', () =>
      expect(partnerRecognition(db, 'nobody', {}, policy)).toBeUndefined());
  });

  describe('partnershipEquity', () => {
    const equity = partnershipEquity(db, 'tilleuls', {}, policy);

    it('sets each share of value beside its share of commitments and responsibilities', () =>
      expect(
        equity?.partners.map((p) => [
          p.partnerId,
          p.valueCents,
          p.contributionShare,
          p.commitments,
          p.commitmentShare,
          p.responsibilityShare,
          p.balance,
        ]),
      ).toEqual([
        ['acme', 95800, 0.9383, 1, 0.25, 0.5, 0.6883],
        ['city', 0, 0, 1, 0.25, 0.25, -0.25],
        ['sos', 6300, 0.0617, 2, 0.5, 0.25, -0.4383],
      ]));

    it('measures the inequality of contributions across partners with the Gini coefficient', () => {
      expect(equity?.gini).toBe(gini([95800, 0, 6300]));
      expect(equity?.gini).toBeCloseTo(0.6255, 4);
      expect(equity?.totalValueCents).toBe(102100);
    });

    it('counts the commitments due in the period', () => {
      const secondHalf = partnershipEquity(db, 'tilleuls', { from: '2026-07-01' }, policy);
      expect(secondHalf?.partners.map((p) => [p.partnerId, p.commitments, p.valueCents])).toEqual([
        ['acme', 0, 33000],
        ['city', 0, 0],
        ['sos', 1, 0],
      ]);
    });

    it('has no Gini coefficient without a policy, and nothing for an unknown partnership', () => {
      expect(partnershipEquity(db, 'tilleuls', {}, undefined)?.gini).toBeNull();
      expect(partnershipEquity(db, 'nowhere', {}, policy)).toBeUndefined();
    });
  });
});
