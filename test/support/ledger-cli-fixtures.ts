import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { type EventStore, SqliteEventStore } from '@cohesion/event-store';
import { ALL_PROJECTORS, digestOfTables } from '@cohesion/projections';
import { exportLine } from '../../apps/ledger-cli/src/export-import/exported-event';
import { type CliRun, ledgerCli } from './ledger-cli';

const ALL_TABLES = ALL_PROJECTORS.flatMap((projector) => projector.tables);

/** A new, empty data directory under the system's temp directory. */
export const freshDataDir = (name: string): string =>
  mkdtempSync(join(tmpdir(), `ledger-${name}-`));

/** The CLI on this data directory; fails the test with its stderr when it does not exit 0. */
export async function cliOn(dataDir: string, args: string[]): Promise<CliRun> {
  const run = await ledgerCli(args, { LEDGER_DATA_DIR: dataDir });
  if (run.code !== 0) throw new Error(`ledger ${args.join(' ')} exited ${run.code}: ${run.stderr}`);
  return run;
}

/** The whole log of a store, as `ledger export` writes it. */
export async function exportOfStore(store: EventStore): Promise<string> {
  let text = '';
  for await (const event of store.readAll()) text += `${exportLine(event)}\n`;
  return text;
}

/**
 * The whole log of the data directory's embedded store, as `ledger export` writes it; read in
 * this process (the CLI's own export is tested once, not started for every comparison).
 */
export async function exportOf(dataDir: string): Promise<string> {
  const store = new SqliteEventStore({ file: join(dataDir, 'events.sqlite') });
  try {
    return await exportOfStore(store);
  } finally {
    await store.close();
  }
}

/** SHA-256 over every read-model table of the data directory (see `digestOfTables`). */
export function readModelDigest(dataDir: string): string {
  const file = join(dataDir, 'read-models.sqlite');
  if (!existsSync(file)) throw new Error(`no read models in ${dataDir}`);
  const db = new Database(file, { readonly: true });
  try {
    return digestOfTables(db, ALL_TABLES);
  } finally {
    db.close();
  }
}
