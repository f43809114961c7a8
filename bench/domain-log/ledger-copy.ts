import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { READ_MODELS_FILE, SQLITE_EVENT_STORE_FILE } from '@cohesion/application';
import { copyBenchKeys } from './bench-keys';

/**
 * A new data directory holding copies of a generated log, its rebuilt read models and its keys,
 * for an API to serve: it records as it serves (sign-in, access audit, commands), so on copies,
 * not on the files other suites share.
 */
export function copyLedger(logFile: string, readModelsFile: string, dataDir: string): string {
  mkdirSync(dataDir);
  copyFileSync(logFile, join(dataDir, SQLITE_EVENT_STORE_FILE));
  copyFileSync(readModelsFile, join(dataDir, READ_MODELS_FILE));
  copyBenchKeys(logFile, dataDir);
  return dataDir;
}
