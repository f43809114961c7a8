import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DataDirectoryInUseError, DataDirectoryUnusableError } from './data-directory-errors';

/**
 * The lock itself: a small SQLite file held in exclusive locking mode. SQLite takes its locks
 * with fcntl, which the operating system drops when the process ends, however it ends (kill -9
 * included), so a lock is never left behind by a process that is gone.
 */
export const DATA_LOCK_FILE = 'data.lock';
/** The pid of the process holding the lock, for the refusal to name (the lock file is unreadable to others). */
export const DATA_LOCK_HOLDER_FILE = 'data.lock.pid';

/** Held until `release()` or the end of the process. */
export interface DataDirectoryLock {
  readonly dataDir: string;
  release(): void;
}

/** How long a refused process waits for a holder that has just taken the lock to write its pid. */
const HOLDER_PID_ATTEMPTS = 40;
const HOLDER_PID_POLL_MS = 50;

/**
 * Takes the data directory for this process alone (creating the directory if needed): two
 * processes writing into the same read models or embedded log would each fail the other's
 * projections. Rejects with DataDirectoryInUseError, naming the holder's pid, when another process
 * holds it, and with DataDirectoryUnusableError when the directory cannot be created or written.
 */
export async function lockDataDirectory(dataDir: string): Promise<DataDirectoryLock> {
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw new DataDirectoryUnusableError(dataDir, error);
  }
  let db: Database.Database;
  try {
    // timeout 0: a held lock is an answer now, not something to wait for.
    db = new Database(join(dataDir, DATA_LOCK_FILE), { timeout: 0 });
  } catch (error) {
    throw new DataDirectoryUnusableError(dataDir, error);
  }
  try {
    db.pragma('journal_mode = MEMORY');
    db.pragma('locking_mode = EXCLUSIVE');
    // In exclusive locking mode the first write takes the exclusive lock and never gives it back.
    db.exec('BEGIN EXCLUSIVE');
    db.pragma(`user_version = ${process.pid}`);
    db.exec('COMMIT');
    writeFileSync(join(dataDir, DATA_LOCK_HOLDER_FILE), `${process.pid}\n`);
  } catch (error) {
    db.close();
    if (isBusy(error)) throw new DataDirectoryInUseError(dataDir, await holderPid(dataDir));
    throw new DataDirectoryUnusableError(dataDir, error);
  }
  return { dataDir, release: () => db.close() };
}

/**
 * By its code: the error is not always of this module's SqliteError class (Jest loads modules
 * once per suite, but the native addon that throws it once per process).
 */
function isBusy(error: unknown): boolean {
  const { code } = error as { code?: unknown };
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/**
 * The holder's pid. A holder writes it just after taking the lock, so for a moment the file may
 * still name the previous holder, gone since: a pid that is not running is read again.
 */
async function holderPid(dataDir: string): Promise<number | undefined> {
  for (let attempt = 0; attempt < HOLDER_PID_ATTEMPTS; attempt += 1) {
    const pid = recordedPid(dataDir);
    if (pid !== undefined && isRunning(pid)) return pid;
    await new Promise((resolve) => setTimeout(resolve, HOLDER_PID_POLL_MS));
  }
  return undefined;
}

function recordedPid(dataDir: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(join(dataDir, DATA_LOCK_HOLDER_FILE), 'utf8'), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: running, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
