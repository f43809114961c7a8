import type { Projector } from '../projector';
import { STREAM_INDEX_SCHEMA, STREAM_INDEX_TABLES } from './stream-index.schema';

/** Which partnership each stream belongs to, from its first event (which names it, if any). */
export const streamIndexProjector: Projector = {
  name: 'stream_index',
  version: 1,
  tables: STREAM_INDEX_TABLES,
  schema: STREAM_INDEX_SCHEMA,
  bind(db) {
    const index = db.prepare(
      `INSERT OR IGNORE INTO stream_index_streams (stream, partnership_id, first_position)
       VALUES (?, ?, ?)`,
    );
    return (event) => {
      if (event.revision !== 0n) return;
      const { partnershipId } = event.data;
      index.run(
        event.stream,
        typeof partnershipId === 'string' ? partnershipId : null,
        event.position,
      );
    };
  },
};
