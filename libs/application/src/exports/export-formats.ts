import { type CsvDialect, csvField, csvRecord, csvText, UTF8_BOM } from './csv';
import { cellOf, type Column, type Names } from './export-columns';

export { CSV_DIALECTS, type CsvDialect } from './csv';

export const EXPORT_EXTENSIONS = ['csv', 'jsonl', 'xlsx'] as const;
export type ExportExtension = (typeof EXPORT_EXTENSIONS)[number];

/** The file asked for: its extension, and for CSV who reads it (a program or a spreadsheet). */
export type ExportLayout =
  | { readonly extension: 'csv'; readonly dialect: CsvDialect }
  | { readonly extension: 'jsonl' | 'xlsx' };

export const EXPORT_MEDIA_TYPES = {
  csv: 'text/csv',
  jsonl: 'application/jsonl',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const satisfies Record<ExportExtension, string>;

export const EXPORT_CONTENT_TYPES: Record<ExportExtension, string> = {
  csv: `${EXPORT_MEDIA_TYPES.csv}; charset=utf-8; header=present`,
  jsonl: `${EXPORT_MEDIA_TYPES.jsonl}; charset=utf-8`,
  xlsx: EXPORT_MEDIA_TYPES.xlsx,
};

/** A format written as text, a row at a time. */
export interface TextFormat<T> {
  /** Written once before the rows (the byte order mark, the CSV header record). */
  readonly preamble: string;
  line(row: T): string;
}

/** The columns a layout shows: the machine CSV keeps to ids, spreadsheets get names beside them. */
export function columnsShown<T>(
  columns: readonly Column<T>[],
  forSpreadsheets: boolean,
): readonly Column<T>[] {
  return forSpreadsheets ? columns : columns.filter((column) => !column.spreadsheetOnly);
}

/** Amounts are in cents for programs (`valueCents`, as the JSON API has them), in units otherwise. */
export function headerOf<T>(column: Column<T>, forSpreadsheets: boolean): string {
  return column.kind === 'money' && !forSpreadsheets ? `${column.header}Cents` : column.header;
}

export function csvFormat<T>(
  columns: readonly Column<T>[],
  dialect: CsvDialect,
  names: Names,
): TextFormat<T> {
  const forSpreadsheets = dialect !== 'rfc4180';
  const shown = columnsShown(columns, forSpreadsheets);
  const header = shown.map((column) => csvText(headerOf(column, forSpreadsheets), dialect));
  return {
    preamble: `${forSpreadsheets ? UTF8_BOM : ''}${csvRecord(header, dialect)}`,
    line: (row) =>
      csvRecord(
        shown.map((column) => csvField(cellOf(column, row, names), dialect)),
        dialect,
      ),
  };
}

/** One JSON document per line: the rows exactly as the list endpoint answers them. */
export function jsonLinesFormat<T>(open: (row: T) => T = (row) => row): TextFormat<T> {
  return { preamble: '', line: (row) => `${JSON.stringify(open(row))}\n` };
}
