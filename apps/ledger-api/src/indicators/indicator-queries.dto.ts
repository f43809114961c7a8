import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsOptionalReference } from '../validation/dto-validators';
import { MomentPageQueryDto } from '../queries/moment-query.dto';

export const INDICATOR_STATUSES = ['defined', 'retired'] as const;

export class IndicatorListQueryDto extends MomentPageQueryDto {
  @IsOptionalReference('Only the indicators of this partnership', 'northside-2026')
  partnershipId?: string;

  @ApiPropertyOptional({ enum: INDICATOR_STATUSES })
  @IsOptional()
  @IsIn(INDICATOR_STATUSES)
  status?: (typeof INDICATOR_STATUSES)[number];
}
