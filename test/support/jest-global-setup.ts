import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI_BUILD_DIR_SETTING } from './ledger-cli-build-dir';

/**
 * A directory for this run's compiled CLI (see ledger-cli.ts), named to the workers through the
 * environment they inherit. Nothing is compiled here: a run without a CLI suite compiles nothing.
 */
export default function globalSetup(): void {
  process.env[CLI_BUILD_DIR_SETTING] = mkdtempSync(join(tmpdir(), 'ledger-cli-build-'));
}
