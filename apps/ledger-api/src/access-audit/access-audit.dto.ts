import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { ACCESS_OUTCOMES, type AccessEntryView, type AccessOutcome } from '@cohesion/projections';
import { PageDocument } from '../queries/page-document';
import { PRINCIPAL_ID, RecordedBetweenQueryDto } from '../queries/recorded-between-query.dto';

export class AccessAuditQueryDto extends RecordedBetweenQueryDto {
  @ApiPropertyOptional({
    description: 'The principal (`sub`; `anonymous` for requests without valid credentials)',
    example: 'martin-mediation',
  })
  @IsOptional()
  @Matches(PRINCIPAL_ID, { message: '$property must be a principal id' })
  sub?: string;

  @ApiPropertyOptional({ enum: ACCESS_OUTCOMES })
  @IsOptional()
  @IsIn(ACCESS_OUTCOMES)
  outcome?: AccessOutcome;
}

class AccessPrincipalDocument {
  @ApiProperty({ example: 'martin-mediation' })
  sub!: string;
  @ApiProperty({ type: String, nullable: true, example: null })
  partnerId!: string | null;
  @ApiProperty({ type: [String], example: ['mediator'] })
  roles!: string[];
  @ApiProperty({ description: 'False for requests without valid credentials (`anonymous`)' })
  authenticated!: boolean;
}

export class AccessEntryDocument implements AccessEntryView {
  @ApiProperty({ example: '1042', description: 'Position in the whole log: the audit order' })
  position!: string;
  @ApiProperty({ example: '2026-03-02T17:40:12.345Z' })
  recordedAt!: string;
  @ApiProperty({ enum: ACCESS_OUTCOMES })
  outcome!: AccessOutcome;
  @ApiProperty({ type: AccessPrincipalDocument })
  principal!: AccessPrincipalDocument;
  @ApiProperty({ example: 'GET' })
  method!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '/conflicts/:conflictId/replay',
    description: 'The route pattern; null when no route matched',
  })
  route!: string | null;
  @ApiProperty({ example: '/conflicts/noise-courtyard/replay', description: 'Without the query' })
  path!: string;
  @ApiProperty({ type: String, nullable: true, example: 'noise-courtyard' })
  conflictId!: string | null;
  @ApiProperty({ example: 200 })
  status!: number;
  @ApiProperty({ example: 'read of a confidential conflict case' })
  reason!: string;
  @ApiProperty({
    example: 1,
    description:
      'How many requests the entry stands for: refusals of requests without valid credentials ' +
      'are counted per client and minute, one entry each, so that anonymous traffic cannot make ' +
      'the ledger write an event per request',
  })
  count!: number;
  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description: 'For counted refusals: a pseudonymous tag of the client (never its address)',
  })
  client!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description: 'For counted refusals: when the first of them came',
  })
  since!: string | null;
  @ApiProperty({ example: 'access-2026-03-02', description: 'The access stream holding it' })
  stream!: string;
  @ApiProperty({ format: 'uuid' })
  eventId!: string;
}

export class AccessAuditPageDocument extends PageDocument(AccessEntryDocument) {}
