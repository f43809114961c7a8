import type { CommandMetadata } from '../decider';
import type { PartnershipFacts } from '../partnership/partnership.state';
import { commandsOf, deciderSpecification } from '../testing';
import type { IndicatorCommand } from './indicator.commands';
import { indicatorDecider } from './indicator.decider';
import type { IndicatorEvent } from './indicator.events';
import { progressOf } from './indicator.progress';

/**
 * The four indicators the ledger is seeded with must be expressible as they are usually
 * measured in social-cohesion programmes, including one whose desired direction is down.
 */
const metadata: CommandMetadata = {
  actor: { sub: 'evaluator-1', roles: ['admin'] },
  now: '2027-01-15T09:00:00.000Z',
};
const partnershipId = 'northside-2026';
const partnership: PartnershipFacts = {
  partnershipId,
  status: 'active',
  memberIds: ['city', 'tenants-association'],
  openObjectiveIds: [],
};
const spec = deciderSpecification(indicatorDecider);
const command = commandsOf<IndicatorCommand>(metadata);

type Definition = Extract<IndicatorEvent, { type: 'IndicatorDefined' }>['data'];
const common = {
  partnershipId,
  dimensions: ['neighbourhood', 'age_group'],
  frequency: 'annual',
} as const;

const seeds: { definition: Definition; measured: number; progress: number }[] = [
  {
    definition: {
      ...common,
      dimensions: [...common.dimensions],
      indicatorId: 'participation',
      code: 'PART-RATE',
      name: 'Resident participation rate',
      unit: { kind: 'percent' },
      baseline: { value: 12, date: '2026-01-01' },
      target: { value: 20, date: '2028-12-31' },
      direction: 'up',
      frequency: 'quarterly',
    },
    measured: 14,
    progress: 0.25,
  },
  {
    definition: {
      ...common,
      dimensions: [...common.dimensions],
      indicatorId: 'belonging',
      code: 'BELONG',
      name: 'Sense of belonging to the neighbourhood',
      unit: { kind: 'likert', scale: { min: 1, max: 5 } },
      baseline: { value: 2.8, date: '2026-01-01' },
      target: { value: 3.6, date: '2028-12-31' },
      direction: 'up',
    },
    measured: 3.2,
    progress: 0.5,
  },
  {
    definition: {
      ...common,
      dimensions: ['neighbourhood'],
      indicatorId: 'inequality',
      code: 'EMPLOY-GAP',
      name: 'Employment gap ratio between the neighbourhood and the city',
      unit: { kind: 'ratio' },
      baseline: { value: 1.8, date: '2026-01-01' },
      target: { value: 1.2, date: '2030-12-31' },
      direction: 'down',
    },
    measured: 1.65,
    progress: 0.25,
  },
  {
    definition: {
      ...common,
      dimensions: [...common.dimensions],
      indicatorId: 'safety',
      code: 'SAFE-DARK',
      name: 'Residents who feel safe walking alone after dark',
      unit: { kind: 'percent' },
      baseline: { value: 48, date: '2026-01-01' },
      target: { value: 60, date: '2028-12-31' },
      direction: 'up',
      frequency: 'semiannual',
    },
    measured: 51,
    progress: 0.25,
  },
];

describe('Seed indicators', () => {
  for (const { definition, measured, progress } of seeds) {
    describe(definition.name, () => {
      const defined: IndicatorEvent = { type: 'IndicatorDefined', data: definition };

      it('can be defined for an open partnership', () =>
        spec
          .given([])
          .when({ ...command('DefineIndicator', definition), partnership })
          .then([defined]));

      it('can be measured for 2026, and its progress read', () => {
        const data = {
          indicatorId: definition.indicatorId,
          measurementId: `${definition.indicatorId}-2026`,
          period: { from: '2026-01-01', to: '2026-12-31' },
          value: measured,
          disaggregation: [{ dimensions: { neighbourhood: 'Les Tilleuls' }, value: measured }],
          source: 'Annual resident survey',
          meansOfVerification: 'Survey dataset and report, archived by the city',
        };
        spec
          .given([defined])
          .when(command('RecordMeasurement', data))
          .then([{ type: 'MeasurementRecorded', data }]);
        expect(progressOf(definition, measured)).toBeCloseTo(progress);
      });
    });
  }
});
