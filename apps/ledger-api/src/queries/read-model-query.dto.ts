import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

/** Every read-model query may ask to see at least the log up to a position (read-your-writes). */
export class ReadModelQueryDto {
  @ApiPropertyOptional({
    description:
      'Wait (bounded) until the read models include this log position, e.g. the `position` a ' +
      'command answered; the x-min-position header does the same',
    example: '42',
  })
  @IsOptional()
  @Matches(/^\d{1,20}$/, { message: 'minPosition must be a log position (digits)' })
  minPosition?: string;
}

/** A page of a list: `limit` items after the opaque `cursor` a previous page answered as `next`. */
export class PageQueryDto extends ReadModelQueryDto {
  @ApiPropertyOptional({
    description: 'Items per page',
    type: Number,
    default: 50,
    minimum: 1,
    maximum: 500,
  })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit = 50;

  @ApiPropertyOptional({ description: 'The `next` cursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}
