import type Database from 'better-sqlite3';

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * The prepared statement of this SQL on this database, prepared once: queries stay plain
 * functions of `(db, params)`. Queries assemble their SQL from fixed fragments (one per filter
 * given, never from input), so the cache stays small, and each combination of filters keeps the
 * plan that uses its own index (a `? IS NULL OR column = ?` clause would keep SQLite from using
 * any). SQLite re-prepares a statement by itself when a rebuild recreates its tables.
 */
export function cachedStatement(db: Database.Database, sql: string): Database.Statement {
  let byText = statements.get(db);
  if (!byText) {
    byText = new Map();
    statements.set(db, byText);
  }
  let statement = byText.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    byText.set(sql, statement);
  }
  return statement;
}

/** `WHERE a AND b …`, or nothing when there is no condition. */
export function whereAll(conditions: readonly string[]): string {
  return conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
}

/** One condition of a WHERE clause and the parameters it binds, when its filter was given. */
export type Condition = readonly [sql: string, ...parameters: unknown[]];

/** `WHERE a AND b …` (or nothing) and the parameters, in order, of the conditions present. */
export function whereOf(conditions: readonly (Condition | undefined)[]): {
  readonly where: string;
  readonly parameters: unknown[];
} {
  const present = conditions.filter((condition): condition is Condition => !!condition);
  return {
    where: whereAll(present.map(([sql]) => sql)),
    parameters: present.flatMap(([, ...parameters]) => parameters),
  };
}

/** A condition only when its value was given. */
export function when<T>(
  value: T | undefined,
  condition: (value: T) => Condition,
): Condition | undefined {
  return value === undefined ? undefined : condition(value);
}
