import type { CommitmentView } from '@cohesion/projections';
import type { CsvColumn } from './export-formats';

/** The commitments export: one record per commitment, as GET /commitments lists it. */
export const COMMITMENT_COLUMNS: readonly CsvColumn<CommitmentView>[] = [
  ['commitmentId', (c) => c.commitmentId],
  ['partnershipId', (c) => c.partnershipId],
  ['partnerId', (c) => c.partnerId],
  ['objectiveId', (c) => c.objectiveId],
  ['beneficiaryKind', (c) => c.beneficiary.kind],
  [
    'beneficiary',
    (c) => (c.beneficiary.kind === 'partner' ? c.beneficiary.partnerId : c.beneficiary.name),
  ],
  ['what', (c) => c.what],
  ['dueDate', (c) => c.dueDate],
  ['termsVersion', (c) => c.termsVersion],
  ['status', (c) => c.status],
  ['overdue', (c) => c.overdue],
  ['quantity', (c) => c.quantity],
  ['unit', (c) => c.unit],
  ['confirmedQuantity', (c) => c.confirmedQuantity],
  ['acceptedBy', (c) => c.acceptedBy],
  ['madeAt', (c) => c.madeAt],
  ['endedAt', (c) => c.endedAt],
  ['endReason', (c) => c.endReason],
  ['fulfilledOnTime', (c) => c.fulfilledOnTime],
  ['claimsPending', (c) => c.claims.pending],
  ['claimsConfirmed', (c) => c.claims.confirmed],
  ['claimsDisputed', (c) => c.claims.disputed],
  ['position', (c) => c.position],
];
