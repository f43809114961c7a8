import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, Matches } from 'class-validator';
import { BackfillMarkDocument } from '../queries/backfill-mark.document';
import type { AuditEntryView } from '@cohesion/projections';
import { PRINCIPAL_ID, RecordedBetweenQueryDto } from '../queries/recorded-between-query.dto';
import { PageDocument } from '../queries/page-document';

export class AuditTrailQueryDto extends RecordedBetweenQueryDto {
  @ApiPropertyOptional({ description: 'The acting principal (`sub`)', example: 'city-officer' })
  @IsOptional()
  @Matches(PRINCIPAL_ID, { message: '$property must be a principal id' })
  actor?: string;

  @ApiPropertyOptional({ description: 'The partner the principal acted for', example: 'city' })
  @IsOptional()
  @Matches(PRINCIPAL_ID, { message: '$property must be a partner id' })
  partnerId?: string;

  @ApiPropertyOptional({ description: 'Only events of this type', example: 'CommitmentMade' })
  @IsOptional()
  @Matches(/^[A-Za-z]{1,100}$/, { message: '$property must be an event type name' })
  type?: string;

  @ApiPropertyOptional({
    description: 'Only the back-filled acts (true), or only those recorded in time (false)',
    type: Boolean,
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean({ message: 'backfilled must be true or false' })
  backfilled?: boolean;
}

class ActorDocument {
  @ApiProperty({ example: 'city-officer' })
  sub!: string;
  @ApiProperty({ type: String, nullable: true, example: 'city' })
  partnerId!: string | null;
  @ApiProperty({ type: [String], example: ['partner'] })
  roles!: string[];
}

export class AuditEntryDocument extends BackfillMarkDocument implements AuditEntryView {
  @ApiProperty({ example: '1042', description: 'Position in the whole log: the trail order' })
  position!: string;
  @ApiProperty({ example: '2026-03-02T17:40:12.345Z', description: 'When the ledger recorded it' })
  recordedAt!: string;
  @ApiProperty({
    example: '2026-02-27',
    format: 'date',
    description: 'The day the act took effect',
  })
  effectiveDate!: string;
  @ApiProperty({ type: ActorDocument })
  actor!: ActorDocument;
  @ApiProperty({ example: 'commitment-tutoring-2026' })
  stream!: string;
  @ApiProperty({ example: '3' })
  revision!: string;
  @ApiProperty({ example: 'FulfilmentClaimed' })
  type!: string;
  @ApiProperty({ format: 'uuid' })
  eventId!: string;
  @ApiProperty({ description: 'The command (Idempotency-Key) that recorded it' })
  commandId!: string;
  @ApiProperty()
  correlationId!: string;
  @ApiProperty()
  causationId!: string;
}

export class AuditTrailPageDocument extends PageDocument(AuditEntryDocument) {}
