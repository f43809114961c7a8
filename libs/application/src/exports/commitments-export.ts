import type { CommitmentView } from '@cohesion/projections';
import { type Column, columnsOf } from './export-columns';

const c = columnsOf<CommitmentView>();

/** The commitments export: one record per commitment, as GET /commitments lists it. */
export const COMMITMENT_COLUMNS: readonly Column<CommitmentView>[] = [
  c.text('commitmentId', (row) => row.commitmentId),
  c.text('partnershipId', (row) => row.partnershipId),
  c.name('partnershipName', (row, names) => names.partnership(row.partnershipId)),
  c.text('partnerId', (row) => row.partnerId),
  c.name('partnerName', (row, names) => names.partner(row.partnershipId, row.partnerId)),
  c.text('objectiveId', (row) => row.objectiveId),
  c.name('objectiveTitle', (row, names) =>
    row.objectiveId === null ? null : names.objective(row.partnershipId, row.objectiveId),
  ),
  c.text('beneficiaryKind', (row) => row.beneficiary.kind),
  c.text('beneficiary', ({ beneficiary }) =>
    beneficiary.kind === 'partner' ? beneficiary.partnerId : beneficiary.name,
  ),
  c.name('beneficiaryName', ({ partnershipId, beneficiary }, names) =>
    beneficiary.kind === 'partner'
      ? names.partner(partnershipId, beneficiary.partnerId)
      : beneficiary.name,
  ),
  c.text('kind', (row) => row.kind),
  c.text('what', (row) => row.what),
  c.date('dueDate', (row) => row.dueDate),
  c.integer('termsVersion', (row) => row.termsVersion),
  c.text('status', (row) => row.status),
  c.boolean('overdue', (row) => row.overdue),
  c.decimal('quantity', (row) => row.quantity),
  c.text('unit', (row) => row.unit),
  c.decimal('confirmedQuantity', (row) => row.confirmedQuantity),
  c.text('acceptedBy', (row) => row.acceptedBy),
  c.name('acceptedByName', (row, names) =>
    row.acceptedBy === null ? null : names.partner(row.partnershipId, row.acceptedBy),
  ),
  c.instant('madeAt', (row) => row.madeAt),
  c.instant('endedAt', (row) => row.endedAt),
  c.text('endReason', (row) => row.endReason),
  c.boolean('fulfilledOnTime', (row) => row.fulfilledOnTime),
  c.integer('claimsPending', (row) => row.claims.pending),
  c.integer('claimsConfirmed', (row) => row.claims.confirmed),
  c.integer('claimsDisputed', (row) => row.claims.disputed),
  c.integer('position', (row) => row.position),
];
