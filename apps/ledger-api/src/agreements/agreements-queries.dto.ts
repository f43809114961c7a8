import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import {
  AGREEMENT_STATUSES,
  type AgreementEntry,
  type AgreementRecord,
  type AgreementRegisterStatus,
  type AgreementSignature,
  type AgreementTermsVersionEntry,
  type SignatureVoid,
} from '@cohesion/projections';
import { BackfillMarkDocument } from '../queries/backfill-mark.document';
import { ID_MESSAGE, ID_PATTERN } from '../validation/dto-validators';
import { MomentPageQueryDto } from '../queries/moment-query.dto';

export class AgreementsQuery extends MomentPageQueryDto {
  @ApiPropertyOptional({
    description: 'Only the agreements of this partnership',
    example: 'harmony',
  })
  @IsOptional()
  @IsString()
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  partnershipId?: string;

  @ApiPropertyOptional({ enum: AGREEMENT_STATUSES })
  @IsOptional()
  @IsIn(AGREEMENT_STATUSES)
  status?: AgreementRegisterStatus;

  @ApiPropertyOptional({ description: 'Only the agreements binding this partner', example: 'city' })
  @IsOptional()
  @IsString()
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  party?: string;
}

export class AgreementEntryDocument implements Omit<AgreementEntry, 'seq'> {
  @ApiProperty({ example: 'hall' })
  agreementId!: string;
  @ApiProperty({ example: 'harmony' })
  partnershipId!: string;
  @ApiProperty({ example: 'Use of the community hall' })
  title!: string;
  @ApiProperty({ enum: AGREEMENT_STATUSES })
  status!: AgreementRegisterStatus;
  @ApiProperty({ type: [String], example: ['city', 'assoc'] })
  parties!: string[];
  @ApiProperty({ example: 2 })
  currentVersion!: number;
  @ApiProperty({ description: 'The hash each party signs: SHA-256 of the current terms version' })
  currentTermsHash!: string;
  @ApiProperty({
    type: [String],
    description: 'Parties whose signature binds the current terms version, in signing order',
  })
  signatories!: string[];
  @ApiProperty({
    type: [String],
    description: 'Parties yet to sign the current terms version (none once in force or closed)',
  })
  pendingSignatures!: string[];
  @ApiProperty({ type: String, nullable: true, format: 'date' })
  endsOn!: string | null;
  @ApiProperty({ format: 'date-time' })
  proposedAt!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'date-time',
    description: 'When the current terms version entered into force',
  })
  inForceSince!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'date-time',
    description: 'When it was declined, terminated or expired',
  })
  closedAt!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The party who declined or terminated',
  })
  closedBy!: string | null;
  @ApiProperty({ type: String, nullable: true })
  closedReason!: string | null;
  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
  @ApiProperty({ description: "Revision of the agreement's stream this entry reflects" })
  revision!: number;
}

export class AgreementsPageDocument {
  @ApiProperty({ type: [AgreementEntryDocument] })
  items!: AgreementEntryDocument[];
  @ApiProperty({ type: String, nullable: true, description: 'Cursor of the next page' })
  next!: string | null;
}

class ClauseDocument {
  @ApiProperty({ example: 'c1' })
  clauseId!: string;
  @ApiProperty({ example: 'The city lends the hall on Wednesday afternoons.' })
  text!: string;
}

class SignatureVoidDocument implements SignatureVoid {
  @ApiProperty({ example: 2, description: 'The terms version whose amendment voided it' })
  byVersion!: number;
  @ApiProperty({ format: 'date-time', description: 'When that amendment was recorded' })
  at!: string;
}

class SignatureDocument extends BackfillMarkDocument implements AgreementSignature {
  @ApiProperty({ example: 'city' })
  partyId!: string;
  @ApiProperty()
  termsHash!: string;
  @ApiProperty({ format: 'date-time', description: 'When the ledger recorded the signature' })
  signedAt!: string;
  @ApiProperty({ format: 'date', description: 'The day it was signed' })
  signedOn!: string;
  @ApiProperty({ description: 'The principal who recorded the signature' })
  actor!: string;
  @ApiProperty({
    type: SignatureVoidDocument,
    nullable: true,
    description:
      'Void once its terms version was amended (a signature binds one terms hash): the version ' +
      'that voided it and when; null while its version is current',
  })
  void!: SignatureVoidDocument | null;
}

class AgreementTermsVersionDocument
  extends BackfillMarkDocument
  implements AgreementTermsVersionEntry
{
  @ApiProperty({ example: 1 })
  version!: number;
  @ApiProperty()
  termsHash!: string;
  @ApiProperty({ type: [ClauseDocument] })
  clauses!: ClauseDocument[];
  @ApiProperty({ type: String, nullable: true, description: 'Why it was amended; null for v1' })
  reason!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The party who proposed (v1) or amended these terms',
  })
  byParty!: string | null;
  @ApiProperty({ description: 'The principal who recorded them' })
  actor!: string;
  @ApiProperty({ format: 'date-time' })
  recordedAt!: string;
  @ApiProperty({ format: 'date', description: 'The day these terms were proposed or amended' })
  effectiveDate!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  enteredIntoForceAt!: string | null;
  @ApiProperty({ type: [SignatureDocument], description: "Every signature on this version's hash" })
  signatures!: SignatureDocument[];
}

export class AgreementRecordDocument
  extends AgreementEntryDocument
  implements Omit<AgreementRecord, 'seq'>
{
  @ApiProperty({
    type: [AgreementTermsVersionDocument],
    description: 'Every terms version in order, the last being current: the amendment history',
  })
  versions!: AgreementTermsVersionDocument[];
}
