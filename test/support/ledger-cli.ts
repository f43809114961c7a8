import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const REPOSITORY = resolve(__dirname, '../..');

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `npm run -s ledger -- <args>` as a child process, exactly as operators and partners run it. */
export function ledgerCli(
  args: string[],
  environment: Record<string, string> = {},
): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...environment };
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
    const child = spawn('npm', ['run', '-s', 'ledger', '--', ...args], { cwd: REPOSITORY, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr: withoutNpmNoise(stderr) }));
  });
}

/** npm's own warnings about the machine's configuration are not the CLI's output. */
const withoutNpmNoise = (stderr: string): string =>
  stderr
    .split('\n')
    .filter((line) => !line.startsWith('npm warn'))
    .join('\n');
