import { invalidRequest } from '../errors';

/**
 * The one paging contract of every list. A client asks for `limit` items after the opaque
 * `cursor` of the previous page; the read model is asked for the rows after the cursor's key and
 * reads `limit + 1` of them (see `keysetList`), the extra row only telling that a next page
 * exists; `pageOf` turns those rows into the page.
 */
export interface PageRequest {
  readonly limit: number;
  /** The `next` of the previous page. */
  readonly cursor?: string;
}

export interface Page<T> {
  readonly items: readonly T[];
  /** Cursor of the following page, `null` on the last one. */
  readonly next: string | null;
}

type KeyPart = 'string' | 'number';
type KeyOf<Shape extends readonly KeyPart[]> = {
  -readonly [I in keyof Shape]: Shape[I] extends 'number' ? number : string;
};

const NOT_OURS = 'cursor is not one this API gave out';

/** Cursors are the sort key of the last item seen, opaque to clients (base64url JSON). */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

function decodeCursor(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidRequest(NOT_OURS);
  }
}

/**
 * The sort key a `next` cursor carries, checked against the shape the list gave out (numbers are
 * non-negative safe integers: log positions, revisions): a cursor of another list, or one forged,
 * is refused rather than a query with a key of the wrong type.
 */
export function cursorKey<const Shape extends readonly KeyPart[]>(
  cursor: string | undefined,
  shape: Shape,
): KeyOf<Shape> | undefined {
  if (cursor === undefined) return undefined;
  const key = decodeCursor(cursor);
  const fits =
    Array.isArray(key) &&
    key.length === shape.length &&
    key.every((part: unknown, index) =>
      shape[index] === 'number'
        ? Number.isSafeInteger(part) && (part as number) >= 0
        : typeof part === 'string',
    );
  if (!fits) throw invalidRequest(NOT_OURS);
  return key as KeyOf<Shape>;
}

/** The log position a cursor of a list in log order carries. */
export function positionAfter(cursor: string | undefined): number | undefined {
  return cursorKey(cursor, ['number'])?.[0];
}

/**
 * Turns the `limit + 1` rows a read model read after the cursor, in key order, into a page: the
 * extra row only tells that a next page exists.
 */
export function pageOf<T>(
  rows: readonly T[],
  limit: number,
  keyOf: (row: T) => (string | number)[],
): Page<T> {
  const items = rows.slice(0, limit);
  return { items, next: rows.length > limit ? encodeCursor(keyOf(items[items.length - 1])) : null };
}
