import type { ContributionKind } from '@cohesion/domain';
import { accountabilityProjector } from '../accountability';
import { contributionRecognitionProjector, loadValuationPolicy } from '../contribution-recognition';
import { impactProjector } from '../impact';
import { replayedReadModels } from '../runner/replayed-read-models';
import {
  commitmentEvent,
  contributionEvent,
  type GivenEvent,
  partnershipEvent,
  partnershipFoundedWith,
  policyEvent,
  recordedEvents,
} from '../testing';
import { defined, measured } from '../testing/impact.fixtures';
import { resultsChainProjector } from './results-chain.projector';
import {
  objectiveResults,
  partnerResultsChain,
  partnershipResultsChain,
} from './results-chain.queries';

const TODAY = '2026-12-01';

const objectiveSet = (objectiveId: string, title: string) =>
  partnershipEvent('ObjectiveSet', {
    partnershipId: 'north',
    objectiveId,
    title,
    description: title,
  });
const committed = (commitmentId: string, partnerId: string, objectiveId?: string) =>
  commitmentEvent('CommitmentMade', {
    commitmentId,
    partnershipId: 'north',
    partnerId,
    ...(objectiveId ? { objectiveId } : {}),
    beneficiary: { kind: 'group', name: 'Pupils' },
    what: `${commitmentId} by ${partnerId}`,
    dueDate: '2026-06-30',
    quantity: 100,
    unit: 'hours',
  });
const given = (
  contributionId: string,
  partnerId: string,
  quantity: number,
  commitmentId?: string,
  kind: ContributionKind = 'volunteer_time',
) =>
  contributionEvent('ContributionRecorded', {
    contributionId,
    partnershipId: 'north',
    partnerId,
    kind,
    quantity,
    unit: kind === 'money' ? 'EUR' : 'hours',
    date: '2026-03-01',
    description: contributionId,
    ...(commitmentId ? { commitmentId } : {}),
  });
const claimedAndConfirmed = (commitmentId: string, quantity: number) => [
  commitmentEvent('FulfilmentClaimed', {
    commitmentId,
    claimId: `${commitmentId}-claim`,
    claimedBy: 'club',
    evidence: 'Timesheets',
    quantity,
    unit: 'hours',
    complete: false,
  }),
  commitmentEvent('FulfilmentConfirmed', {
    commitmentId,
    claimId: `${commitmentId}-claim`,
    confirmedBy: 'city',
    quantity,
    unit: 'hours',
  }),
];
const policy = [
  policyEvent('ValuationPolicyDefined', { policyId: 'default', name: 'Default', currency: 'EUR' }),
  policyEvent('ValuationRateSet', {
    policyId: 'default',
    version: 1,
    kind: 'volunteer_time',
    unit: 'hours',
    effectiveFrom: '2026-01-01',
    rate: 20,
    currency: 'EUR',
    source: 'Volunteer hour, national index',
  }),
];

const history: GivenEvent[] = [
  ...partnershipFoundedWith('north', ['club', 'city']),
  objectiveSet('dropout', 'Halve dropout'),
  objectiveSet('belonging', 'Belonging'),
  ...policy,
  committed('tutoring', 'club', 'dropout'),
  committed('mentoring', 'city', 'dropout'),
  committed('festival', 'club'),
  ...claimedAndConfirmed('tutoring', 40),
  given('hours-1', 'club', 40, 'tutoring'),
  given('hours-2', 'club', 10, 'tutoring'),
  contributionEvent('ContributionReversed', {
    contributionId: 'hours-2',
    reason: 'Entered twice',
  }),
  given('festival-hours', 'club', 5, 'festival'),
  given('spontaneous', 'club', 3),
  defined('dropout-rate', {
    objectiveId: 'dropout',
    baseline: { value: 20, date: '2026-01-01' },
    target: { value: 10, date: '2028-12-31' },
    direction: 'down',
  }),
  measured('dropout-rate', 'h1', ['2026-01-01', '2026-06-30'], 16),
  defined('unlinked'),
];

const readModels = (events: readonly GivenEvent[]) =>
  replayedReadModels(recordedEvents(events), [
    accountabilityProjector,
    contributionRecognitionProjector,
    impactProjector,
    resultsChainProjector,
  ]);

