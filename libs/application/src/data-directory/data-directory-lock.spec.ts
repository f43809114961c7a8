import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataDirectoryInUseError, DataDirectoryUnusableError } from './data-directory-errors';
import { DATA_LOCK_HOLDER_FILE, lockDataDirectory } from './data-directory-lock';

/** Across processes (and after kill -9) in test/app/data-directory.e2e-spec.ts. */
describe('lockDataDirectory', () => {
  let parent: string;

  beforeEach(() => (parent = mkdtempSync(join(tmpdir(), 'ledger-lock-'))));
  afterEach(() => rmSync(parent, { recursive: true, force: true }));

  it('creates a missing data directory, and records the pid of the process holding it', async () => {
    const dataDir = join(parent, 'new', 'data');
    const lock = await lockDataDirectory(dataDir);
    try {
      expect(existsSync(dataDir)).toBe(true);
      expect(readFileSync(join(dataDir, DATA_LOCK_HOLDER_FILE), 'utf8').trim()).toBe(
        String(process.pid),
      );
    } finally {
      lock.release();
    }
  });

  it('refuses a held data directory, naming it and the holder, until the holder releases it', async () => {
    const lock = await lockDataDirectory(parent);
    const refusal = await lockDataDirectory(parent).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DataDirectoryInUseError);
    expect(refusal).toMatchObject({ dataDir: parent, holderPid: process.pid });
    expect((refusal as Error).message).toContain(`${parent} is in use by process ${process.pid}`);
    lock.release();
    (await lockDataDirectory(parent)).release();
  });

  it.each([
    ['is a file', (file: string) => file, /it is a file, not a directory/],
    ['is under a file', (file: string) => join(file, 'data'), /a part of its path is a file/],
  ])('refuses a data directory that %s, naming it and the reason', async (_, dirOf, reason) => {
    const file = join(parent, 'a-file');
    writeFileSync(file, '');
    const dataDir = dirOf(file);
    const refusal = await lockDataDirectory(dataDir).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DataDirectoryUnusableError);
    expect(refusal).toMatchObject({ dataDir });
    expect((refusal as DataDirectoryUnusableError).reason).toMatch(reason);
  });
});
