import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SQLITE_EVENT_STORE_FILE } from '@cohesion/application';
import {
  type CompiledLedger,
  compileLedgerApi,
  failedChildLedger,
  startChildLedger,
  type StartFailure,
} from '../support/child-ledger';
import { ledgerCli } from '../support/ledger-cli';

/** The fields a failure to start is logged with (pino's JSON). */
interface StartFailureLine {
  level: number;
  msg: string;
  dataDir?: string;
  reason: string;
  holderPid?: number;
}

/**
 * The API as operators start it, in a child process: one process per data directory, and a
 * failure to start told in one log line, with the directory and the reason, and exit code 1.
 */
describe('the data directory (API start-up)', () => {
  jest.setTimeout(300_000);
  const parent = mkdtempSync(join(tmpdir(), 'ledger-data-directory-'));
  let compiled: CompiledLedger;

  beforeAll(async () => {
    compiled = await compileLedgerApi();
  }, 900_000);
  afterAll(() => {
    compiled?.remove();
    rmSync(parent, { recursive: true, force: true });
  });

  it('refuses a second API, naming the directory and the first one, until the first is killed', async () => {
    const dataDir = join(parent, 'shared');
    const first = await startChildLedger(compiled, dataDir);
    try {
      const refused = await failedChildLedger(compiled, dataDir);
      expect(refused.exit).toBe('exit code 1');
      const line = onlyLine(refused);
      expect(line).toMatchObject({ level: 60, dataDir, holderPid: first.pid });
      expect(line.msg).toContain(`${dataDir} is in use by process ${first.pid}`);

      // The first one still serves: the refusal took nothing from it.
      expect((await first.get('/health')).status).toBe(200);
      // No stale lock after kill -9: the system drops it with the process.
      await first.kill('SIGKILL');
      const next = await startChildLedger(compiled, dataDir);
      expect((await next.get('/health')).status).toBe(200);
      await next.kill('SIGTERM');
    } finally {
      await first.kill();
    }
  });

  it("refuses the CLI's commands that write into the directory while the API runs, not the others", async () => {
    const dataDir = join(parent, 'busy');
    const api = await startChildLedger(compiled, dataDir);
    const environment = { LEDGER_DATA_DIR: dataDir };
    try {
      const emptyExport = join(parent, 'empty.jsonl');
      writeFileSync(emptyExport, '');
      for (const command of [['demo'], ['rebuild'], ['import', emptyExport]]) {
        const run = await ledgerCli(command, environment);
        expect({ command, code: run.code, stdout: run.stdout }).toEqual({
          command,
          code: 1,
          stdout: '',
        });
        expect(run.stderr).toBe(
          `ledger: the data directory ${dataDir} is in use by process ${api.pid}: stop that ` +
            'process first, or give this one another LEDGER_DATA_DIR\n',
        );
      }
      expect(await ledgerCli(['export'], environment)).toMatchObject({ code: 0 });
      await api.kill('SIGKILL');
      expect(await ledgerCli(['rebuild'], environment)).toMatchObject({ code: 0 });
    } finally {
      await api.kill();
    }
  });

  const aFile = () => {
    const file = join(parent, `file-${Math.random().toString(36).slice(2)}`);
    writeFileSync(file, 'not a directory');
    return file;
  };
  it.each([
    ['is a file', aFile, /^it is a file, not a directory/],
    ['is missing, under a file', () => join(aFile(), 'data'), /^a part of its path is a file/],
    // Writable to nobody, root included (sysfs; mounted read-only in containers).
    [
      'cannot be written',
      () => '/sys',
      /^(no file can be created or opened in it|it is read-only)/,
    ],
    [
      'is missing, and cannot be created',
      () => '/sys/ledger-data',
      /^(permission denied|it is read-only)/,
    ],
  ])('stops with one log line and exit code 1 when the directory %s', async (_, dirOf, reason) => {
    const dataDir = dirOf();
    const failure = await failedChildLedger(compiled, dataDir);
    expect(failure.exit).toBe('exit code 1');
    const line = onlyLine(failure);
    expect(line).toMatchObject({ level: 60, dataDir });
    expect(line.reason).toMatch(reason);
    expect(line.msg).toContain(dataDir);
  });

  it('stops with one log line and exit code 1 when the store in the directory is damaged', async () => {
    const dataDir = mkdtempSync(join(parent, 'damaged-'));
    writeFileSync(join(dataDir, SQLITE_EVENT_STORE_FILE), 'not a database');
    const failure = await failedChildLedger(compiled, dataDir);
    expect(failure.exit).toBe('exit code 1');
    const line = onlyLine(failure);
    expect(line).toMatchObject({ level: 60, dataDir });
    expect(line.reason).toContain(
      `${join(dataDir, SQLITE_EVENT_STORE_FILE)}: the database file is damaged`,
    );
  });
});

/** The process's stderr, checked to be exactly one JSON line. */
function onlyLine({ stderr }: StartFailure): StartFailureLine {
  const lines = stderr.split('\n').filter((line) => line !== '');
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0]) as StartFailureLine;
}
