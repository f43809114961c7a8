import type Database from 'better-sqlite3';

export interface Checkpoint {
  readonly name: string;
  readonly version: number;
  /** Position of the last event applied; 0 before the first. */
  readonly position: bigint;
}

/** The checkpoint table: each read model's version and the position it has applied up to. */
export class Checkpoints {
  private readonly select;
  private readonly upsert;
  private readonly remove;

  constructor(db: Database.Database) {
    this.select = db
      .prepare('SELECT name, version, position FROM projection_checkpoints WHERE name = ?')
      .safeIntegers(true);
    this.upsert = db.prepare(
      `INSERT INTO projection_checkpoints (name, version, position) VALUES (?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET version = excluded.version, position = excluded.position`,
    );
    this.remove = db.prepare('DELETE FROM projection_checkpoints WHERE name = ?');
  }

  get(name: string): Checkpoint | undefined {
    const row = this.select.get(name) as
      | { name: string; version: bigint; position: bigint }
      | undefined;
    return row && { name: row.name, version: Number(row.version), position: row.position };
  }

  set(name: string, version: number, position: bigint): void {
    this.upsert.run(name, version, position);
  }

  delete(name: string): void {
    this.remove.run(name);
  }
}
