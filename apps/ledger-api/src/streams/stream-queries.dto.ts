import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, Max, Min } from 'class-validator';

const PERSONAL_DATA_FORMS = ['opened', 'sealed'] as const;

export class StreamEventsQuery {
  @ApiPropertyOptional({ type: 'integer', description: 'First revision of the page', default: 0 })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  fromRevision = 0;

  @ApiPropertyOptional({
    type: 'integer',
    description: 'Events per page',
    default: 100,
    minimum: 1,
    maximum: 1000,
  })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit = 100;

  @ApiPropertyOptional({
    enum: PERSONAL_DATA_FORMS,
    default: 'opened',
    description:
      'Personal fields opened (their text, or `[erased YYYY-MM-DD]`), or `sealed`: each event ' +
      'exactly as recorded, personal fields as envelopes, which is what its hash and the proofs cover',
  })
  @IsOptional()
  @IsIn(PERSONAL_DATA_FORMS, { message: 'personalData must be opened or sealed' })
  personalData: (typeof PERSONAL_DATA_FORMS)[number] = 'opened';
}

export class StreamStateQuery {
  @ApiPropertyOptional({ description: 'Fold up to and including this revision' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  revision?: number;

  @ApiPropertyOptional({
    description: 'Fold the events recorded at or before this instant (ISO 8601)',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  at?: string;
}
