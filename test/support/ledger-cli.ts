import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compiledCommand, type CompiledLedger, compileLedgerApp } from './child-ledger';
import { CLI_BUILD_DIR_SETTING } from './ledger-cli-build-dir';

const REPOSITORY = resolve(__dirname, '../..');
/** A compile takes ~10 s on an idle machine, minutes beside a CPU burner. */
const COMPILE_TIMEOUT_MS = 15 * 60 * 1000;
const POLL_MS = 100;

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

let compiledCli: Promise<CompiledLedger> | undefined;
const cli = () => (compiledCli ??= compiledOnce());
// Compiled before the first test of any suite that runs the CLI, outside the tests' own timeouts.
beforeAll(() => cli(), COMPILE_TIMEOUT_MS);
afterAll(async () => (await compiledCli)?.remove());

/**
 * The CLI as a child process, as `npx ledger <args>` runs it: its compiled code (here compiled for
 * the tests, see compiledOnce), so that a call costs about a second and not ts-node's compile.
 */
export async function ledgerCli(
  args: string[],
  environment: Record<string, string> = {},
): Promise<CliRun> {
  const command = compiledCommand(await cli(), args);
  const env: NodeJS.ProcessEnv = { ...process.env, ...environment, ...command.env };
  // Only the data directory decides which keys and store are used, as on the API's machine.
  for (const setting of [
    'LEDGER_JWT_PRIVATE_KEY',
    'LEDGER_OIDC_JWKS_URL',
    'LEDGER_TREE_HEAD_PRIVATE_KEY',
    'EVENTSTORE_CONNECTION_STRING',
  ]) {
    delete env[setting];
  }
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, command.args, { cwd: REPOSITORY, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/**
 * The CLI compiled once per Jest run into the directory jest-global-setup.ts names, whichever
 * worker gets there first (the others wait for it); into a directory of this suite's own when
 * run without that setup.
 */
async function compiledOnce(): Promise<CompiledLedger> {
  const shared = process.env[CLI_BUILD_DIR_SETTING];
  if (!shared) return compileLedgerApp('ledger-cli');
  const done = join(shared, 'compiled');
  const failed = join(shared, 'failed');
  for (;;) {
    if (existsSync(done)) {
      // The run's, removed by jest-global-teardown.ts.
      return { outDir: join(shared, 'out'), main: readFileSync(done, 'utf8'), remove: () => {} };
    }
    if (existsSync(failed)) throw new Error(readFileSync(failed, 'utf8'));
    if (claimed(join(shared, 'compiling'))) {
      try {
        const { main } = await compileLedgerApp('ledger-cli', join(shared, 'out'));
        // Renamed into place: a waiting worker never reads a half-written file.
        writeFileSync(`${done}.partial`, main);
        renameSync(`${done}.partial`, done);
      } catch (error) {
        writeFileSync(failed, `compiling the CLI failed: ${String(error)}`);
        throw error;
      }
    } else {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
}

/** True for the one caller that creates `dir` (mkdir is atomic), false for all the others. */
function claimed(dir: string): boolean {
  try {
    mkdirSync(dir);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}
