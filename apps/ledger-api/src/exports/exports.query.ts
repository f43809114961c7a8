import type { Readable } from 'node:stream';
import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import {
  type CommitmentFilter,
  type ContributionFilter,
  listCommitments,
  listContributions,
  valuerFor,
} from '@cohesion/projections';
import { READ_MODEL_DATABASE } from '../read-models/read-models.module';
import { valuationPolicyFor } from '../contributions/recognition.query';
import { COMMITMENT_COLUMNS } from './commitments-export';
import { CONTRIBUTION_COLUMNS } from './contributions-export';
import { type ExportExtension, formatOf } from './export-formats';
import { exportStream, keysetPages } from './export-stream';

/** A file being streamed: the headers to send, and its bytes. */
export interface ExportFile {
  readonly filename: string;
  readonly contentType: string;
  readonly stream: Readable;
}

export class ExportCommitmentsQuery extends Query<ExportFile> {
  constructor(
    readonly extension: ExportExtension,
    readonly filter: CommitmentFilter,
    readonly asOf: string,
  ) {
    super();
  }
}

export class ExportContributionsQuery extends Query<ExportFile> {
  constructor(
    readonly extension: ExportExtension,
    readonly filter: ContributionFilter,
    readonly policyId: string | undefined,
    /** Names the file: the day it was exported. */
    readonly today: string,
  ) {
    super();
  }
}

@QueryHandler(ExportCommitmentsQuery)
export class ExportCommitmentsHandler implements IQueryHandler<ExportCommitmentsQuery, ExportFile> {
  constructor(@Inject(READ_MODEL_DATABASE) private readonly db: Database.Database) {}

  execute({ extension, filter, asOf }: ExportCommitmentsQuery): Promise<ExportFile> {
    const format = formatOf(extension, COMMITMENT_COLUMNS);
    const pages = keysetPages(
      (after: number | undefined, limit) =>
        listCommitments(this.db, filter, { after, limit }, asOf),
      (row) => row.position,
    );
    return Promise.resolve({
      filename: `commitments-${asOf}.${extension}`,
      contentType: format.contentType,
      stream: exportStream(pages, format),
    });
  }
}

@QueryHandler(ExportContributionsQuery)
export class ExportContributionsHandler
  implements IQueryHandler<ExportContributionsQuery, ExportFile>
{
  constructor(@Inject(READ_MODEL_DATABASE) private readonly db: Database.Database) {}

  execute({ extension, filter, policyId, today }: ExportContributionsQuery): Promise<ExportFile> {
    // Read before the first byte: an unknown policy is still a 404, and one policy values it all.
    const valuer = valuerFor(valuationPolicyFor(this.db, policyId));
    const format = formatOf(extension, CONTRIBUTION_COLUMNS);
    const pages = keysetPages(
      (after: { date: string; position: number } | undefined, limit) =>
        listContributions(this.db, filter, { after, limit }, valuer),
      ({ date, position }) => ({ date, position }),
    );
    return Promise.resolve({
      filename: `contributions-${today}.${extension}`,
      contentType: format.contentType,
      stream: exportStream(pages, format),
    });
  }
}
