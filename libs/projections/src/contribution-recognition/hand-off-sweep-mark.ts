import type Database from 'better-sqlite3';

/**
 * How far the sweep for fulfilment hand-offs left undone has looked: the log position up to which
 * every contribution naming a commitment has its claim (or was refused one). Kept beside the read
 * models, outside any of them, so that a restart does not look at every contribution again and a
 * rebuild keeps it (positions are the log's). No row: nothing looked at yet.
 */
const SCHEMA = `CREATE TABLE IF NOT EXISTS fulfilment_hand_off_sweep (
  id            INTEGER PRIMARY KEY CHECK (id = 1),
  checked_up_to INTEGER NOT NULL
) STRICT`;

export function handOffSweepMark(db: Database.Database): number {
  db.exec(SCHEMA);
  const row = db.prepare('SELECT checked_up_to FROM fulfilment_hand_off_sweep').get() as
    | { checked_up_to: number }
    | undefined;
  return row?.checked_up_to ?? 0;
}

export function markHandOffSweep(db: Database.Database, checkedUpTo: number): void {
  db.prepare(
    `INSERT INTO fulfilment_hand_off_sweep (id, checked_up_to) VALUES (1, ?)
     ON CONFLICT (id) DO UPDATE SET checked_up_to = excluded.checked_up_to`,
  ).run(checkedUpTo);
}
