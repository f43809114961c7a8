import { Readable } from 'node:stream';

/** Rows read per page: what an export holds in memory at a time. */
export const EXPORT_PAGE_SIZE = 500;

/**
 * Every row, a page at a time, each page read by keyset after the last row of the previous one:
 * no query stays open between pages, so the projection runner and other requests keep the
 * connection while the client reads, and memory stays one page whatever the size of the export.
 */
export function* keysetPages<T, K>(
  fetchPage: (after: K | undefined, limit: number) => readonly T[],
  keyOf: (row: T) => K,
  pageSize = EXPORT_PAGE_SIZE,
): Generator<readonly T[]> {
  let after: K | undefined;
  for (;;) {
    const rows = fetchPage(after, pageSize);
    if (rows.length > 0) yield rows;
    if (rows.length < pageSize) return;
    after = keyOf(rows[rows.length - 1]);
  }
}

export interface ExportFormat<T> {
  readonly extension: 'csv' | 'jsonl';
  readonly contentType: string;
  /** Written once before the rows (the CSV header record). */
  readonly preamble: string;
  line(row: T): string;
}

/** The export as a byte stream that reads a page only when the client has taken the last. */
export function exportStream<T>(pages: Iterable<readonly T[]>, format: ExportFormat<T>): Readable {
  function* chunks(): Generator<string> {
    if (format.preamble !== '') yield format.preamble;
    for (const page of pages) yield page.map((row) => format.line(row)).join('');
  }
  return Readable.from(chunks(), { objectMode: false });
}
