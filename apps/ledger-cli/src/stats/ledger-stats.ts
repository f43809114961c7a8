import { existsSync, statSync } from 'node:fs';
import type Database from 'better-sqlite3';
import type { EventStore } from '@cohesion/event-store';

export interface ReadModelLag {
  readonly name: string;
  readonly version: number;
  readonly checkpoint: string;
  /** Events of the log the read model has not applied yet. */
  readonly behind: number;
}

export interface LedgerStats {
  readonly events: number;
  readonly streams: number;
  readonly headPosition: string;
  readonly eventsPerType: Record<string, number>;
  /** Events per aggregate: the stream name up to its first `-` (`commitment-x` → commitment). */
  readonly eventsPerAggregate: Record<string, number>;
  readonly readModels: readonly ReadModelLag[];
  /** Bytes on disk of each file of the data directory the ledger uses, when it has files. */
  readonly filesOnDisk: Record<string, number>;
}

interface CheckpointRow {
  readonly name: string;
  readonly version: number;
  readonly position: bigint;
}

/** One pass over the log, counting, and the read models' checkpoints against it. */
export async function ledgerStats(
  store: EventStore,
  readModels: Database.Database | undefined,
  files: readonly string[],
  onEvent: (position: bigint, count: number) => void = () => {},
): Promise<LedgerStats> {
  const checkpoints = readModels ? checkpointsOf(readModels) : [];
  const behind = new Map(checkpoints.map(({ name }) => [name, 0]));
  const perType = new Map<string, number>();
  const perAggregate = new Map<string, number>();
  const streams = new Set<string>();
  const headPosition = await store.headPosition();
  let events = 0;
  for await (const event of store.readAll()) {
    if (event.position > headPosition) break;
    events += 1;
    streams.add(event.stream);
    increment(perType, event.type);
    increment(perAggregate, event.stream.split('-')[0]);
    for (const { name, position } of checkpoints) {
      if (event.position > position) increment(behind, name);
    }
    onEvent(event.position, events);
  }
  return {
    events,
    streams: streams.size,
    headPosition: headPosition.toString(),
    eventsPerType: sortedRecord(perType),
    eventsPerAggregate: sortedRecord(perAggregate),
    readModels: checkpoints.map(({ name, version, position }) => ({
      name,
      version,
      checkpoint: position.toString(),
      behind: behind.get(name) ?? 0,
    })),
    filesOnDisk: Object.fromEntries(
      files.filter((file) => existsSync(file)).map((file) => [file, statSync(file).size]),
    ),
  };
}

function checkpointsOf(db: Database.Database): CheckpointRow[] {
  const table = db
    .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'projection_checkpoints'`)
    .get();
  if (!table) return [];
  return db
    .prepare('SELECT name, version, position FROM projection_checkpoints ORDER BY name')
    .safeIntegers(true)
    .all()
    .map((row) => {
      const { name, version, position } = row as {
        name: string;
        version: bigint;
        position: bigint;
      };
      return { name, version: Number(version), position };
    });
}

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function sortedRecord(counts: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...counts].sort(([a], [b]) => a.localeCompare(b)));
}
