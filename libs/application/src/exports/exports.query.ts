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
import { scopedPartnerships } from '../access/read-scope';
import type { Principal } from '../access/principal';
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
    readonly viewer: Principal,
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
    readonly viewer: Principal,
  ) {
    super();
  }
}

@QueryHandler(ExportCommitmentsQuery)
export class ExportCommitmentsHandler implements IQueryHandler<ExportCommitmentsQuery, ExportFile> {
  constructor(@Inject(READ_MODEL_DATABASE) private readonly db: Database.Database) {}

  execute({ extension, filter, asOf, viewer }: ExportCommitmentsQuery): Promise<ExportFile> {
    // Checked (403 for another partnership) before the first byte, while a problem can be sent.
    const scoped = { ...filter, ...scopedPartnerships(this.db, viewer, filter.partnershipId) };
    const format = formatOf(extension, COMMITMENT_COLUMNS);
    const pages = keysetPages(
      (after: number | undefined, limit) =>
        listCommitments(this.db, scoped, { after, limit }, asOf),
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

  execute({
    extension,
    filter,
    policyId,
    today,
    viewer,
  }: ExportContributionsQuery): Promise<ExportFile> {
    // Checked (403 for another partnership) before the first byte, while a problem can be sent.
    const scoped = { ...filter, ...scopedPartnerships(this.db, viewer, filter.partnershipId) };
    // Read before the first byte: an unknown policy is still a 404, and one policy values it all.
    const valuer = valuerFor(valuationPolicyFor(this.db, policyId));
    const format = formatOf(extension, CONTRIBUTION_COLUMNS);
    const pages = keysetPages(
      (after: { date: string; position: number } | undefined, limit) =>
        listContributions(this.db, scoped, { after, limit }, valuer),
      ({ date, position }) => ({ date, position }),
    );
    return Promise.resolve({
      filename: `contributions-${today}.${extension}`,
      contentType: format.contentType,
      stream: exportStream(pages, format),
    });
  }
}
