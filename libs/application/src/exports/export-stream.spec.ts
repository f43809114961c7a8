import { once } from 'node:events';
import { columnsOf } from './export-columns';
import { csvFormat, jsonLinesFormat } from './export-formats';
import { firstPageRead, listedPages, textStream } from './export-stream';
import { NO_NAMES, type NumberedRow, pagedList } from './testing/paged-list';

const c = columnsOf<NumberedRow>();
const COLUMNS = [
  c.integer('n', (row) => row.n),
  c.text('label', (row) => row.label),
  c.name('labelName', (row) => `name of ${row.label}`),
];

async function text(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

describe('streamed exports', () => {
  it('asks the list for every page after the cursor of the last, until it has no next', async () => {
    const { asked, pages } = pagedList(25);
    const sizes: number[] = [];
    for await (const page of pages()) sizes.push(page.length);
    expect(sizes).toEqual([10, 10, 5]);
    expect(asked).toEqual([
      { limit: 10, cursor: undefined },
      { limit: 10, cursor: '9' },
      { limit: 10, cursor: '19' },
    ]);
  });

  it('reads the first page at once (a refusal is still a problem), the others when asked', async () => {
    const { asked, pages } = pagedList(25);
    const read = await firstPageRead(pages());
    expect(asked).toHaveLength(1);
    const sizes: number[] = [];
    for await (const page of read) sizes.push(page.length);
    expect(sizes).toEqual([10, 10, 5]);
    expect(asked).toHaveLength(3);
  });

  it('fails before the first byte when the first page is refused', async () => {
    const refused = listedPages<NumberedRow>(() => Promise.reject(new Error('403')));
    await expect(firstPageRead(refused)).rejects.toThrow('403');
  });

  it('ends at once on an empty list', async () => {
    const { pages } = pagedList(0);
    const csv = await text(
      textStream(await firstPageRead(pages()), csvFormat(COLUMNS, 'rfc4180', NO_NAMES)),
    );
    expect(csv).toBe('n,label\r\n');
  });

  it('writes the CSV for programs: ids only, no byte order mark', async () => {
    const { pages } = pagedList(12);
    const csv = await text(textStream(pages(), csvFormat(COLUMNS, 'rfc4180', NO_NAMES)));
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('n,label');
    expect(lines.slice(1, -1)).toHaveLength(12);
    expect(lines[12]).toBe('11,row 11');
    expect(lines.at(-1)).toBe('');
  });

  it('writes the CSV for French spreadsheets: byte order mark, semicolons, names', async () => {
    const { pages } = pagedList(2);
    const csv = await text(textStream(pages(), csvFormat(COLUMNS, 'excel-fr', NO_NAMES)));
    expect(csv).toBe(
      '\uFEFFn;label;labelName\r\n0;row 0;name of row 0\r\n1;row 1;name of row 1\r\n',
    );
  });

  it('writes one JSON document per line', async () => {
    const { pages } = pagedList(3);
    const lines = (await text(textStream(pages(), jsonLinesFormat()))).trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual([
      { n: 0, label: 'row 0' },
      { n: 1, label: 'row 1' },
      { n: 2, label: 'row 2' },
    ]);
  });

  it('reads a page only when the reader wants more: memory stays a page or so', async () => {
    const { asked, pages } = pagedList(10_000);
    const stream = textStream(pages(), jsonLinesFormat());
    await once(stream, 'readable');
    const first: unknown = stream.read(1);
    expect(first).not.toBeNull();
    expect(asked.length).toBeLessThan(20);
    stream.destroy();
  });

  it('stops reading once destroyed (the client went away)', async () => {
    const { asked, pages } = pagedList(10_000);
    const stream = textStream(await firstPageRead(pages()), jsonLinesFormat());
    await once(stream, 'readable');
    stream.destroy();
    await once(stream, 'close');
    const readSoFar = asked.length;
    await new Promise((resolve) => setImmediate(resolve));
    expect(asked.length).toBe(readSoFar);
    expect(readSoFar).toBeLessThan(20);
  });
});
