import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EventStoreDbEventStore, SqliteEventStore } from '@cohesion/event-store';
import {
  importEvents,
  type ImportLine,
} from '../../apps/ledger-cli/src/export-import/import-events';
import { EventStoreDbStandIn } from '../event-store/eventstoredb-stand-in';
import { ledgerCli } from '../support/ledger-cli';
import {
  cliOn,
  exportOf,
  exportOfStore,
  freshDataDir,
  readModelDigest,
} from '../support/ledger-cli-fixtures';

/** The lines of an export, as `importEvents` reads a file. */
const linesOf = (text: string): ImportLine[] =>
  text
    .trim()
    .split('\n')
    .map((line, index) => ({ text: line, lineNumber: index + 1, bytes: line.length + 1 }));

/** The message a failed command ends with, after its progress lines. */
const lastLine = (stderr: string) => stderr.trim().split('\n').pop();

/** Export, then import into another ledger: every event keeps its id, place, time and hash. */
describe('ledger export / import', () => {
  jest.setTimeout(120_000);
  const source = freshDataDir('export-source');
  const target = freshDataDir('import-target');
  const scratch: string[] = [];
  const exportFile = join(source, 'ledger.jsonl');
  let exported: string;
  let lines: string[];

  beforeAll(async () => {
    await cliOn(source, ['demo']);
    await cliOn(source, ['export', '--out', exportFile]);
    exported = readFileSync(exportFile, 'utf8');
    lines = exported.trim().split('\n');
  });
  afterAll(() => {
    for (const dir of [source, target, ...scratch]) rmSync(dir, { recursive: true, force: true });
  });

  const scratchDir = (name: string) => {
    const dir = freshDataDir(name);
    scratch.push(dir);
    return dir;
  };

  it('moves the ledger to a fresh one that verifies, exports identically and projects identical read models', async () => {
    // A move takes the personal data's keys along (the log holds their fields sealed).
    for (const file of ['personal-data-keys.sqlite', 'master.key']) {
      copyFileSync(join(source, file), join(target, file));
    }
    const imported = await cliOn(target, ['import', exportFile]);
    expect(imported.stdout).toBe(`imported ${lines.length} events (0 already present)\n`);
    const verified = await cliOn(target, ['verify']);
    expect(verified.stdout).toMatch(new RegExp(`^all ${lines.length} events verified`));
    expect(await exportOf(target)).toBe(exported);
    await cliOn(target, ['rebuild']);
    expect(readModelDigest(target)).toBe(readModelDigest(source));
  });

  it('records nothing on a second import of the same file', async () => {
    const again = await cliOn(target, ['import', exportFile]);
    expect(again.stdout).toBe(`imported 0 events (${lines.length} already present)\n`);
    expect(await exportOf(target)).toBe(exported);
  });

  it('refuses a changed line by its number, having imported only the lines before it', async () => {
    const changed = JSON.parse(lines[49]) as { data: Record<string, unknown> };
    changed.data = { ...changed.data, tampered: true };
    const tampered = join(scratchDir('tampered-file'), 'tampered.jsonl');
    writeFileSync(
      tampered,
      [...lines.slice(0, 49), JSON.stringify(changed), ...lines.slice(50)].join('\n'),
    );
    const dir = scratchDir('tampered');
    const run = await ledgerCli(['import', tampered], { LEDGER_DATA_DIR: dir });
    expect(run.code).toBe(1);
    expect(lastLine(run.stderr)).toMatch(
      /^ledger: line 50: event [0-9a-f-]+ does not match its hash/,
    );
    expect(await exportOf(dir)).toBe(`${lines.slice(0, 49).join('\n')}\n`);
  });

  it('refuses a malformed line by its number', async () => {
    const malformed = join(scratchDir('malformed-file'), 'malformed.jsonl');
    writeFileSync(malformed, [lines[0], lines[1], '{"id": "not the end', lines[2]].join('\n'));
    const run = await ledgerCli(['import', malformed], {
      LEDGER_DATA_DIR: scratchDir('malformed'),
    });
    expect(run.code).toBe(1);
    expect(lastLine(run.stderr)).toBe(
      'ledger: line 3: not JSON (each line must be one exported event)',
    );
  });

  it('says how many personal fields do not open when the keys did not come along', async () => {
    const keyless = scratchDir('import-without-keys');
    const imported = await cliOn(keyless, ['import', exportFile]);
    expect(imported.stdout).toMatch(
      new RegExp(
        `^imported ${lines.length} events \\(0 already present\\)\\n` +
          '(\\d+) personal fields cannot be opened here: 0 erased, \\1 sealed with keys this ledger never had, 0 altered\\n$',
      ),
    );
  });

  it('moves the ledger to EventStoreDB (gRPC stand-in) and back, ids, revisions and hashes unchanged', async () => {
    const standIn = await EventStoreDbStandIn.start();
    const esdb = EventStoreDbEventStore.connect(standIn.connectionString);
    const back = new SqliteEventStore({
      file: join(scratchDir('back-from-esdb'), 'events.sqlite'),
    });
    try {
      expect(await importEvents(esdb, linesOf(exported))).toMatchObject({
        imported: lines.length,
        alreadyPresent: 0,
      });
      expect(await importEvents(esdb, linesOf(exported))).toMatchObject({
        imported: 0,
        alreadyPresent: lines.length,
      });
      // EventStoreDB numbers the log with its own positions (and orders JSON keys its own way):
      // everything else is as exported.
      const withoutPosition = (text: string) =>
        text
          .trim()
          .split('\n')
          .map((line) => ({ ...(JSON.parse(line) as object), position: undefined }));
      const fromEsdb = await exportOfStore(esdb);
      expect(withoutPosition(fromEsdb)).toEqual(withoutPosition(exported));
      await importEvents(back, linesOf(fromEsdb));
      expect(await exportOfStore(back)).toBe(exported);
    } finally {
      await esdb.close();
      await back.close();
      await standIn.stop();
    }
  });
});
