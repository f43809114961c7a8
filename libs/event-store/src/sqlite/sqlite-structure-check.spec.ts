import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { CorruptedStoreError } from '../errors';
import { eventIdFor } from '../event-ids';
import type { StructureCheck } from '../event-store.port';
import type { RecordedEvent } from '../recorded-event';
import { cleanCloseMarkerOf, leaveCleanCloseMarker } from './sqlite-clean-close';
import { SqliteEventStore } from './sqlite-event-store';

const STREAMS = 20;

/** A closed store of 600 events over 20 streams, enough for the type index to span pages. */
async function writtenStore(file: string): Promise<void> {
  const store = new SqliteEventStore({ file });
  for (let n = 0; n < 600; n++) {
    const commandId = `command-${n}`;
    await store.append(
      `stream-${n % STREAMS}`,
      [
        {
          id: eventIdFor(commandId, 0),
          type: `Noted${n % 7}`,
          data: { n },
          metadata: {
            actor: { sub: 'tester' },
            commandId,
            correlationId: commandId,
            causationId: commandId,
            schemaVersion: 1,
          },
        },
      ],
      { expectedRevision: 'any' },
    );
  }
  await store.close();
}

async function checked(store: SqliteEventStore): Promise<StructureCheck> {
  while (store.structureCheck().state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return store.structureCheck();
}

async function readWhole(store: SqliteEventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of store.readAll()) events.push(event);
  return events;
}

/** Garbles one page of the events-by-type index, in the middle of its cells: pages 1 and the schema stay intact. */
function garbleTypeIndex(file: string): void {
  const db = new Database(file, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const { pageno } = db
    .prepare(
      "SELECT pageno FROM dbstat WHERE name = 'events_by_type' AND pagetype = 'leaf' LIMIT 1",
    )
    .get() as { pageno: number };
  db.close();
  const bytes = readFileSync(file);
  const middle = (pageno - 1) * pageSize + pageSize / 2;
  bytes.fill(0x5a, middle, middle + 64);
  writeFileSync(file, bytes);
}

describe('the whole-file structure check of the SQLite store', () => {
  let directory: string;
  let file: string;

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'ledger-structure-'));
    file = join(directory, 'events.sqlite');
    await writtenStore(file);
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('runs before opening a file that was not closed cleanly (a copy, a restore, a crash)', async () => {
    const copy = join(directory, 'copy.sqlite');
    copyFileSync(file, copy);
    const store = new SqliteEventStore({ file: copy });
    expect(store.structureCheck()).toMatchObject({ state: 'passed', atOpen: true });
    await store.close();
  });

  it('runs in the background for a file closed cleanly, serving meanwhile, then passes', async () => {
    expect(existsSync(cleanCloseMarkerOf(file))).toBe(true);
    const store = new SqliteEventStore({ file });
    expect(store.structureCheck().state).toBe('running');
    expect(existsSync(cleanCloseMarkerOf(file))).toBe(false);
    expect(await readWhole(store)).toHaveLength(600);
    expect(await checked(store)).toMatchObject({ state: 'passed', atOpen: false });
    await store.close();
    expect(existsSync(cleanCloseMarkerOf(file))).toBe(true);
  });

  it('takes a file changed since its clean close for an unclean one', () => {
    garbleTypeIndex(file); // changes its modification time: the marker no longer matches
    expect(() => new SqliteEventStore({ file })).toThrow(CorruptedStoreError);
    expect(existsSync(cleanCloseMarkerOf(file))).toBe(false);
  });

  it('refuses every read and append once the background check finds damage, and checks in full at the next opening', async () => {
    garbleTypeIndex(file);
    // Damage at rest that left the file's size and time alone (bit rot): the marker matches.
    leaveCleanCloseMarker(file);
    const store = new SqliteEventStore({ file });
    expect(await checked(store)).toMatchObject({ state: 'failed' });
    await expect(readWhole(store)).rejects.toThrow(CorruptedStoreError);
    await expect(store.headPosition()).rejects.toThrow(/PRAGMA integrity_check found damage/);
    await expect(store.append('stream-0', [], { expectedRevision: 'any' })).rejects.toBeInstanceOf(
      CorruptedStoreError,
    );
    await store.close();
    expect(existsSync(cleanCloseMarkerOf(file))).toBe(false);
    expect(() => new SqliteEventStore({ file })).toThrow(/PRAGMA integrity_check found damage/);
  });
});
