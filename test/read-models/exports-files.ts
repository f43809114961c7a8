import ExcelJS from 'exceljs';
import type request from 'supertest';
import { parseCsv } from '../support/csv-parse';

/** Reads the body as bytes whatever its media type, as a client saving the file would. */
export function asBytes(
  response: request.Response,
  done: (error: Error | null, body: Buffer) => void,
): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks)));
}

export const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export interface Table<Cell> {
  readonly header: readonly string[];
  /** Each record keyed by its header. */
  readonly rows: readonly Record<string, Cell>[];
}

function tableOf<Cell>([header, ...records]: readonly (readonly Cell[])[]): Table<Cell> {
  const names = header.map(String);
  return {
    header: names,
    rows: records.map((record) => {
      if (record.length !== names.length)
        throw new Error(`Record of ${record.length} fields for ${names.length} headers`);
      return Object.fromEntries(names.map((name, index) => [name, record[index]]));
    }),
  };
}

/** The CSV for French spreadsheets: it must start with the UTF-8 byte order mark. */
export function spreadsheetCsv(bytes: Buffer): Table<string> {
  if (!bytes.subarray(0, 3).equals(UTF8_BOM)) throw new Error('No UTF-8 byte order mark');
  return tableOf(parseCsv(bytes.subarray(3).toString('utf8'), ';'));
}

export type XlsxCell = ExcelJS.CellValue;

export interface Workbook extends Table<XlsxCell> {
  readonly sheet: ExcelJS.Worksheet;
}

/** The first sheet of a workbook, parsed back with exceljs: its header row, then its rows. */
export async function workbookOf(bytes: Buffer): Promise<Workbook> {
  const workbook = new ExcelJS.Workbook();
  // A copy as an ArrayBuffer: exceljs types its input as one.
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  const sheet = workbook.worksheets[0];
  const width = sheet.getRow(1).cellCount;
  const records: XlsxCell[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    records.push(Array.from({ length: width }, (_, index) => row.getCell(index + 1).value));
  });
  return { sheet, ...tableOf(records) };
}

/**
 * What French Excel shows of a typed workbook cell, as the spreadsheet CSV writes it: the two
 * files must say the same, cell by cell.
 */
export function asFrenchCsvWould(cell: XlsxCell, numFmt: string | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'boolean') return cell ? 'VRAI' : 'FAUX';
  if (typeof cell === 'number') {
    const shown = numFmt?.includes('0.00') ? cell.toFixed(2) : String(cell);
    return shown.replace('.', ',');
  }
  if (cell instanceof Date) {
    const iso = cell.toISOString();
    return numFmt === 'mm-dd-yy' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
  }
  if (typeof cell === 'string') return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  throw new Error(`Unexpected cell ${JSON.stringify(cell)}`);
}
