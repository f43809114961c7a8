import { Readable } from 'node:stream';
import type { Page, PageRequest } from '../read-models/paging';
import type { TextFormat } from './export-formats';

/** Rows read per page: what an export holds in memory at a time (the lists' largest page). */
export const EXPORT_PAGE_SIZE = 500;

/**
 * Every page of a list, each asked of its list query after the `next` cursor of the previous one:
 * the export sees exactly what the list shows the same reader, with the same filters; no query
 * stays open between pages, so the projection runner and other requests keep the connection
 * while the client reads, and memory stays one page whatever the size of the export.
 */
export async function* listedPages<T>(
  listPage: (page: PageRequest) => Promise<Page<T>>,
  pageSize = EXPORT_PAGE_SIZE,
): AsyncGenerator<readonly T[]> {
  let cursor: string | undefined;
  do {
    const { items, next } = await listPage({ limit: pageSize, cursor });
    if (items.length > 0) yield items;
    cursor = next ?? undefined;
  } while (cursor !== undefined);
}

/**
 * The pages, the first one read now: a refusal (403, 404, an unknown policy) is still answered
 * as a problem, before the first byte of the file is sent.
 */
export async function firstPageRead<T>(pages: AsyncGenerator<T>): Promise<AsyncGenerator<T>> {
  const first = await pages.next();
  async function* replayed(): AsyncGenerator<T> {
    try {
      if (first.done === true) return;
      yield first.value;
      yield* pages;
    } finally {
      // Closed early (the client went away): no further page is read.
      await pages.return(undefined);
    }
  }
  return replayed();
}

/** The export as a byte stream that reads a page only when the client has taken the last. */
export function textStream<T>(pages: AsyncIterable<readonly T[]>, format: TextFormat<T>): Readable {
  async function* chunks(): AsyncGenerator<string> {
    if (format.preamble !== '') yield format.preamble;
    for await (const page of pages) yield page.map((row) => format.line(row)).join('');
  }
  return Readable.from(chunks(), { objectMode: false });
}
