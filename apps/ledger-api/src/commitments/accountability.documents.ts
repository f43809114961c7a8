import { BackfillMarkDocument } from '../queries/backfill-mark.document';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CommitmentBeneficiary, PartnerKind } from '@cohesion/domain';
import {
  type AccountabilitySummary,
  COMMITMENT_KINDS,
  COMMITMENT_STATUSES,
  type CommitmentClaimView,
  type CommitmentDetailView,
  type CommitmentKindView,
  type CommitmentStatusView,
  type CommitmentView,
  type PartnerAccountabilityView,
  type PartnerCommitmentsView,
  type PartnershipAccountabilityLine,
  type StatusChangeView,
  type TermsVersionView,
} from '@cohesion/projections';
import { PageDocument } from '../queries/page-document';

class BeneficiaryDocument {
  @ApiProperty({ enum: ['partner', 'group'] })
  kind!: 'partner' | 'group';
  @ApiPropertyOptional({ description: 'kind partner: the beneficiary partner' })
  partnerId?: string;
  @ApiPropertyOptional({ description: 'kind group: the group, in words' })
  name?: string;
}

class ClaimCountsDocument {
  @ApiProperty({ example: 1 })
  pending!: number;
  @ApiProperty({ example: 2 })
  confirmed!: number;
  @ApiProperty({ example: 0 })
  disputed!: number;
}

const nullable = (description: string, type: 'string' | 'number' | 'boolean' = 'string') =>
  ApiProperty({ description, type, nullable: true });

export class CommitmentDocument extends BackfillMarkDocument implements CommitmentView {
  @ApiProperty({ example: 'tutoring-2026' })
  commitmentId!: string;
  @ApiProperty({ example: 42, description: 'Log position at which it was made (list order)' })
  position!: number;
  @ApiProperty({ example: 'tilleuls-2026' })
  partnershipId!: string;
  @ApiProperty({ example: 'acme-foundation', description: 'The committing partner' })
  partnerId!: string;
  @nullable('The objective it serves')
  objectiveId!: string | null;
  @ApiProperty({ type: BeneficiaryDocument })
  beneficiary!: CommitmentBeneficiary;
  @ApiProperty({
    enum: COMMITMENT_KINDS,
    example: 'volunteer_time',
    description:
      'The kind of resource promised (the contribution kinds); `unspecified` for a commitment ' +
      'made before commitments had a kind',
  })
  kind!: CommitmentKindView;
  @ApiProperty({ example: 'Forty hours of tutoring', description: 'Terms in force' })
  what!: string;
  @ApiProperty({ example: '2026-06-30', format: 'date' })
  dueDate!: string;
  @nullable('Promised quantity, in `unit`', 'number')
  quantity!: number | null;
  @nullable('Unit of the promised quantity')
  unit!: string | null;
  @ApiProperty({ example: 2, description: 'Version of the terms in force (1 as made)' })
  termsVersion!: number;
  @ApiProperty({ enum: COMMITMENT_STATUSES })
  status!: CommitmentStatusView;
  @ApiProperty({ example: 25, description: 'Confirmed as delivered, in `unit`' })
  confirmedQuantity!: number;
  @nullable('The partner who accepted it for the partnership')
  acceptedBy!: string | null;
  @ApiProperty({ format: 'date-time', description: 'When the ledger recorded it' })
  madeAt!: string;
  @ApiProperty({ format: 'date', example: '2026-03-12', description: 'The day it was made' })
  madeOn!: string;
  @nullable('When it was fulfilled, closed, released or withdrawn (recorded)')
  endedAt!: string | null;
  @nullable('The day it was fulfilled, closed, released or withdrawn (effective)')
  endedOn!: string | null;
  @nullable('Why it was closed as partial, released or withdrawn')
  endReason!: string | null;
  @nullable('The day delivered, as the completing claim says; null unless fulfilled')
  deliveredOn!: string | null;
  @nullable('Delivered (`deliveredOn`) on or before the due date; null unless fulfilled', 'boolean')
  fulfilledOnTime!: boolean | null;
  @ApiProperty({ description: 'Still open and its due date is before `asOf` (never stored)' })
  overdue!: boolean;
  @ApiProperty({ type: ClaimCountsDocument, description: 'Fulfilment claims by how they stand' })
  claims!: ClaimCountsDocument;
}

export class CommitmentPageDocument extends PageDocument(CommitmentDocument) {}

class TermsVersionDocument extends BackfillMarkDocument implements TermsVersionView {
  @ApiProperty({ example: 1 })
  version!: number;
  @ApiProperty()
  what!: string;
  @ApiProperty({ format: 'date' })
  dueDate!: string;
  @nullable('Promised quantity', 'number')
  quantity!: number | null;
  @nullable('Unit')
  unit!: string | null;
  @nullable('Who renegotiated (null for version 1)')
  amendedBy!: string | null;
  @nullable('Why the terms changed')
  reason!: string | null;
  @ApiProperty({ format: 'date-time' })
  recordedAt!: string;
  @ApiProperty({ format: 'date', description: 'The day these terms took effect' })
  effectiveDate!: string;
}

