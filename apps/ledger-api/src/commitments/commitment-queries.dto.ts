import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import {
  COMMITMENT_KINDS,
  COMMITMENT_STATUS_FILTERS,
  type CommitmentFilter,
  type CommitmentKindView,
  type CommitmentStatusFilter,
} from '@cohesion/projections';
import { IsOptionalCalendarDate, IsOptionalReference } from '../validation/dto-validators';
import { PageQueryDto } from '../queries/read-model-query.dto';
import { MomentQueryDto } from '../queries/moment-query.dto';

/** Today in UTC (YYYY-MM-DD): the default day overdue is judged on, taken at the HTTP edge. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Reports judged on a day (`overdue`), at a moment of the ledger's history. */
export class AsOfQueryDto extends MomentQueryDto {}

/** Of which kind: `unspecified` for the commitments made before commitments had a kind. */
export class CommitmentKindQueryDto {
  @ApiPropertyOptional({
    enum: COMMITMENT_KINDS,
    description:
      'Only the commitments of this kind (`unspecified`: made before commitments had a kind)',
  })
  @IsOptional()
  @IsIn(COMMITMENT_KINDS)
  kind?: CommitmentKindView;
}

/** Which commitments: the filters of the list, and of its exports. */
export class CommitmentFiltersDto extends IntersectionType(AsOfQueryDto, CommitmentKindQueryDto) {
  @IsOptionalReference('Only the commitments made in this partnership', 'tilleuls-2026')
  partnershipId?: string;

  @IsOptionalReference('Only the commitments of this (committing) partner', 'acme-foundation')
  partnerId?: string;

  @IsOptionalReference('Only the commitments towards this objective', 'dropout')
  objectiveId?: string;

  @ApiPropertyOptional({
    enum: COMMITMENT_STATUS_FILTERS,
    description: '`open` is any of made, accepted and in_progress',
  })
  @IsOptional()
  @IsIn(COMMITMENT_STATUS_FILTERS)
  status?: CommitmentStatusFilter;

  @IsOptionalCalendarDate(
    'Only the commitments overdue on this day: still open, due before it. Also the day `overdue` is judged on, unless `asOf` says otherwise',
  )
  overdueAsOf?: string;
}

export class CommitmentListQueryDto extends IntersectionType(CommitmentFiltersDto, PageQueryDto) {}

export class PartnershipAccountabilityQueryDto extends IntersectionType(
  AsOfQueryDto,
  PageQueryDto,
  CommitmentKindQueryDto,
) {}

export function commitmentFilterOf(query: CommitmentFiltersDto): CommitmentFilter {
  const { partnershipId, partnerId, objectiveId, kind, status, overdueAsOf } = query;
  return { partnershipId, partnerId, objectiveId, kind, status, overdueAsOf };
}

/** The day `overdue` is judged on. */
export function asOfOf(query: AsOfQueryDto & { overdueAsOf?: string }): string {
  return query.asOf ?? query.overdueAsOf ?? todayUtc();
}
