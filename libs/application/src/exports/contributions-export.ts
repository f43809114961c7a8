import type { RecognisedContributionView } from '@cohesion/projections';
import type { CsvColumn } from './export-formats';

/** The contributions export: one record per contribution, as GET /contributions lists it. */
export const CONTRIBUTION_COLUMNS: readonly CsvColumn<RecognisedContributionView>[] = [
  ['contributionId', (c) => c.contributionId],
  ['partnershipId', (c) => c.partnershipId],
  ['partnerId', (c) => c.partnerId],
  ['kind', (c) => c.kind],
  ['quantity', (c) => c.quantity],
  ['unit', (c) => c.unit],
  ['date', (c) => c.date],
  ['description', (c) => c.description],
  ['commitmentId', (c) => c.commitmentId],
  ['status', (c) => c.status],
  ['acknowledgedBy', (c) => c.acknowledgedBy.join(' ')],
  ['recordedAt', (c) => c.recordedAt],
  ['reversedAt', (c) => c.reversedAt],
  ['reversalReason', (c) => c.reversalReason],
  ['valueCents', (c) => c.value?.amountCents ?? null],
  ['currency', (c) => c.value?.currency ?? null],
  ['rate', (c) => c.value?.rate ?? null],
  ['rateVersion', (c) => c.value?.rateVersion ?? null],
  ['position', (c) => c.position],
];
