import {
  applyDecorators,
  BadRequestException,
  Controller,
  Get,
  Logger,
  Param,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  EXPORT_MEDIA_TYPES,
  type ExportFile,
  type ExportLayout,
  ExportQuery,
  type ExportRequest,
  type Principal,
} from '@cohesion/application';
import { asOfOf, commitmentFilterOf, todayUtc } from '../commitments/commitment-queries.dto';
import { contributionFilterOf } from '../contributions/contribution-queries.dto';
import { PROBLEM_CONTENT_TYPE, problemType } from '../problem/problem-details';
import { ApiReadModelQuery } from '../queries/api-read-model-query.decorator';
import { Authorize } from '../authorization/authorize.decorator';
import { SCOPES } from '../authorization/scopes';
import { CurrentPrincipal } from '../authorization/current-principal.decorator';
import {
  AccessAuditExportQuery,
  AgreementsExportQuery,
  AuditTrailExportQuery,
  CommitmentsExportQuery,
  ConflictsExportQuery,
  ContributionsExportQuery,
  type ExportOptionsDto,
  ExportPathDto,
  FeedbackExportQuery,
  IndicatorsExportQuery,
  MeetingsExportQuery,
  PartnershipsExportQuery,
  ResultsChainExportQuery,
} from './exports.dto';

/**
 * Documents a streamed file in each of its formats, and the problems its list route answers: a
 * refusal comes before the first byte, as a problem; a failure after it aborts the transfer.
 */
function ApiExport(summary: string, ...problems: number[]) {
  const file = { schema: { type: 'string', format: 'binary' } };
  return applyDecorators(
    ApiOperation({
      summary,
      description:
        'The extension chooses the format: `.csv` (`dialect=rfc4180` for programs, ' +
        '`dialect=excel-fr` for spreadsheets in French), `.jsonl`, `.xlsx`. Every row the list ' +
        'shows this reader, with the same filters, without paging.',
    }),
    ApiProduces(...Object.values(EXPORT_MEDIA_TYPES)),
    ApiOkResponse({
      description:
        'Streamed (chunked) as it is read, with Content-Disposition: attachment; a failure after ' +
        'the first bytes aborts the transfer rather than ending a truncated file',
      content: Object.fromEntries(Object.values(EXPORT_MEDIA_TYPES).map((type) => [type, file])),
    }),
    ApiReadModelQuery(400, ...problems),
  );
}

const READERS = ['admin', 'auditor', 'partner'] as const;
const AUDITORS = ['admin', 'auditor'] as const;

/** Every read model as a file for spreadsheets and other tools, streamed. */
@ApiTags('exports')
@Controller('exports')
export class ExportsController {
  private readonly logger = new Logger(ExportsController.name);

  constructor(private readonly queries: QueryBus) {}

  @Authorize(READERS, SCOPES.listsPartnerships)
  @Get('commitments.:format')
  @ApiExport(
    'Every commitment matching the filters of GET /commitments, with overdue judged as of `asOf`',
  )
  commitments(
    @Param() { format }: ExportPathDto,
    @Query() query: CommitmentsExportQuery,
    @CurrentPrincipal() viewer: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    const asOf = asOfOf(query);
    const request: ExportRequest = {
      dataset: 'commitments',
      filter: commitmentFilterOf(query),
      asOf,
    };
    return this.exported(request, layoutOf(format, query), viewer, res, asOf);
  }

  @Authorize(READERS, SCOPES.listsPartnerships)
  @Get('contributions.:format')
  @ApiExport(
    'Every contribution matching the filters of GET /contributions, valued under `policyId`',
    404,
  )
  contributions(
    @Param() { format }: ExportPathDto,
    @Query() query: ContributionsExportQuery,
    @CurrentPrincipal() viewer: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    const request: ExportRequest = {
      dataset: 'contributions',
      filter: contributionFilterOf(query),
      policyId: query.policyId,
    };
    return this.exported(request, layoutOf(format, query), viewer, res);
  }

  @Authorize(READERS, SCOPES.listsPartnerships)
  @Get('agreements.:format')
  @ApiExport('The agreements register, as GET /agreements lists it')
  agreements(
    @Param() { format }: ExportPathDto,
    @Query() query: AgreementsExportQuery,
    @CurrentPrincipal() viewer: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { partnershipId, status, party } = query;
    const request: ExportRequest = {
      dataset: 'agreements',
      filter: { partnershipId, status, party },
    };
    return this.exported(request, layoutOf(format, query), viewer, res);
  }

  @Authorize(['admin', 'auditor', 'partner', 'mediator'], SCOPES.listsConflicts)
  @Get('conflicts.:format')
  @ApiExport('Conflict cases, as GET /conflicts lists them to the same reader')
  conflicts(
    @Param() { format }: ExportPathDto,
    @Query() query: ConflictsExportQuery,
    @CurrentPrincipal() viewer: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { partnershipId, status, party, mediator } = query;
    const request: ExportRequest = {
      dataset: 'conflicts',
      filter: { partnershipId, status, party, mediator },
    };
    return this.exported(request, layoutOf(format, query), viewer, res);
  }

  @Authorize(READERS, SCOPES.listsPartnerships)
  @Get('indicators.:format')
  @ApiExport('Indicators with their latest measurement and progress, as GET /indicators lists them')
  indicators(
    @Param() { format }: ExportPathDto,
    @Query() query: IndicatorsExportQuery,
    @CurrentPrincipal() viewer: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { partnershipId, status } = query;
    const request: ExportRequest = { dataset: 'indicators', filter: { partnershipId, status } };
    return this.exported(request, layoutOf(format, query), viewer, res);
  }

