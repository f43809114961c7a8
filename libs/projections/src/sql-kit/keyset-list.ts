import type Database from 'better-sqlite3';
import { cachedStatement, type Condition, when, whereOf } from './cached-statement';

/**
 * The window of a page every list of the read models takes: the rows after the sort key `after`
 * (that of the last row of the previous page), of which `limit + 1` are read, the extra one only
 * telling that a next page exists. One convention for every list, so no caller adds the 1.
 */
export interface PageWindow<Key = number> {
  readonly after?: Key;
  readonly limit: number;
}

export interface KeysetListQuery {
  readonly select: string;
  /** Tables and joins; with a filter on a joined table, drive from the table that indexes it. */
  readonly from: string;
  /** The integer sort key, unique per row (e.g. the log position that created it). */
  readonly key: string;
  /** The conditions of the filters given (see `when`); those `undefined` are left out. */
  readonly filters: readonly (Condition | undefined)[];
  /** The key of the last row of the previous page. */
  readonly after: number | undefined;
  /** Rows per page: `limit + 1` are read, the extra one telling that a next page exists. */
  readonly limit: number;
}

/**
 * Keyset paging over an index: reads, in key order, the rows after `after` that pass every given
 * filter. One statement is prepared per combination of filters, so that each uses its index.
 */
export function keysetList<Row>(db: Database.Database, query: KeysetListQuery): Row[] {
  const { where, parameters } = whereOf([
    ...query.filters,
    when(query.after, (after) => [`${query.key} > ?`, after]),
  ]);
  const sql = `SELECT ${query.select} FROM ${query.from} ${where} ORDER BY ${query.key} LIMIT ?`;
  return cachedStatement(db, sql).all(...parameters, query.limit + 1) as Row[];
}
