import { ApiProperty, ApiPropertyOptional, IntersectionType, OmitType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import {
  CSV_DIALECTS,
  type CsvDialect,
  EXPORT_EXTENSIONS,
  type ExportExtension,
} from '@cohesion/application';
import { AccessAuditQueryDto } from '../access-audit/access-audit.dto';
import { AgreementsQuery } from '../agreements/agreements-queries.dto';
import { AuditTrailQueryDto } from '../audit-trail/audit-trail.dto';
import { CommitmentFiltersDto } from '../commitments/commitment-queries.dto';
import { ConflictCasesQuery } from '../conflicts/conflicts-queries.dto';
import { ResultsChainQueryDto } from '../results-chain/results-chain.dto';
import { ContributionFiltersDto } from '../contributions/contribution-queries.dto';
import { FeedbackListQueryDto } from '../feedback/feedback-queries.dto';
import { IndicatorListQueryDto } from '../indicators/indicator-queries.dto';
import {
  MeetingListQueryDto,
  PartnershipListQueryDto,
} from '../partnerships/partnership-queries.dto';
import { IsLedgerId } from '../validation/dto-validators';

export class ExportPathDto {
  @ApiProperty({
    enum: EXPORT_EXTENSIONS,
    description:
      '`csv` (see `dialect`), `jsonl` (one JSON document per line: each row exactly as the list ' +
      'route answers it) or `xlsx` (an Excel workbook: typed cells, header row kept in view)',
  })
  @IsIn(EXPORT_EXTENSIONS, { message: 'the file extension must be one of csv, jsonl or xlsx' })
  format!: ExportExtension;
}

export class ExportOptionsDto {
  @ApiPropertyOptional({
    enum: CSV_DIALECTS,
    default: 'rfc4180',
    description:
      'CSV only. `rfc4180` (default), for programs: `,`, no byte order mark, ids only, amounts in ' +
      'cents (`…Cents`), values as the JSON API writes them. `excel-fr`, for spreadsheets in ' +
      'French: `;`, a UTF-8 byte order mark, names beside ids, amounts in currency units with a ' +
      'decimal comma (`1234,50`), instants as `2026-03-02 17:40:12` (UTC), booleans VRAI/FAUX',
  })
  @IsOptional()
  @IsIn(CSV_DIALECTS)
  dialect?: CsvDialect;
}

const PAGE = ['limit', 'cursor'] as const;

export class CommitmentsExportQuery extends IntersectionType(
  CommitmentFiltersDto,
  ExportOptionsDto,
) {}
export class ContributionsExportQuery extends IntersectionType(
  ContributionFiltersDto,
  ExportOptionsDto,
) {}
export class AgreementsExportQuery extends IntersectionType(
  OmitType(AgreementsQuery, PAGE),
  ExportOptionsDto,
) {}
export class ConflictsExportQuery extends IntersectionType(
  OmitType(ConflictCasesQuery, PAGE),
  ExportOptionsDto,
) {}
export class IndicatorsExportQuery extends IntersectionType(
  OmitType(IndicatorListQueryDto, PAGE),
  ExportOptionsDto,
) {}
export class FeedbackExportQuery extends IntersectionType(
  OmitType(FeedbackListQueryDto, PAGE),
  ExportOptionsDto,
) {}
export class PartnershipsExportQuery extends IntersectionType(
  OmitType(PartnershipListQueryDto, PAGE),
  ExportOptionsDto,
) {}
export class MeetingsExportQuery extends IntersectionType(
  OmitType(MeetingListQueryDto, PAGE),
  ExportOptionsDto,
) {
  @IsLedgerId('The partnership whose meetings to export', 'tilleuls-2026')
  partnershipId!: string;
}
export class ResultsChainExportQuery extends IntersectionType(
  ResultsChainQueryDto,
  ExportOptionsDto,
) {
  @IsLedgerId('The partnership whose results chain to export', 'tilleuls-2026')
  partnershipId!: string;
}
export class AuditTrailExportQuery extends IntersectionType(
  OmitType(AuditTrailQueryDto, PAGE),
  ExportOptionsDto,
) {}
export class AccessAuditExportQuery extends IntersectionType(
  OmitType(AccessAuditQueryDto, PAGE),
  ExportOptionsDto,
) {}
