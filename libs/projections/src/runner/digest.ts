import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

/**
 * SHA-256 over every row of the given tables, in a canonical order (by every column), so that
 * two databases holding the same read models give the same digest however they were built.
 */
export function digestOfTables(db: Database.Database, tables: readonly string[]): string {
  const hash = createHash('sha256');
  for (const table of [...tables].sort()) {
    const columns = (
      db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]
    ).map(({ name }) => `"${name}"`);
    hash.update(`${table}(${columns.join(',')})\n`);
    const rows = db
      .prepare(`SELECT ${columns.join(', ')} FROM "${table}" ORDER BY ${columns.join(', ')}`)
      .raw()
      .all();
    for (const row of rows)
      hash.update(
        `${JSON.stringify(row, (_, value: unknown) => (typeof value === 'bigint' ? value.toString() : value))}\n`,
      );
  }
  return hash.digest('hex');
}
