import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { type Column, columnsOf } from './export-columns';
import { firstPageRead } from './export-stream';
import { NO_NAMES, type NumberedRow, pagedList } from './testing/paged-list';
import { currencyFormat, xlsxStream } from './xlsx-stream';

interface Sale {
  readonly id: string;
  readonly quantity: number;
  readonly cents: number | null;
  readonly currency: string;
  readonly day: string;
  readonly at: string;
  readonly done: boolean;
  readonly note: string;
}

const s = columnsOf<Sale>();
const SALE_COLUMNS: readonly Column<Sale>[] = [
  s.text('id', (row) => row.id),
  s.name('idName', (row) => `Sale ${row.id}`),
  s.decimal('quantity', (row) => row.quantity),
  s.money('value', ({ cents, currency }) => (cents === null ? null : { cents, currency })),
  s.date('day', (row) => row.day),
  s.instant('at', (row) => row.at),
  s.boolean('done', (row) => row.done),
  s.text('note', (row) => row.note),
];

const SALES: Sale[] = [
  {
    id: 'a',
    quantity: 12.5,
    cents: 123450,
    currency: 'EUR',
    day: '2026-03-07',
    at: '2026-03-02T17:40:12.345Z',
    done: true,
    note: '=SUM(A1) stays text',
  },
  {
    id: 'b',
    quantity: 3,
    cents: null,
    currency: 'EUR',
    day: '2026-12-31',
    at: '2026-12-31T23:59:59.999Z',
    done: false,
    note: 'control \u0001 character',
  },
  {
    id: 'c',
    quantity: 0,
    cents: 500,
    currency: 'CHF',
    day: '2026-01-01',
    at: '2026-01-01T00:00:00.000Z',
    done: false,
    note: 'x'.repeat(40_000),
  },
];

async function bytes(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function sheetOf(stream: Readable): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  // A copy as an ArrayBuffer: exceljs types its input as one.
  await workbook.xlsx.load(new Uint8Array(await bytes(stream)).buffer);
  return workbook.worksheets[0];
}

const salePages = () => [SALES.slice(0, 2), SALES.slice(2)];

