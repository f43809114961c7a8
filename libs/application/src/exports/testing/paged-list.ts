import type { Page, PageRequest } from '../../read-models/paging';
import type { Names } from '../export-columns';
import { listedPages } from '../export-stream';

export interface NumberedRow {
  readonly n: number;
  readonly label: string;
}

/**
 * Rows 0 … size−1 as a list query answering pages after an opaque cursor, recording each page
 * asked for: what an export reads, without a ledger.
 */
export function pagedList(size: number, pageSize = 10) {
  const rows: NumberedRow[] = Array.from({ length: size }, (_, n) => ({ n, label: `row ${n}` }));
  const asked: PageRequest[] = [];
  const list = (page: PageRequest): Promise<Page<NumberedRow>> => {
    asked.push(page);
    const start = page.cursor === undefined ? 0 : Number(page.cursor) + 1;
    const items = rows.slice(start, start + page.limit);
    const more = start + page.limit < rows.length;
    return Promise.resolve({ items, next: more ? String(items[items.length - 1].n) : null });
  };
  return { asked, pages: () => listedPages(list, pageSize) };
}

/** Names for rows that have none to look up. */
export const NO_NAMES: Names = {
  partnership: () => null,
  partner: () => null,
  anyPartner: () => null,
  objective: () => null,
  personal: (value) => (typeof value === 'string' ? value : '[sealed]'),
};
