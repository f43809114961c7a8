import Database from 'better-sqlite3';

const MIB = 2 ** 20;

export interface TableSize {
  /** A table with its indexes. */
  readonly table: string;
  readonly mib: number;
}

/** The size of a SQLite database as its pages count it (WAL frames included), in MiB. */
export function databaseMib(file: string): number {
  return readOnly(file, (db) => {
    const pages = db.pragma('page_count', { simple: true }) as number;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    return (pages * pageSize) / MIB;
  });
}

/**
 * The `count` largest tables of a database, each with its indexes, from SQLite's dbstat table
 * (it reads every page: seconds on a gigabyte); none when this SQLite is built without it.
 */
export function largestTables(file: string, count: number): TableSize[] {
  return readOnly(file, (db) => {
    try {
      return db
        .prepare(
          `SELECT schema.tbl_name AS "table", SUM(stat.pgsize) / ${MIB}.0 AS mib
             FROM dbstat AS stat JOIN sqlite_schema AS schema ON schema.name = stat.name
            GROUP BY schema.tbl_name ORDER BY mib DESC LIMIT ?`,
        )
        .all(count) as TableSize[];
    } catch (error) {
      if (error instanceof Error && /no such table: dbstat/.test(error.message)) return [];
      throw error;
    }
  });
}

function readOnly<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}
