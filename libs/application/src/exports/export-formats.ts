import { type CsvValue, csvRecord } from './csv';
import type { ExportFormat } from './export-stream';

export type ExportExtension = 'csv' | 'jsonl';

/** A column of a CSV export: its header and how a row fills it. */
export type CsvColumn<T> = readonly [header: string, cell: (row: T) => CsvValue];

export function csvFormat<T>(columns: readonly CsvColumn<T>[]): ExportFormat<T> {
  return {
    extension: 'csv',
    contentType: 'text/csv; charset=utf-8; header=present',
    preamble: csvRecord(columns.map(([header]) => header)),
    line: (row) => csvRecord(columns.map(([, cell]) => cell(row))),
  };
}

/** One JSON document per line: the rows exactly as the list endpoint answers them. */
export function jsonLinesFormat<T>(): ExportFormat<T> {
  return {
    extension: 'jsonl',
    contentType: 'application/jsonl; charset=utf-8',
    preamble: '',
    line: (row) => `${JSON.stringify(row)}\n`,
  };
}

export function formatOf<T>(
  extension: ExportExtension,
  columns: readonly CsvColumn<T>[],
): ExportFormat<T> {
  return extension === 'csv' ? csvFormat(columns) : jsonLinesFormat<T>();
}
