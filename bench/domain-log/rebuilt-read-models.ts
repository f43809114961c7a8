import { rmSync } from 'node:fs';
import { type EventStore, SqliteEventStore } from '@cohesion/event-store';
import { ALL_PROJECTORS, openReadModelDatabase, ProjectionRunner } from '@cohesion/projections';

/** A rebuild of a million events takes tens of seconds; this only guards against a hang. */
const REBUILD_TIMEOUT_MS = 15 * 60_000;

export interface Rebuild {
  readonly events: number;
  /** From the runner's start to every read model having applied the whole log. */
  readonly seconds: number;
}

/**
 * Opens the store file for the work, then closes it. Opening checks the whole file (integrity,
 * gap-free positions), seconds for a million events: suites open it once for all their runs.
 */
export async function withStore<T>(
  eventsFile: string,
  work: (store: EventStore) => Promise<T>,
): Promise<T> {
  const store = new SqliteEventStore({ file: eventsFile });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/**
 * Rebuilds every read model the API registers (`ALL_PROJECTORS`, with the API's runner settings)
 * from the store into a new read-model database at `readModelsFile`, as a node does on start-up
 * with an empty read-model file.
 */
export async function rebuildReadModels(
  store: EventStore,
  readModelsFile: string,
): Promise<Rebuild> {
  removeDatabase(readModelsFile);
  const db = openReadModelDatabase(readModelsFile);
  const runner = new ProjectionRunner(store, db, ALL_PROJECTORS);
  try {
    const head = await store.headPosition();
    const started = process.hrtime.bigint();
    runner.start();
    if (!(await runner.waitFor(head, REBUILD_TIMEOUT_MS))) {
      throw new Error(`Rebuild stopped at ${runner.position} of ${head}: ${runner.failure?.cause}`);
    }
    return { events: Number(head), seconds: Number(process.hrtime.bigint() - started) / 1e9 };
  } finally {
    runner.stop();
    db.close();
  }
}

export function removeDatabase(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
}

/** Read-model files that hold a complete rebuild, by the events file they were built from. */
const complete = new Map<string, string>();

/** Records that `readModelsFile` holds every read model of `eventsFile`, for later suites. */
export function keepReadModels(eventsFile: string, readModelsFile: string): void {
  complete.set(eventsFile, readModelsFile);
}

/** A complete rebuild of the events file: the one kept by an earlier suite, or a new one. */
export async function ensureReadModels(
  eventsFile: string,
  readModelsFile: string,
): Promise<string> {
  const kept = complete.get(eventsFile);
  if (kept) return kept;
  await withStore(eventsFile, (store) => rebuildReadModels(store, readModelsFile));
  keepReadModels(eventsFile, readModelsFile);
  return readModelsFile;
}
