import { once } from 'node:events';
import { exportStream, keysetPages } from './export-stream';
import { csvFormat, jsonLinesFormat } from './export-formats';

/** 0 … size−1 as rows, read a page at a time after a key, counting the pages read. */
function source(size: number) {
  const rows = Array.from({ length: size }, (_, n) => ({ n, label: `row ${n}` }));
  const reads: (number | undefined)[] = [];
  const fetchPage = (after: number | undefined, limit: number) => {
    reads.push(after);
    return rows.filter((row) => after === undefined || row.n > after).slice(0, limit);
  };
  return { reads, pages: keysetPages(fetchPage, (row) => row.n, 10) };
}

async function text(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

describe('streamed exports', () => {
  it('reads every page by keyset, and stops on a short page', () => {
    const { reads, pages } = source(25);
    expect([...pages].map((page) => page.length)).toEqual([10, 10, 5]);
    expect(reads).toEqual([undefined, 9, 19]);
  });

  it('reads one more (empty) page when the last page is full', () => {
    const { reads, pages } = source(20);
    expect([...pages].map((page) => page.length)).toEqual([10, 10]);
    expect(reads).toEqual([undefined, 9, 19]);
  });

  it('writes a CSV header then every row', async () => {
    const { pages } = source(12);
    const csv = await text(
      exportStream(
        pages,
        csvFormat<{ n: number; label: string }>([
          ['n', (r) => r.n],
          ['label', (r) => r.label],
        ]),
      ),
    );
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('n,label');
    expect(lines.slice(1, -1)).toHaveLength(12);
    expect(lines[12]).toBe('11,row 11');
    expect(lines.at(-1)).toBe('');
  });

  it('writes one JSON document per line', async () => {
    const { pages } = source(3);
    const lines = (await text(exportStream(pages, jsonLinesFormat()))).trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual([
      { n: 0, label: 'row 0' },
      { n: 1, label: 'row 1' },
      { n: 2, label: 'row 2' },
    ]);
  });

  it('reads a page only when the reader wants more: memory stays a page or so', async () => {
    const { reads, pages } = source(10_000);
    const stream = exportStream(pages, jsonLinesFormat());
    await once(stream, 'readable');
    const first: unknown = stream.read(1);
    expect(first).not.toBeNull();
    expect(reads.length).toBeLessThan(20);
    stream.destroy();
  });

  it('stops reading once destroyed (the client went away)', async () => {
    const { reads, pages } = source(10_000);
    const stream = exportStream(pages, jsonLinesFormat());
    await once(stream, 'readable');
    stream.destroy();
    await once(stream, 'close');
    const readSoFar = reads.length;
    await new Promise((resolve) => setImmediate(resolve));
    expect(reads.length).toBe(readSoFar);
    expect(readSoFar).toBeLessThan(20);
  });
});