class CommitmentClaimDocument extends BackfillMarkDocument implements CommitmentClaimView {
  @ApiProperty()
  claimId!: string;
  @ApiProperty()
  claimedBy!: string;
  @ApiProperty({ example: 'Attendance sheets of October' })
  evidence!: string;
  @nullable('Claimed quantity', 'number')
  quantity!: number | null;
  @nullable('Unit')
  unit!: string | null;
  @ApiProperty({
    description: 'The claimant says this delivery completes a commitment without quantity',
  })
  complete!: boolean;
  @nullable('The contribution that made the claim')
  contributionId!: string | null;
  @ApiProperty({ enum: ['claimed', 'confirmed', 'disputed'] })
  status!: 'claimed' | 'confirmed' | 'disputed';
  @ApiProperty({ format: 'date-time', description: 'When the ledger recorded the claim' })
  claimedAt!: string;
  @ApiProperty({
    format: 'date',
    description: "The day delivered (its contribution's date, else the claim's effective date)",
  })
  deliveredOn!: string;
  @nullable('Who confirmed or disputed it')
  settledBy!: string | null;
  @nullable('When it was confirmed or disputed')
  settledAt!: string | null;
  @nullable('Why it was disputed')
  disputeReason!: string | null;
}

class StatusChangeDocument extends BackfillMarkDocument implements StatusChangeView {
  @ApiProperty({ enum: COMMITMENT_STATUSES, nullable: true })
  from!: CommitmentStatusView | null;
  @ApiProperty({ enum: COMMITMENT_STATUSES })
  to!: CommitmentStatusView;
  @ApiProperty({ description: 'The partner whose act changed the status' })
  by!: string;
  @ApiProperty({ description: 'The principal who recorded that act' })
  actor!: string;
  @nullable('Why (closure, release, withdrawal)')
  reason!: string | null;
  @ApiProperty({ format: 'date-time', description: 'When the ledger recorded it' })
  at!: string;
  @ApiProperty({ format: 'date', description: 'The day the act took effect' })
  effectiveDate!: string;
  @ApiProperty({ description: 'Log position of the event' })
  position!: number;
}

export class CommitmentDetailDocument extends CommitmentDocument implements CommitmentDetailView {
  @ApiProperty({ type: [TermsVersionDocument] })
  termsHistory!: TermsVersionDocument[];
  @ApiProperty({ type: [CommitmentClaimDocument], description: 'The fulfilment claims' })
  evidence!: CommitmentClaimDocument[];
  @ApiProperty({ type: [StatusChangeDocument] })
  statusHistory!: StatusChangeDocument[];
}

export class AccountabilitySummaryDocument implements AccountabilitySummary {
  @ApiProperty({ example: 7 })
  made!: number;
  @ApiProperty({ example: 2, description: 'Made, accepted or in progress' })
  open!: number;
  @ApiProperty({ example: 2 })
  fulfilled!: number;
  @ApiProperty({ example: 1 })
  closedPartial!: number;
  @ApiProperty({ example: 1 })
  released!: number;
  @ApiProperty({ example: 1 })
  withdrawn!: number;
  @ApiProperty({ example: 1, description: 'Open and due before `asOf`' })
  overdue!: number;
  @ApiProperty({ example: 1, description: 'Fulfilled on or before the due date in force' })
  fulfilledOnTime!: number;
  @nullable(
    'fulfilled ÷ (fulfilled + closed partial + withdrawn + overdue), 4 decimals; released ones are waived and do not count',
    'number',
  )
  fulfilmentRate!: number | null;
  @nullable('fulfilledOnTime ÷ fulfilled, 4 decimals', 'number')
  onTimeRate!: number | null;
}

class PartnerCommitmentsDocument implements PartnerCommitmentsView {
  @ApiProperty()
  partnerId!: string;
  @nullable('Its name in the partnership')
  name!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'association' })
  kind!: PartnerKind | null;
  @nullable('Its role in the partnership')
  role!: string | null;
  @ApiProperty({ description: 'Still a member (false once it left)' })
  member!: boolean;
  @ApiProperty({ type: AccountabilitySummaryDocument })
  summary!: AccountabilitySummaryDocument;
  @ApiProperty({ type: [CommitmentDocument], description: 'In the order made, at most 1000' })
  commitments!: CommitmentDocument[];
  @ApiProperty({ description: 'More than 1000: list the rest with GET /commitments' })
  moreCommitments!: boolean;
}

export class PartnershipAccountabilityDocument {
  @ApiProperty()
  partnershipId!: string;
  @nullable('Its name')
  name!: string | null;
  @ApiProperty({ format: 'date', description: 'The day overdue was judged on' })
  asOf!: string;
  @ApiProperty({
    enum: COMMITMENT_KINDS,
    nullable: true,
    description:
      'The kind asked for: only commitments of that kind are counted and listed, and only the ' +
      'partners who made one; null when every kind counts',
  })
  kind!: CommitmentKindView | null;
  @ApiProperty({ type: AccountabilitySummaryDocument, description: 'The whole partnership' })
  summary!: AccountabilitySummaryDocument;
  @ApiProperty({ type: [PartnerCommitmentsDocument], description: 'A page of its partners' })
  partners!: PartnerCommitmentsDocument[];
  @nullable('Cursor of the next page of partners; null on the last')
  next!: string | null;
}

class PartnershipAccountabilityLineDocument implements PartnershipAccountabilityLine {
  @ApiProperty()
  partnershipId!: string;
  @nullable('Its name')
  name!: string | null;
  @ApiProperty()
  member!: boolean;
  @nullable('The partner’s role there')
  role!: string | null;
  @ApiProperty({ type: AccountabilitySummaryDocument })
  summary!: AccountabilitySummaryDocument;
}

export class PartnerAccountabilityDocument implements PartnerAccountabilityView {
  @ApiProperty()
  partnerId!: string;
  @ApiProperty({ format: 'date' })
  asOf!: string;
  @ApiProperty({ type: AccountabilitySummaryDocument, description: 'Across every partnership' })
  summary!: AccountabilitySummaryDocument;
  @ApiProperty({ type: [PartnershipAccountabilityLineDocument] })
  partnerships!: PartnershipAccountabilityLineDocument[];
}
