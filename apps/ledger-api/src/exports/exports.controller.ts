import {
  applyDecorators,
  Controller,
  Get,
  Logger,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  asOfOf,
  commitmentFilterOf,
  CommitmentFiltersDto,
  todayUtc,
} from '../commitments/commitment-queries.dto';
import {
  contributionFilterOf,
  ContributionFiltersDto,
} from '../contributions/contribution-queries.dto';
import { PROBLEM_CONTENT_TYPE, problemType } from '../problem/problem-details';
import { ApiReadModelQuery } from '../queries/api-read-model-query.decorator';
import {
  ExportCommitmentsQuery,
  ExportContributionsQuery,
  type ExportExtension,
  type ExportFile,
  type Principal,
} from '@cohesion/application';
import { Authorize } from '../authorization/authorize.decorator';
import { SCOPES } from '../authorization/scopes';
import { CurrentPrincipal } from '../authorization/current-principal.decorator';

const CSV = 'text/csv';
const JSON_LINES = 'application/jsonl';

/** Documents a streamed file: its media type and that it is a file, not JSON. */
function ApiExport(summary: string, mediaType: string) {
  return applyDecorators(
    ApiOperation({ summary }),
    ApiProduces(mediaType),
    ApiOkResponse({
      description:
        'Streamed (chunked) as it is read, with Content-Disposition: attachment; a failure after ' +
        'the first bytes aborts the transfer rather than ending a truncated file',
      content: { [mediaType]: { schema: { type: 'string', format: 'binary' } } },
    }),
    ApiReadModelQuery(400, 404),
  );
}

const COMMITMENTS_SUMMARY =
  'Every commitment matching the filters of GET /commitments, with overdue judged as of `asOf`';
const CONTRIBUTIONS_SUMMARY =
  'Every contribution matching the filters of GET /contributions, valued under `policyId`';

/** Exports of the accountability and contribution recognition read models, streamed. */
@ApiTags('exports')
@Controller('exports')
export class ExportsController {
  private readonly logger = new Logger(ExportsController.name);

  constructor(private readonly queries: QueryBus) {}

  @Authorize(['admin', 'auditor', 'partner'], SCOPES.listsPartnerships)
  @Get('commitments.csv')
  @ApiExport(`${COMMITMENTS_SUMMARY} (CSV, RFC 4180)`, CSV)
  commitmentsCsv(
    @Query() query: CommitmentFiltersDto,
    @CurrentPrincipal() viewer: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.commitments('csv', query, viewer, res);
  }

  @Authorize(['admin', 'auditor', 'partner'], SCOPES.listsPartnerships)
  @Get('commitments.jsonl')
  @ApiExport(`${COMMITMENTS_SUMMARY} (JSON Lines)`, JSON_LINES)
  commitmentsJsonLines(
    @Query() query: CommitmentFiltersDto,
    @CurrentPrincipal() viewer: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.commitments('jsonl', query, viewer, res);
  }

  @Authorize(['admin', 'auditor', 'partner'], SCOPES.listsPartnerships)
  @Get('contributions.csv')
  @ApiExport(`${CONTRIBUTIONS_SUMMARY} (CSV, RFC 4180)`, CSV)
  contributionsCsv(
    @Query() query: ContributionFiltersDto,
    @CurrentPrincipal() viewer: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.contributions('csv', query, viewer, res);
  }

  @Authorize(['admin', 'auditor', 'partner'], SCOPES.listsPartnerships)
  @Get('contributions.jsonl')
  @ApiExport(`${CONTRIBUTIONS_SUMMARY} (JSON Lines)`, JSON_LINES)
  contributionsJsonLines(
    @Query() query: ContributionFiltersDto,
    @CurrentPrincipal() viewer: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.contributions('jsonl', query, viewer, res);
  }

  private async commitments(
    extension: ExportExtension,
    query: CommitmentFiltersDto,
    viewer: Principal,
    res: Response,
  ): Promise<StreamableFile> {
    const file = await this.queries.execute(
      new ExportCommitmentsQuery(extension, commitmentFilterOf(query), asOfOf(query), viewer),
    );
    return this.streamed(file, res);
  }

  private async contributions(
    extension: ExportExtension,
    query: ContributionFiltersDto,
    viewer: Principal,
    res: Response,
  ): Promise<StreamableFile> {
    const file = await this.queries.execute(
      new ExportContributionsQuery(
        extension,
        contributionFilterOf(query),
        query.policyId,
        todayUtc(),
        viewer,
      ),
    );
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
