import { BadRequestException } from '@nestjs/common';
import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CONTRIBUTION_KINDS, type ContributionKind } from '@cohesion/domain';
import {
  CONTRIBUTION_ORDERS,
  CONTRIBUTION_STATUSES,
  type ContributionOrder,
  type ContributionFilter,
  type ContributionStatusView,
  type EquityFilter,
  GINI_POPULATIONS,
  type GiniPopulation,
  type RecognitionFilter,
} from '@cohesion/projections';
import { IsOptionalCalendarDate, IsOptionalReference } from '../validation/dto-validators';
import { PageQueryDto } from '../queries/read-model-query.dto';
import { MomentQueryDto } from '../queries/moment-query.dto';

/** The period and kind every contribution query counts, and the policy it values under. */
export class RecognitionQueryDto extends MomentQueryDto {
  @IsOptionalCalendarDate('Only the contributions given on or after this day')
  from?: string;

  @IsOptionalCalendarDate('Only the contributions given on or before this day')
  to?: string;

  @ApiPropertyOptional({ enum: CONTRIBUTION_KINDS })
  @IsOptional()
  @IsIn(CONTRIBUTION_KINDS)
  kind?: ContributionKind;

  @IsOptionalReference(
    "The valuation policy to value with, at the rates it holds now. Default: the partnership's " +
      'default policy, else the policy `default`; when neither applies but policies are defined, ' +
      '400 (name one)',
    'default',
  )
  policyId?: string;
}

/** The equity report's query: which contributions count, and whose values the Gini is of. */
export class EquityQueryDto extends RecognitionQueryDto {
  @ApiPropertyOptional({
    enum: GINI_POPULATIONS,
    default: 'listed',
    description:
      'Whose values the Gini coefficient is of: every partner listed (those who gave nothing ' +
      'valued count as 0), or only those who gave something valued',
  })
  @IsOptional()
  @IsIn(GINI_POPULATIONS)
  giniOver?: GiniPopulation;
}

export function equityFilterOf(query: EquityQueryDto): EquityFilter {
  return { ...recognitionFilterOf(query), giniOver: query.giniOver };
}

/** Which contributions: the filters of the list, and of its exports. */
export class ContributionFiltersDto extends RecognitionQueryDto {
  @IsOptionalReference('Only the contributions to this partnership', 'tilleuls-2026')
  partnershipId?: string;

  @IsOptionalReference('Only the contributions of this partner', 'acme-foundation')
  partnerId?: string;

  @ApiPropertyOptional({ enum: CONTRIBUTION_STATUSES })
  @IsOptional()
  @IsIn(CONTRIBUTION_STATUSES)
  status?: ContributionStatusView;
}

export class ContributionListQueryDto extends IntersectionType(
  ContributionFiltersDto,
  PageQueryDto,
) {
  @ApiPropertyOptional({
    enum: CONTRIBUTION_ORDERS,
    default: 'given',
    description:
      'By the day given, oldest first (`given`), or the latest first (`latest`: the day given, ' +
      'then the order recorded, descending)',
  })
  @IsOptional()
  @IsIn(CONTRIBUTION_ORDERS)
  order?: ContributionOrder;
}

export function recognitionFilterOf({ from, to, kind }: RecognitionQueryDto): RecognitionFilter {
  if (from !== undefined && to !== undefined && from > to) {
    throw new BadRequestException(`The period ends (${to}) before it starts (${from})`);
  }
  return { from, to, kind };
}

export function contributionFilterOf(query: ContributionFiltersDto): ContributionFilter {
  const { partnershipId, partnerId, status } = query;
  return { ...recognitionFilterOf(query), partnershipId, partnerId, status };
}