describe('XLSX exports', () => {
  it('writes typed cells under a bold header row kept in view', async () => {
    const sheet = await sheetOf(await xlsxStream(salePages(), 'sales', SALE_COLUMNS, NO_NAMES));
    expect(sheet.name).toBe('sales');
    expect(sheet.views).toEqual([expect.objectContaining({ state: 'frozen', ySplit: 1 })]);
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'id',
      'idName',
      'quantity',
      'value',
      'day',
      'at',
      'done',
      'note',
    ]);
    expect(sheet.getRow(1).getCell(1).font).toMatchObject({ bold: true });
    expect(sheet.rowCount).toBe(4);

    const first = sheet.getRow(2);
    expect(first.getCell(1).value).toBe('a');
    expect(first.getCell(2).value).toBe('Sale a');
    expect(first.getCell(3).value).toBe(12.5);
    expect(first.getCell(4).value).toBe(1234.5);
    expect(first.getCell(4).numFmt).toBe(currencyFormat('EUR'));
    expect(first.getCell(5).value).toEqual(new Date('2026-03-07T00:00:00Z'));
    expect(first.getCell(5).numFmt).toBe('mm-dd-yy');
    expect(first.getCell(6).value).toEqual(new Date('2026-03-02T17:40:12.345Z'));
    expect(first.getCell(6).numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    expect(first.getCell(7).value).toBe(true);
    // Text is text in a workbook: nothing to defuse, nothing is run.
    expect(first.getCell(8).value).toBe('=SUM(A1) stays text');
    expect(first.getCell(8).type).toBe(ExcelJS.ValueType.String);
  });

  it('leaves empty cells empty, keeps out what XML cannot hold, and what Excel cannot', async () => {
    const sheet = await sheetOf(await xlsxStream(salePages(), 'sales', SALE_COLUMNS, NO_NAMES));
    expect(sheet.getRow(3).getCell(4).value).toBeNull();
    expect(sheet.getRow(3).getCell(7).value).toBe(false);
    expect(sheet.getRow(3).getCell(8).value).toBe('control  character');
    expect(sheet.getRow(4).getCell(4).numFmt).toBe('#,##0.00 "CHF"');
    expect(sheet.getRow(4).getCell(8).value).toHaveLength(32_767);
  });

  it('sizes columns by their kind and header', async () => {
    const sheet = await sheetOf(await xlsxStream(salePages(), 'sales', SALE_COLUMNS, NO_NAMES));
    const widths = sheet.columns.map((column) => column.width);
    expect(widths).toEqual([30, 30, 12, 14, 12, 20, 10, 30]);
  });

  it('writes a workbook with only its header when nothing matches', async () => {
    const { pages } = pagedList(0);
    const n = columnsOf<NumberedRow>();
    const sheet = await sheetOf(
      await xlsxStream(
        await firstPageRead(pages()),
        'empty',
        [n.integer('n', (r) => r.n)],
        NO_NAMES,
      ),
    );
    expect(sheet.rowCount).toBe(1);
  });

  it('reads no further while the client takes nothing: memory stays a few pages', async () => {
    const size = 40_000;
    const { asked, pages } = pagedList(size, 500);
    const n = columnsOf<NumberedRow>();
    const columns = [n.integer('n', (r) => r.n), n.text('noise', (r) => noise(r.n))];
    const stream = await xlsxStream(pages(), 'big', columns, NO_NAMES);
    // Nothing reads the stream: once its buffer is full, the writer must wait.
    await until(() => stream.readableLength >= stream.readableHighWaterMark);
    const askedWhenFull = asked.length;
    for (let turn = 0; turn < 200; turn += 1) await new Promise((r) => setImmediate(r));
    expect(asked.length).toBeLessThanOrEqual(askedWhenFull + 1);
    expect(asked.length).toBeLessThan(size / 500 / 2);
    // Once read, it all comes, whole.
    const sheet = await sheetOf(stream);
    expect(sheet.rowCount).toBe(size + 1);
    expect(sheet.getRow(size + 1).getCell(1).value).toBe(size - 1);
  });

  it('stops reading once destroyed (the client went away)', async () => {
    const { asked, pages } = pagedList(20_000, 500);
    const n = columnsOf<NumberedRow>();
    const stream = await xlsxStream(pages(), 'big', [n.integer('n', (r) => r.n)], NO_NAMES);
    await until(() => asked.length > 0);
    stream.destroy();
    for (let turn = 0; turn < 20; turn += 1) await new Promise((r) => setImmediate(r));
    const readSoFar = asked.length;
    for (let turn = 0; turn < 200; turn += 1) await new Promise((r) => setImmediate(r));
    expect(asked.length).toBe(readSoFar);
    expect(readSoFar).toBeLessThan(40);
  });

  it('fails the stream when a page cannot be read, rather than ending a truncated file', async () => {
    function* failing() {
      yield SALES.slice(0, 1);
      throw new Error('the read model went away');
    }
    await expect(
      bytes(await xlsxStream(failing(), 'sales', SALE_COLUMNS, NO_NAMES)),
    ).rejects.toThrow('the read model went away');
  });

  it('reads through the list pages it is given', async () => {
    const { asked, pages } = pagedList(25);
    const n = columnsOf<NumberedRow>();
    const sheet = await sheetOf(
      await xlsxStream(pages(), 'rows', [n.integer('n', (r) => r.n)], NO_NAMES),
    );
    expect(sheet.rowCount).toBe(26);
    expect(asked).toHaveLength(3);
  });
});

/** Text that compresses poorly, as real text does, unlike repeated labels. */
function noise(n: number): string {
  return Array.from({ length: 8 }, (_, i) =>
    ((n * 2654435761 + i * 40503) % 2 ** 32).toString(36),
  ).join(' ');
}

/** Waits, a turn of the event loop at a time, until the condition holds (no clock involved). */
async function until(condition: () => boolean): Promise<void> {
  for (let turn = 0; !condition(); turn += 1) {
    if (turn > 100_000) throw new Error('the condition never held');
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}
