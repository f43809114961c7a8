import type { Readable } from 'node:stream';
import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryBus, QueryHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import { READ_MODEL_DATABASE } from '../read-models/read-models.module';
import type { Principal } from '../access/principal';
import type { Names } from './export-columns';
import {
  csvFormat,
  EXPORT_CONTENT_TYPES,
  type ExportLayout,
  jsonLinesFormat,
} from './export-formats';
import {
  type ExportDataset,
  type ExportRequest,
  type ExportRows,
  exportRows,
} from './export-sources';
import { firstPageRead, textStream } from './export-stream';
import { PersonalDataReader } from '../personal-data/personal-data-reader';
import { ReadModelNames } from './read-model-names';
import { xlsxStream } from './xlsx-stream';

export type { ExportDataset, ExportRequest } from './export-sources';

/** A file being streamed: the headers to send, and its bytes. */
export interface ExportFile {
  readonly filename: string;
  readonly contentType: string;
  readonly stream: Readable;
}

/** A read model as a file: the rows its list route shows the viewer, in the layout asked for. */
export class ExportQuery extends Query<ExportFile> {
  constructor(
    readonly request: ExportRequest,
    readonly layout: ExportLayout,
    readonly viewer: Principal,
    /** Names the file: the day it was exported (or, for commitments, the day judged on). */
    readonly day: string,
  ) {
    super();
  }
}

@QueryHandler(ExportQuery)
export class ExportHandler implements IQueryHandler<ExportQuery, ExportFile> {
  constructor(
    private readonly queries: QueryBus,
    @Inject(READ_MODEL_DATABASE) private readonly db: Database.Database,
    private readonly personal: PersonalDataReader,
  ) {}

  execute({ request, layout, viewer, day }: ExportQuery): Promise<ExportFile> {
    const names = new ReadModelNames(this.db, this.personal);
    return exportRows(request, viewer, this.queries, async (rows) => ({
      filename: `${request.dataset}-${day}.${layout.extension}`,
      contentType: EXPORT_CONTENT_TYPES[layout.extension],
      stream: await fileStream(request.dataset, rows, layout, names),
    }));
  }
}

async function fileStream<T>(
  dataset: ExportDataset,
  { columns, pages }: ExportRows<T>,
  layout: ExportLayout,
  names: Names,
): Promise<Readable> {
  const read = await firstPageRead(pages);
  switch (layout.extension) {
    case 'csv':
      return textStream(read, csvFormat(columns, layout.dialect, names));
    case 'jsonl':
      return textStream(read, jsonLinesFormat<T>());
    case 'xlsx':
      return xlsxStream(read, dataset, columns, names);
  }
}
