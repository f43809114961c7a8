import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches } from 'class-validator';
import type { Moment } from '@cohesion/application';
import { IsOptionalCalendarDate } from '../validation/dto-validators';
import { PageQueryDto, ReadModelQueryDto } from './read-model-query.dto';

/** An instant that names its offset: one without would depend on the server's zone. */
const INSTANT_WITH_OFFSET =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A read at a moment of the ledger's history, on its two axes: `asOf` the world as it stood on a
 * day (effective time), `knownAt` the ledger as it stood at an instant (recorded time).
 */
export class MomentQueryDto extends ReadModelQueryDto {
  @IsOptionalCalendarDate(
    'The world as it stood on this day (effective time): acts that took effect after it are left ' +
      'out, whenever recorded, and `overdue` is judged on it. Default: today, the present.',
    '2026-06-30',
  )
  asOf?: string;

  @ApiPropertyOptional({
    description:
      'The ledger as it stood at this instant (recorded time): acts recorded after it are left ' +
      'out, back-filled ones included, e.g. "what did the ledger say on the day of the council ' +
      'meeting?". Default: now.',
    example: '2026-07-02T18:00:00+02:00',
    format: 'date-time',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'knownAt must be an ISO-8601 instant' })
  @Matches(INSTANT_WITH_OFFSET, {
    message: 'knownAt must be an instant with its offset (…Z or …+02:00)',
  })
  knownAt?: string;
}

/** A page of a list as it stood at a moment. */
export class MomentPageQueryDto extends IntersectionType(PageQueryDto, MomentQueryDto) {}

/** The moment a query asks about; undefined for the present. */
export function momentOf({ asOf, knownAt }: MomentQueryDto): Moment | undefined {
  if (asOf === undefined && knownAt === undefined) return undefined;
  return { asOf, knownAt };
}