  @Authorize(READERS, SCOPES.listsPartnerships)
  @Get('measurements.:format')
  @ApiExport(
    'Every measurement (as corrected) of the indicators GET /indicators lists, one record each, ' +
      'with its indicator, period, value, progress and breakdown',
  )
  measurements(
    @Param() { format }: ExportPathDto,
    @Query() query: IndicatorsExportQuery,
    @CurrentPrincipal() viewer: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { partnershipId, status } = query;
    const request: ExportRequest = { dataset: 'measurements', filter: { partnershipId, status } };
    return this.exported(request, layoutOf(format, query), viewer, res);
  }

  @Authorize(READERS, SCOPES.listsPartnerships)
  @Get('feedback.:format')
  @ApiExport('Feedback, as GET /feedback lists it: never the contact details of who gave it')
  feedback(
    @Param() { format }: ExportPathDto,
    @Query() query: FeedbackExportQuery,
    @CurrentPrincipal() viewer: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { partnershipId, status, channel, submitterCategory, subjectKind } = query;
    const request: ExportRequest = {
      dataset: 'feedback',
      filter: { partnershipId, status, channel, submitterCategory, subjectKind },
    };
    return this.exported(request, layoutOf(format, query), viewer, res);
  }

  @Authorize(READERS, SCOPES.listsPartnerships)
  @Get('partnerships.:format')
  @ApiExport('Partnerships with their counts, as GET /partnerships lists them')
  partnerships(
    @Param() { format }: ExportPathDto,
    @Query() query: PartnershipsExportQuery,
    @CurrentPrincipal() viewer: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { status, territory } = query;
    const request: ExportRequest = { dataset: 'partnerships', filter: { status, territory } };
    return this.exported(request, layoutOf(format, query), viewer, res);
  }

  @Authorize(READERS, SCOPES.readsPartnership)
  @Get('meetings.:format')
  @ApiExport("A partnership's meetings, as GET /partnerships/:id/meetings lists them", 404)
  meetings(
    @Param() { format }: ExportPathDto,
    @Query() query: MeetingsExportQuery,
    @CurrentPrincipal() viewer: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { partnershipId, from, to } = query;
    const request: ExportRequest = { dataset: 'meetings', partnershipId, filter: { from, to } };
    return this.exported(request, layoutOf(format, query), viewer, res);
  }

  @Authorize(READERS, SCOPES.readsPartnership)
  @Get('results-chain.:format')
  @ApiExport(
    "A partnership's results chain, as GET /partnerships/:id/results-chain answers it: one " +
      'record per commitment (with what was delivered and contributed, valued under `policyId`) ' +
      'and per indicator of each objective',
    404,
  )
  resultsChain(
    @Param() { format }: ExportPathDto,
    @Query() query: ResultsChainExportQuery,
    @CurrentPrincipal() viewer: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { partnershipId, policyId } = query;
    const request: ExportRequest = {
      dataset: 'results-chain',
      partnershipId,
      policyId,
      today: todayUtc(),
    };
    return this.exported(request, layoutOf(format, query), viewer, res);
  }

  @Authorize(AUDITORS)
  @Get('audit-trail.:format')
  @ApiExport('The actor audit trail, as GET /audit-trail lists it')
  auditTrail(
    @Param() { format }: ExportPathDto,
    @Query() query: AuditTrailExportQuery,
    @CurrentPrincipal() viewer: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { actor, partnerId, type, from, to } = query;
    const request: ExportRequest = {
      dataset: 'audit-trail',
      filter: { actor, partnerId, type, from, to },
    };
    return this.exported(request, layoutOf(format, query), viewer, res);
  }

  @Authorize(AUDITORS)
  @Get('access-audit.:format')
  @ApiExport('The access audit, as GET /access-audit lists it')
  accessAudit(
    @Param() { format }: ExportPathDto,
    @Query() query: AccessAuditExportQuery,
    @CurrentPrincipal() viewer: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { sub, outcome, from, to } = query;
    const request: ExportRequest = { dataset: 'access-audit', filter: { sub, outcome, from, to } };
    return this.exported(request, layoutOf(format, query), viewer, res);
  }

  private async exported(
    request: ExportRequest,
    layout: ExportLayout,
    viewer: Principal,
    res: Response,
    day = todayUtc(),
  ): Promise<StreamableFile> {
    const file = await this.queries.execute(new ExportQuery(request, layout, viewer, day));
    return this.streamed(file, res);
  }

  private streamed({ filename, contentType, stream }: ExportFile, res: Response): StreamableFile {
    // A client that leaves stops the reading: the generator is closed, no page is read in vain.
    res.once('close', () => stream.destroy());
    return new StreamableFile(stream, {
      type: contentType,
      disposition: `attachment; filename="${filename}"`,
    })
      .setErrorLogger((error) => this.logger.error(error))
      .setErrorHandler((error) => {
        this.logger.error(error);
        // Once bytes went out, only an aborted transfer tells the client the file is incomplete.
        if (res.headersSent) {
          res.destroy();
          return;
        }
        res.removeHeader('content-disposition');
        res
          .status(500)
          .type(PROBLEM_CONTENT_TYPE)
          .end(
            JSON.stringify({
              type: problemType('internal-error'),
              title: 'Internal error',
              status: 500,
              detail: 'The export could not be read.',
            }),
          );
      });
  }
}

/** The layout asked for: `dialect` says who reads a CSV, and means nothing for the others. */
function layoutOf(format: ExportPathDto['format'], { dialect }: ExportOptionsDto): ExportLayout {
  if (format === 'csv') return { extension: 'csv', dialect: dialect ?? 'rfc4180' };
  if (dialect !== undefined) {
    throw new BadRequestException(`dialect applies to CSV only, not to .${format}`);
  }
  return { extension: format };
}
