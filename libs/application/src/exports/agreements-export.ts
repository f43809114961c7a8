import type { AgreementView } from '../agreements/agreements-register.query';
import { type Column, columnsOf, joined, namesOf, type Names } from './export-columns';

const c = columnsOf<AgreementView>();
const partyNames =
  (parties: (row: AgreementView) => readonly string[]) => (row: AgreementView, names: Names) =>
    namesOf(parties(row), (partnerId) => names.partner(row.partnershipId, partnerId));

/** The agreements register: one record per agreement, as GET /agreements lists it. */
export const AGREEMENT_COLUMNS: readonly Column<AgreementView>[] = [
  c.text('agreementId', (row) => row.agreementId),
  c.text('partnershipId', (row) => row.partnershipId),
  c.name('partnershipName', (row, names) => names.partnership(row.partnershipId)),
  c.text('title', (row) => row.title),
  c.text('status', (row) => row.status),
  c.text('parties', (row) => joined(row.parties)),
  c.name(
    'partyNames',
    partyNames((row) => row.parties),
  ),
  c.integer('currentVersion', (row) => row.currentVersion),
  c.text('currentTermsHash', (row) => row.currentTermsHash),
  c.text('signatories', (row) => joined(row.signatories)),
  c.name(
    'signatoryNames',
    partyNames((row) => row.signatories),
  ),
  c.text('pendingSignatures', (row) => joined(row.pendingSignatures)),
  c.name(
    'pendingSignatureNames',
    partyNames((row) => row.pendingSignatures),
  ),
  c.date('endsOn', (row) => row.endsOn),
  c.instant('proposedAt', (row) => row.proposedAt),
  c.instant('inForceSince', (row) => row.inForceSince),
  c.instant('closedAt', (row) => row.closedAt),
  c.text('closedBy', (row) => row.closedBy),
  c.name('closedByName', (row, names) =>
    row.closedBy === null ? null : names.partner(row.partnershipId, row.closedBy),
  ),
  c.text('closedReason', (row) => row.closedReason),
  c.instant('updatedAt', (row) => row.updatedAt),
  c.integer('revision', (row) => row.revision),
];
