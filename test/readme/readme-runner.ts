import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_LOCK_HOLDER_FILE } from '@cohesion/application/data-directory';
import { freePort, isFree } from '../support/child-ledger';

/** The port the README's examples name (`L=http://localhost:3000`). */
export const README_PORT = 3000;
const POLL_MS = 100;

/**
 * The environment of a newcomer's terminal in `checkout`: this one without the ledger's settings
 * (nor Jest's NODE_ENV), so that the API and the CLI use their defaults (`./data` in the
 * checkout, keys generated there), plus two things that change nothing the README shows: a temp
 * directory inside the checkout (the launchers' build locks, the examples' `mktemp -d`), removed
 * with it; and npx refusing to install anything, so that `npx ledger` runs the checkout's own
 * CLI or fails, and never fetches a package of that name from the registry.
 */
export function newcomerEnvironment(checkout: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(LEDGER_|EVENTSTORE_)/.test(name) || ['PORT', 'LOG_LEVEL', 'NODE_ENV'].includes(name))
      continue;
    env[name] = value;
  }
  const temp = join(checkout, 'tmp');
  mkdirSync(temp, { recursive: true });
  return { ...env, TMPDIR: temp, npm_config_yes: 'false' };
}

/** The API as `npm start` runs it in the checkout (bin/ledger-api.js, compiled first). */
export interface ReadmeLedger {
  readonly port: number;
  /**
   * Resolves once this very process answers /health (the data directory's lock names its pid, so
   * that an API of someone else's on the port is never taken for it); rejects if it stops first.
   */
  readonly ready: Promise<void>;
  stop(): Promise<void>;
}

/** Starts the API in `checkout` on the README's port when it is free, another free port otherwise. */
export async function startReadmeLedger(
  checkout: string,
  env: NodeJS.ProcessEnv,
): Promise<ReadmeLedger> {
  const port = (await isFree(README_PORT)) ? README_PORT : await freePort();
  // Its own process group: stopping it stops a build the launcher may still be running.
  const child = spawn(process.execPath, [join('bin', 'ledger-api.js')], {
    cwd: checkout,
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? `exit code ${code}`)),
  );
  const stop = async () => {
    if (running(child)) process.kill(-child.pid!, 'SIGKILL');
    await exited;
  };
  const holder = join(checkout, 'data', DATA_LOCK_HOLDER_FILE);
  const ready = async () => {
    for (;;) {
      if (!running(child)) throw new Error(`the API did not start (${await exited}): ${output}`);
      if (await answersHealth(port)) {
        if (existsSync(holder) && Number(readFileSync(holder, 'utf8')) === child.pid) return;
        throw new Error(`another process answers on port ${port}, not the API started here`);
      }
      await pause();
    }
  };
  return { port, ready: ready(), stop };
}

async function answersHealth(port: number): Promise<boolean> {
  try {
    return (await fetch(`http://localhost:${port}/health`)).ok;
  } catch {
    return false;
  }
}

/** What an example printed, once it has run to its end. */
export interface ExampleRun {
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * One bash session in which the examples run one after the other, as a newcomer pastes them into
 * one terminal: variables, functions and the working directory carry from one to the next. The
 * session stops at the first command that fails (errexit, nounset, pipefail, also inside command
 * substitutions and functions), and `curl` is a function that adds `--fail-with-body` (an HTTP
 * status of 400 or more fails, the problem document still shown), `--silent --show-error` (no
 * progress meter) and a newline after each answer, so that each answer is a line of its own.
 */
export interface ShellSession {
  /**
   * Runs `source`, the example whose fence is at README line `fenceLine`, to its end; rejects,
   * with what it printed and the README line that failed, if it fails.
   */
  run(source: string, fenceLine: number): Promise<ExampleRun>;
  close(): Promise<void>;
}

/**
 * Besides the options and `curl`, a trap that names the README line that failed: the line in the
 * example file (where a function was called, when the failure is inside one) after the line of
 * the example's fence, which each run sets.
 */
const PREAMBLE = `
set -o errexit -o nounset -o pipefail -o errtrace
shopt -s inherit_errexit
readme_fence_line=0
trap 'echo "README line $(( readme_fence_line + (\${#BASH_LINENO[@]} > 1 ? BASH_LINENO[-2] : LINENO) )) failed: $BASH_COMMAND" >&2' ERR
curl() { command curl --fail-with-body --silent --show-error --write-out '\\n' "$@"; }
`;

/** Starts the session in `cwd`; each example is written to a file of `scriptsDir` and sourced. */
export function startShellSession(
  cwd: string,
  env: NodeJS.ProcessEnv,
  scriptsDir: string,
): ShellSession {
  // Its own process group, so that closing it stops whatever an example left running.
  const shell = spawn('bash', ['--noprofile', '--norc'], {
    cwd,
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  // A shell that stopped is reported by run(), not by a write to its input.
  shell.stdin.on('error', () => {});
  let stdout = '';
  let stderr = '';
  let ended: string | undefined;
  // Read through a function: the compiler would keep `ended` narrowed across the awaits below.
  const endedAs = (): string | undefined => ended;
  let notify = () => {};
  shell.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    notify();
  });
  shell.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    notify();
  });
  // 'close', not 'exit': by then everything the shell printed has been read.
  const closed = new Promise<string>((resolve) =>
    shell.once('close', (code, signal) => {
      ended = signal ?? `exit code ${code}`;
      resolve(ended);
      notify();
    }),
  );
  shell.stdin.write(PREAMBLE);
  let examples = 0;
  return {
    async run(source, fenceLine) {
      const stopped = endedAs();
      if (stopped !== undefined) throw new Error(`the shell had already stopped (${stopped})`);
      examples += 1;
      const script = join(scriptsDir, `example-${examples}.sh`);
      writeFileSync(script, `${source}\n`);
      const marker = `@@example-${examples}-done-${randomUUID()}@@`;
      stdout = '';
      stderr = '';
      // The example's commands read nothing from the session's input, which holds the next ones.
      shell.stdin.write(
        `readme_fence_line=${fenceLine}\nsource '${script}' </dev/null\n` +
          `printf '\\n%s\\n' '${marker}'\n`,
      );
      for (;;) {
        const end = stdout.indexOf(`\n${marker}\n`);
        if (end >= 0) return { stdout: stdout.slice(0, end), stderr };
        const how = endedAs();
        if (how !== undefined) {
          throw new Error(
            `the example failed (shell ${how})\n--- stdout\n${stdout}\n--- stderr\n${stderr}`,
          );
        }
        await new Promise<void>((resolve) => (notify = resolve));
      }
    },
    async close() {
      if (ended === undefined) process.kill(-shell.pid!, 'SIGKILL');
      await closed;
    },
  };
}

const running = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;
const pause = () => new Promise((resolve) => setTimeout(resolve, POLL_MS));
