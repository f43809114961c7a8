import { PassThrough, type Readable, type Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { type Cell, type CellKind, cellOf, type Column, type Names } from './export-columns';
import { columnsShown, headerOf } from './export-formats';

/** Excel refuses longer cells (the ledger's texts are far shorter; joined lists could not be). */
const EXCEL_CELL_LIMIT = 32_767;

/**
 * How each kind of cell is shown. Days use Excel's built-in short date (format 14), which every
 * spreadsheet shows in its reader's locale (07/03/2026 in French); instants keep their seconds
 * in a form no locale misreads, and are UTC, as the ledger records them.
 */
const NUMBER_FORMATS: Partial<Record<CellKind, string>> = {
  integer: '0',
  date: 'mm-dd-yy',
  instant: 'yyyy-mm-dd hh:mm:ss',
};

const WIDTHS: Record<CellKind, number> = {
  text: 30,
  integer: 10,
  decimal: 12,
  money: 14,
  date: 12,
  instant: 20,
  boolean: 10,
};

/** `1 234,50 €` in French Excel: the separators are the reader's, the currency the value's. */
export function currencyFormat(currency: string): string {
  return `#,##0.00 "${currency === 'EUR' ? '€' : currency}"`;
}

function valueOf(cell: Cell): ExcelJS.CellValue {
  switch (cell.kind) {
    case 'text':
      return cell.value.length > EXCEL_CELL_LIMIT
        ? `${cell.value.slice(0, EXCEL_CELL_LIMIT - 1)}…`
        : cell.value;
    case 'integer':
    case 'decimal':
    case 'boolean':
      return cell.value;
    case 'money':
      return cell.value.cents / 100;
    case 'date':
      return new Date(`${cell.value}T00:00:00Z`);
    case 'instant':
      return new Date(cell.value);
  }
}

/**
 * Resolves once the output takes more (or is gone): the writer never runs ahead of the client.
 * It first lets the event loop turn, for the zip to compress what was written and pass it on:
 * list pages are read without any I/O wait, and would otherwise all be written before it could.
 */
async function roomIn(output: Writable): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  if (!output.writableNeedDrain || output.destroyed) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      output.off('drain', done);
      output.off('close', done);
      resolve();
    };
    output.once('drain', done);
    output.once('close', done);
  });
}

/**
 * A workbook of one sheet, written as the pages come: typed cells (numbers, dates, amounts with
 * their currency's format, booleans), a bold header row kept in view, columns sized by their
 * kind. exceljs's streaming writer zips each row once committed; the next page is read only
 * once the client has taken what was written, so memory stays a few pages (the rows being
 * zipped, the zipped bytes waiting) whatever the size of the export.
 */
export async function xlsxStream<T>(
  pages: AsyncIterable<readonly T[]> | Iterable<readonly T[]>,
  sheetName: string,
  columns: readonly Column<T>[],
  names: Names,
): Promise<Readable> {
  const output = new PassThrough();
  const shown = columnsShown(columns, true);
  // Loaded when a workbook is first asked for: exceljs weighs ~0.7 s of start-up, which every
  // process loading the application layer (a CLI command) would otherwise pay.
  const { stream } = await import('exceljs');
  const workbook = new stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'Cohesion Ledger';
  const sheet = workbook.addWorksheet(sheetName, {
    views: [{ state: 'frozen', ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
  });
  sheet.columns = shown.map((column) => {
    const header = headerOf(column, true);
    const numFmt = NUMBER_FORMATS[column.kind];
    return {
      width: Math.max(WIDTHS[column.kind], header.length + 2),
      ...(numFmt === undefined ? {} : { style: { numFmt } }),
    };
  });
  const header = sheet.addRow(shown.map((column) => headerOf(column, true)));
  header.font = { bold: true };
  header.commit();

  async function write(): Promise<void> {
    for await (const page of pages) {
      for (const row of page) {
        const cells = shown.map((column) => cellOf(column, row, names));
        const written = sheet.addRow(cells.map((cell) => (cell === null ? null : valueOf(cell))));
        cells.forEach((cell, index) => {
          if (cell?.kind === 'money')
            written.getCell(index + 1).numFmt = currencyFormat(cell.value.currency);
        });
        written.commit();
      }
      await roomIn(output);
      if (output.destroyed) return; // the client went away: leaving the loop closes the pages
    }
    sheet.commit();
    await workbook.commit();
  }
  write().catch((error: unknown) =>
    output.destroy(error instanceof Error ? error : new Error(String(error))),
  );
  return output;
}
