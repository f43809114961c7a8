import { BackfillMarkDocument } from '../queries/backfill-mark.document';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Min } from 'class-validator';
import type { ConflictSubject } from '@cohesion/domain';
import {
  CASE_STATUS_FILTERS,
  CASE_STATUSES,
  type CaseOutcome,
  type CaseStatus,
  type CaseStatusFilter,
  type LatestSessionView,
  type PendingMediatorView,
  type PendingResolutionView,
} from '@cohesion/projections';
import { ID_MESSAGE, ID_PATTERN } from '../validation/dto-validators';
import { PageQueryDto } from '../queries/read-model-query.dto';
import { MomentPageQueryDto } from '../queries/moment-query.dto';
import { IsMediatorId } from './mediator-id';

export class ConflictCasesQuery extends MomentPageQueryDto {
  @ApiPropertyOptional({ description: 'Only the cases of this partnership', example: 'harmony' })
  @IsOptional()
  @IsString()
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  partnershipId?: string;

  @ApiPropertyOptional({
    enum: CASE_STATUS_FILTERS,
    description: '`open` (not yet resolved, escalated or withdrawn), `closed`, or one status',
  })
  @IsOptional()
  @IsIn(CASE_STATUS_FILTERS)
  status?: CaseStatusFilter;

  @ApiPropertyOptional({
    description: 'Only the cases this partner raised or is raised against',
    example: 'city',
  })
  @IsOptional()
  @IsString()
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  party?: string;

  @ApiPropertyOptional({ description: 'Only the cases this mediator was assigned' })
  @IsOptional()
  @IsMediatorId()
  mediator?: string;
}

export class ReplayQuery extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'Replay up to the case as it stood at this instant (ISO 8601)',
    example: '2026-03-01T12:00:00Z',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  at?: string;

  @ApiPropertyOptional({ description: "Replay up to this revision of the case's stream" })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  revision?: number;
}

class PendingMediatorDocument implements PendingMediatorView {
  @ApiProperty({ example: 'claire-martin' })
  mediatorId!: string;
  @ApiProperty({ type: [String], description: 'The parties who accepted so far' })
  acceptedBy!: string[];
}

class PendingResolutionDocument implements PendingResolutionView {
  @ApiProperty({ example: 'keys-for-both' })
  proposalId!: string;
  @ApiProperty()
  proposedBy!: string;
  @ApiProperty({ type: String, nullable: true })
  amendsAgreementId!: string | null;
  @ApiProperty({ type: [String], description: 'The parties who accepted so far' })
  acceptedBy!: string[];
}

class LatestSessionDocument implements LatestSessionView {
  @ApiProperty()
  sessionId!: string;
  @ApiProperty({ format: 'date' })
  heldOn!: string;
  @ApiProperty({ description: 'Mediation note (confidential)' })
  summary!: string;
}

const NULLABLE_OBJECT = { nullable: true } as const;

/** The compact case state: what a mediator sees after each event. */
export class CaseStateDocument {
  @ApiProperty({ enum: CASE_STATUSES })
  status!: CaseStatus;
  @ApiProperty({ example: 'harmony' })
  partnershipId!: string;
  @ApiProperty({ example: 'assoc' })
  raisedBy!: string;
  @ApiProperty({ type: [String], description: 'The partners the conflict is raised against' })
  parties!: string[];
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'What the conflict is about, by `kind` (as in POST /conflicts)',
  })
  subject!: ConflictSubject;
  @ApiProperty()
  summary!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The mediator every party accepted' })
  mediatorId!: string | null;
  @ApiProperty({ type: PendingMediatorDocument, ...NULLABLE_OBJECT })
  pendingMediator!: PendingMediatorDocument | null;
  @ApiProperty({ type: PendingResolutionDocument, ...NULLABLE_OBJECT })
  pendingResolution!: PendingResolutionDocument | null;
  @ApiProperty({ description: 'Statements recorded so far' })
  statements!: number;
  @ApiProperty({ description: 'Mediation sessions held so far' })
  sessions!: number;
  @ApiProperty({ description: 'Resolutions proposed so far' })
  proposals!: number;
  @ApiProperty()
  mediatorObjections!: number;
  @ApiProperty()
  rejectedProposals!: number;
  @ApiProperty({ type: LatestSessionDocument, ...NULLABLE_OBJECT })
  latestSession!: LatestSessionDocument | null;
  @ApiProperty({
    type: 'object',
    nullable: true,
    additionalProperties: true,
    description:
      'How the case closed: `{kind: resolved, proposalId, amendsAgreementId}`, ' +
      '`{kind: escalated, escalatedTo, reason}` or `{kind: withdrawn, withdrawnBy, reason}`',
  })
  outcome!: CaseOutcome | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' })
  followUpReviewOn!: string | null;
}

export class ConflictCaseDocument extends CaseStateDocument {
  @ApiProperty({ example: 'hall-access' })
  conflictId!: string;
  @ApiProperty({ description: 'Not yet resolved, escalated or withdrawn' })
  open!: boolean;
  @ApiProperty({ format: 'date-time' })
  raisedAt!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  resolvedAt!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'date-time',
    description: 'When it was resolved, escalated or withdrawn',
  })
  closedAt!: string | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Milliseconds from raised to resolved; null unless resolved',
  })
  timeToResolutionMs!: number | null;
  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
  @ApiProperty({ description: "Revision of the case's stream (its last event)" })
  revision!: number;
}

export class ConflictCasesPageDocument {
  @ApiProperty({ type: [ConflictCaseDocument] })
  items!: ConflictCaseDocument[];
  @ApiProperty({ type: String, nullable: true, description: 'Cursor of the next page' })
  next!: string | null;
}

class CaseActorDocument {
  @ApiProperty({ example: 'assoc-officer' })
  sub!: string;
  @ApiPropertyOptional({ example: 'assoc' })
  partnerId?: string;
  @ApiPropertyOptional({ type: [String] })
  roles?: string[];
}

export class CaseStepDocument extends BackfillMarkDocument {
  @ApiProperty({ description: "Revision of the case's stream" })
  revision!: number;
  @ApiProperty({ description: 'Position in the whole log' })
  position!: number;
  @ApiProperty({ example: 'StatementRecorded' })
  type!: string;
  @ApiProperty({ format: 'date-time', description: 'When the ledger recorded it' })
  recordedAt!: string;
  @ApiProperty({ format: 'date', description: 'The day the act took effect' })
  effectiveDate!: string;
  @ApiProperty({ type: CaseActorDocument, description: 'The principal who recorded the event' })
  actor!: CaseActorDocument;
  @ApiProperty({ type: 'object', additionalProperties: true, description: "The event's data" })
  data!: Record<string, unknown>;
  @ApiProperty({ type: CaseStateDocument, description: 'The case right after this event' })
  state!: CaseStateDocument;
}

export class ConflictReplayDocument {
  @ApiProperty({ example: 'hall-access' })
  conflictId!: string;
  @ApiProperty({
    type: CaseStepDocument,
    description: 'The last step replayed: the case as it stood at `at` / `revision`, or now',
  })
  asOf!: CaseStepDocument;
  @ApiProperty({ type: [CaseStepDocument], description: 'The events in order, a page at a time' })
  steps!: CaseStepDocument[];
  @ApiProperty({ type: String, nullable: true, description: 'Cursor of the next page' })
  next!: string | null;
}
