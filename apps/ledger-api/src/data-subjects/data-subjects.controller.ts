import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  type DataSubject,
  EXPORT_CONTENT_TYPES,
  type Principal,
  subjectAccessCsv,
  type SubjectAccessReport,
  SubjectAccessReportQuery,
} from '@cohesion/application';
import { Authorize } from '../authorization/authorize.decorator';
import { CurrentPrincipal } from '../authorization/current-principal.decorator';
import { ApiProblems } from '../problem/api-problems.decorator';
import { LedgerIdPipe } from '../validation/ledger-id.pipe';
import { SubjectAccessQueryDto, SubjectAccessReportDocument } from './data-subjects.dto';

const REPORT_DESCRIPTION =
  'Everything the ledger holds about the data subject (GDPR Art. 15), read from the log: the ' +
  'events they recorded, every personal field sealed for them (opened, or the erased marker), ' +
  'fields in clear in legacy events, and the read-model rows that hold their fields.';

/** The data subjects' rights: access reports (erasures have their own routes). */
@ApiTags('data-subjects')
@Controller('data-subjects')
export class DataSubjectsController {
  constructor(private readonly queries: QueryBus) {}

  @Authorize(['admin'])
  @Get('person/:personId/report')
  @ApiOperation({ summary: 'Subject access report of a person', description: REPORT_DESCRIPTION })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: SubjectAccessReportDocument })
  @ApiProblems(400, 404)
  person(
    @Param('personId', LedgerIdPipe) personId: string,
    @Query() { format }: SubjectAccessQueryDto,
    @CurrentPrincipal() viewer: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.report({ kind: 'person', personId }, format, viewer, res);
  }

  @Authorize(['admin'])
  @Get('resident/:feedbackId/report')
  @ApiOperation({
    summary: 'Subject access report of the resident who gave a feedback (its text, its contact)',
    description: REPORT_DESCRIPTION,
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: SubjectAccessReportDocument })
  @ApiProblems(400, 404)
  resident(
    @Param('feedbackId', LedgerIdPipe) feedbackId: string,
    @Query() { format }: SubjectAccessQueryDto,
    @CurrentPrincipal() viewer: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.report({ kind: 'resident', feedbackId }, format, viewer, res);
  }

  private async report(
    subject: DataSubject,
    format: SubjectAccessQueryDto['format'],
    viewer: Principal,
    res: Response,
  ): Promise<SubjectAccessReport | string> {
    const report = await this.queries.execute(new SubjectAccessReportQuery(subject, viewer));
    if (format !== 'csv') return report;
    const name = subject.kind === 'person' ? subject.personId : `resident-${subject.feedbackId}`;
    res.setHeader('content-type', EXPORT_CONTENT_TYPES.csv);
    res.setHeader('content-disposition', `attachment; filename="subject-access-${name}.csv"`);
    return subjectAccessCsv(report);
  }
}
