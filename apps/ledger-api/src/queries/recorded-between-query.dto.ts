import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { PageQueryDto } from './read-model-query.dto';

/** As principals are named by the principal guard (`anonymous` included). */
export const PRINCIPAL_ID = /^[\w.@:-]{1,200}$/;
/** A day, or an instant that names its offset (an instant without one would depend on the server). */
const INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;
const INSTANT_MESSAGE =
  '$property must be a day (YYYY-MM-DD) or an ISO-8601 instant with its offset (…Z or …+01:00)';

/** A page of an audit (of acts, of accesses), limited to what was recorded in a time range. */
export class RecordedBetweenQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Recorded at or after (inclusive)', example: '2026-01-01' })
  @IsOptional()
  @Matches(INSTANT, { message: INSTANT_MESSAGE })
  from?: string;

  @ApiPropertyOptional({
    description: 'Recorded before (exclusive)',
    example: '2026-02-01T00:00:00Z',
  })
  @IsOptional()
  @Matches(INSTANT, { message: INSTANT_MESSAGE })
  to?: string;
}
