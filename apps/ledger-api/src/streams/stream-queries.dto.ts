import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, Max, Min } from 'class-validator';

export class StreamEventsQuery {
  @ApiPropertyOptional({ description: 'First revision of the page', type: Number, default: 0 })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  fromRevision = 0;

  @ApiPropertyOptional({
    description: 'Events per page',
    type: Number,
    default: 100,
    maximum: 1000,
  })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit = 100;
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
