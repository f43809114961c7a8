import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@cohesion/event-store';
import type { Projector } from '../projector';
import { openReadModelDatabase } from './read-model-database';

/**
 * Read models built in memory from these events alone, in the order given, by the same projectors
 * the runner uses: the rows are exactly those the live read models had if the log held only them.
 * What a point-in-time read answers from (the log as it stood, or as it was known, at a moment).
 */
export function replayedReadModels(
  events: readonly RecordedEvent[],
  projectors: readonly Projector[],
): Database.Database {
  const db = openReadModelDatabase(':memory:');
  db.transaction(() => {
    for (const projector of projectors) {
      db.exec(projector.schema);
      if (projector.bindBatch) projector.bindBatch(db)(events);
      else {
        const handle = projector.bind(db);
        for (const event of events) handle(event);
      }
    }
  })();
  return db;
}
