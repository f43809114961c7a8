import { partnershipWith } from './partnership-fixtures';
import type { LedgerClient } from './ledger-client';

/** Founds a partnership and lets these partners join, all through the HTTP API. */
export function foundPartnership(
  api: LedgerClient,
  partnershipId: string,
  partners: Record<string, string> = { city: 'local_authority', tenants: 'resident_group' },
): Promise<void> {
  return partnershipWith(api, partnershipId, partners);
}

const BY_NEIGHBOURHOOD_AND_AGE = ['neighbourhood', 'age_group'];

/**
 * The four indicators the design seeds the ledger with, as the bodies of `POST /indicators`:
 * the values follow the domain's seed spec (libs/domain/src/indicator/indicator.seeds.spec.ts).
 */
export const seedIndicators = (partnershipId: string) => ({
  participation: {
    indicatorId: 'participation',
    partnershipId,
    code: 'PART-RATE',
    name: 'Resident participation rate',
    unit: { kind: 'percent' },
    baseline: { value: 12, date: '2026-01-01' },
    target: { value: 20, date: '2028-12-31' },
    direction: 'up',
    frequency: 'quarterly',
    dimensions: BY_NEIGHBOURHOOD_AND_AGE,
  },
  belonging: {
    indicatorId: 'belonging',
    partnershipId,
    code: 'BELONG',
    name: 'Sense of belonging to the neighbourhood',
    unit: { kind: 'likert', scale: { min: 1, max: 5 } },
    baseline: { value: 2.8, date: '2026-01-01' },
    target: { value: 3.6, date: '2028-12-31' },
    direction: 'up',
    frequency: 'annual',
    dimensions: BY_NEIGHBOURHOOD_AND_AGE,
  },
  inequality: {
    indicatorId: 'inequality',
    partnershipId,
    code: 'EMPLOY-GAP',
    name: 'Inequality reduction: employment gap ratio between the neighbourhood and the city',
    unit: { kind: 'ratio' },
    baseline: { value: 1.8, date: '2026-01-01' },
    target: { value: 1.2, date: '2030-12-31' },
    direction: 'down',
    frequency: 'annual',
    dimensions: ['neighbourhood'],
  },
  safety: {
    indicatorId: 'safety',
    partnershipId,
    code: 'SAFE-DARK',
    name: 'Well-being and safety: residents who feel safe walking alone after dark',
    unit: { kind: 'percent' },
    baseline: { value: 48, date: '2026-01-01' },
    target: { value: 60, date: '2028-12-31' },
    direction: 'up',
    frequency: 'semiannual',
    dimensions: BY_NEIGHBOURHOOD_AND_AGE,
  },
});

/** A measurement body; periods are in 2026 (already over) unless the test says otherwise. */
export const measurement = (
  measurementId: string,
  from: string,
  to: string,
  value: number,
  disaggregation: { dimensions: Record<string, string>; value: number }[] = [],
) => ({
  measurementId,
  period: { from, to },
  value,
  disaggregation,
  source: 'Resident survey',
  meansOfVerification: 'Survey dataset and report, archived by the city',
});
