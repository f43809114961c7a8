import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsOptionalCalendarDate } from '../validation/dto-validators';
import { PageQueryDto } from '../queries/read-model-query.dto';
import { PARTNERSHIP_STATUSES } from './partnership-read.documents';

export class PartnershipListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PARTNERSHIP_STATUSES })
  @IsOptional()
  @IsIn(PARTNERSHIP_STATUSES)
  status?: (typeof PARTNERSHIP_STATUSES)[number];

  @ApiPropertyOptional({
    description:
      'Only the partnerships whose territory contains this text, whatever its case and accents ' +
      '("tilleuls" finds "Les Tilleuls")',
    example: 'Northside',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  territory?: string;
}

export class MeetingListQueryDto extends PageQueryDto {
  @IsOptionalCalendarDate('Only the meetings held on or after this day')
  from?: string;
  @IsOptionalCalendarDate('Only the meetings held on or before this day')
  to?: string;
}