describe('results chain queries', () => {
  const db = readModels(history);
  const valuedBy = loadValuationPolicy(db, 'default');

  it('answers per objective: commitments, deliveries, valued contributions, indicators', () => {
    const chain = partnershipResultsChain(db, 'north', valuedBy, TODAY);
    expect(chain?.valuation).toEqual({ policyId: 'default', name: 'Default', currency: 'EUR' });
    expect(chain?.objectives.map((o) => o.objectiveId)).toEqual(['dropout', 'belonging']);
    const [dropout, belonging] = chain?.objectives ?? [];
    expect(dropout.commitments).toEqual([
      {
        commitmentId: 'tutoring',
        partnerId: 'club',
        partnerName: 'Partner club',
        what: 'tutoring by club',
        quantity: 100,
        unit: 'hours',
        dueDate: '2026-06-30',
        status: 'in_progress',
        overdue: true,
        delivered: 40,
        confirmedClaims: 1,
        contributed: {
          contributions: 1,
          valueCents: 80000,
          unvalued: 0,
          byKindAndUnit: [
            {
              kind: 'volunteer_time',
              unit: 'hours',
              contributions: 1,
              quantity: 40,
              valueCents: 80000,
              unvalued: 0,
            },
          ],
        },
      },
      expect.objectContaining({
        commitmentId: 'mentoring',
        partnerId: 'city',
        delivered: 0,
        contributed: { contributions: 0, valueCents: 0, unvalued: 0, byKindAndUnit: [] },
      }),
    ]);
    expect(dropout.contributed).toEqual(
      expect.objectContaining({ contributions: 1, valueCents: 80000 }),
    );
    expect(dropout.indicators).toEqual([
      {
        indicatorId: 'dropout-rate',
        code: 'DROPOUT-RATE',
        name: 'Indicator dropout-rate',
        status: 'defined',
        unit: { kind: 'percent' },
        direction: 'down',
        baseline: { value: 20, date: '2026-01-01' },
        target: { value: 10, date: '2028-12-31' },
        measurements: 1,
        latest: {
          measurementId: 'h1',
          period: { from: '2026-01-01', to: '2026-06-30' },
          value: 16,
        },
        progress: 0.4,
      },
    ]);
    expect(belonging).toEqual(
      expect.objectContaining({ objectiveId: 'belonging', commitments: [], indicators: [] }),
    );
  });

  it('rounds indicator progress like every ratio', () => {
    const odd = readModels([
      ...history,
      measured('dropout-rate', 'h2', ['2026-07-01', '2026-09-30'], 14.2857),
    ]);
    const [dropout] = partnershipResultsChain(odd, 'north', undefined, TODAY)?.objectives ?? [];
    expect(dropout.indicators[0].progress).toBe(0.5714);
  });

  it('reports quantities without value when no policy values them', () => {
    const chain = partnershipResultsChain(db, 'north', undefined, TODAY);
    expect(chain?.valuation).toBeNull();
    expect(chain?.objectives[0].contributed).toEqual(
      expect.objectContaining({ contributions: 1, valueCents: null }),
    );
  });

  it('answers one objective, and nothing for an unknown objective or partnership', () => {
    expect(objectiveResults(db, 'north', 'dropout', valuedBy, TODAY)).toEqual(
      expect.objectContaining({
        partnershipId: 'north',
        partnershipName: 'Partnership north',
        objectiveId: 'dropout',
        title: 'Halve dropout',
        ratesUsed: [expect.objectContaining({ version: 1, contributions: 1 })],
      }),
    );
    expect(objectiveResults(db, 'north', 'nothing', valuedBy, TODAY)).toBeUndefined();
    expect(objectiveResults(db, 'south', 'dropout', valuedBy, TODAY)).toBeUndefined();
    expect(partnershipResultsChain(db, 'south', valuedBy, TODAY)).toBeUndefined();
  });

  it("tells what a partner's contributions went toward, objective by objective", () => {
    const report = partnerResultsChain(db, 'club', valuedBy);
    expect(report?.totals).toEqual(
      expect.objectContaining({ contributions: 3, valueCents: (40 + 5 + 3) * 2000 }),
    );
    expect(report?.partnerships).toEqual([
      {
        partnershipId: 'north',
        partnershipName: 'Partnership north',
        objectives: [
          {
            objectiveId: 'dropout',
            title: 'Halve dropout',
            status: 'open',
            targetDate: null,
            commitmentIds: ['tutoring'],
            contributed: expect.objectContaining({
              contributions: 1,
              valueCents: 80000,
            }) as unknown,
          },
        ],
        unlinked: expect.objectContaining({ contributions: 2, valueCents: 16000 }) as unknown,
      },
    ]);
    const city = partnerResultsChain(db, 'city', valuedBy);
    expect(city?.partnerships[0].objectives).toEqual([
      expect.objectContaining({
        objectiveId: 'dropout',
        commitmentIds: ['mentoring'],
        contributed: expect.objectContaining({ contributions: 0 }) as unknown,
      }),
    ]);
    expect(partnerResultsChain(db, 'nobody', valuedBy)).toBeUndefined();
  });
});
