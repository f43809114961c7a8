import type { RecognisedContributionView } from '@cohesion/projections';
import { type Column, columnsOf, joined, namesOf } from './export-columns';

const c = columnsOf<RecognisedContributionView>();

/** The contributions export: one record per contribution, as GET /contributions lists it. */
export const CONTRIBUTION_COLUMNS: readonly Column<RecognisedContributionView>[] = [
  c.text('contributionId', (row) => row.contributionId),
  c.text('partnershipId', (row) => row.partnershipId),
  c.name('partnershipName', (row, names) => names.partnership(row.partnershipId)),
  c.text('partnerId', (row) => row.partnerId),
  c.name('partnerName', (row, names) => names.partner(row.partnershipId, row.partnerId)),
  c.text('kind', (row) => row.kind),
  c.decimal('quantity', (row) => row.quantity),
  c.text('unit', (row) => row.unit),
  c.date('date', (row) => row.date),
  c.text('description', (row) => row.description),
  c.text('commitmentId', (row) => row.commitmentId),
  c.text('status', (row) => row.status),
  c.text('acknowledgedBy', (row) => joined(row.acknowledgedBy)),
  c.name('acknowledgedByNames', (row, names) =>
    namesOf(row.acknowledgedBy, (partnerId) => names.partner(row.partnershipId, partnerId)),
  ),
  c.instant('recordedAt', (row) => row.recordedAt),
  c.instant('reversedAt', (row) => row.reversedAt),
  c.text('reversalReason', (row) => row.reversalReason),
  c.money('value', ({ value }) =>
    value === null ? null : { cents: value.amountCents, currency: value.currency },
  ),
  c.text('currency', (row) => row.value?.currency ?? null),
  c.decimal('rate', (row) => row.value?.rate ?? null),
  c.integer('rateVersion', (row) => row.value?.rateVersion ?? null),
  c.integer('position', (row) => row.position),
];
