import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { validateLedgerConfig } from '@cohesion/application';
import { signToken, TEST_SIGNING_KEY_PEM } from './ledger-app';
import type { Principal } from './ledger-client';

const REPOSITORY = join(__dirname, '..', '..');
/** Generous: a loaded CI machine may take seconds to start Nest. */
const START_TIMEOUT_MS = 60_000;

/** The apps of the repository that run as processes. */
export type LedgerApp = 'ledger-api' | 'ledger-cli';

/**
 * A ledger app compiled into a temp directory, to run as a child process (that a test can kill).
 * Transpiled only (`tsc --noCheck`): the type check is `npm test`'s first step, and it takes ~5 s
 * against ~10 s for `nest build`; the child then starts in ~1 s, where ts-node takes ~5 s at
 * every start. The output stays out of the repository's `dist` and `dist-cli`, which a
 * developer's `nest build` may be deleting at the same moment.
 */
export interface CompiledLedger {
  /** Mirrors the repository's layout, so tsconfig.json's paths hold with it as the base. */
  readonly outDir: string;
  readonly main: string;
  remove(): void;
}

export const compileLedgerApi = (): Promise<CompiledLedger> => compileLedgerApp('ledger-api');

/** Compiles `app` into `outDir` (a new temp directory unless given). */
export async function compileLedgerApp(
  app: LedgerApp,
  outDir = mkdtempSync(join(tmpdir(), `${app}-child-build-`)),
): Promise<CompiledLedger> {
  const tsc = join(REPOSITORY, 'node_modules', 'typescript', 'bin', 'tsc');
  const project = join(REPOSITORY, 'apps', app, 'tsconfig.app.json');
  await promisify(execFile)(
    process.execPath,
    [tsc, '-p', project, '--noCheck', '--outDir', outDir, '--sourceMap', 'false'],
    { cwd: REPOSITORY },
  );
  const main = join(outDir, 'apps', app, 'src', 'main.js');
  if (!existsSync(main)) throw new Error(`tsc did not produce ${main}`);
  return { outDir, main, remove: () => rmSync(outDir, { recursive: true, force: true }) };
}

/**
 * `node <args>` and the environment that run the compiled app from the repository: packages come
 * from its node_modules, and the @cohesion/* paths of tsconfig.json resolve against the output.
 */
export function compiledCommand(
  compiled: CompiledLedger,
  args: readonly string[] = [],
): { args: string[]; env: NodeJS.ProcessEnv } {
  return {
    args: ['-r', 'tsconfig-paths/register', compiled.main, ...args],
    env: { NODE_PATH: join(REPOSITORY, 'node_modules'), TS_NODE_BASEURL: compiled.outDir },
  };
}

export interface HttpAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly body: unknown;
}

/** The real API in a child process, on a port of its own. */
export interface ChildLedger {
  readonly baseUrl: string;
  /**
   * Where a browser reaches it: `http://localhost:<port>` (its LEDGER_PUBLIC_ORIGIN unless the
   * settings name another), as a newcomer's browser reaches `npm start` on localhost:3000.
   */
  readonly publicOrigin: string;
  readonly pid: number;
  /** Resolves once the process has exited, with its signal or exit code. */
  readonly exited: Promise<string>;
  /** SIGKILL by default: the process gets no chance to flush or close anything. */
  kill(signal?: NodeJS.Signals): Promise<string>;
  /** A POST as `as`, under the Idempotency-Key `key`; rejects when the connection fails. */
  post(path: string, body: object, as: Principal, key: string): Promise<HttpAnswer>;
  get(path: string, as?: Principal): Promise<HttpAnswer>;
  /** A bearer token the child accepts for `as` (for clients other than `post` and `get`). */
  bearer(as: Principal): string;
}

/**
 * Starts the compiled API on `dataDir` (kept across restarts), trusting the test signing key,
 * and resolves once it answers /health. `settings` adds to or overrides the environment.
 */
export async function startChildLedger(
  compiled: CompiledLedger,
  dataDir: string,
  settings: Record<string, string> = {},
): Promise<ChildLedger> {
  const { child, environment, baseUrl, exited, stderr, running } = await spawnLedgerApi(
    compiled,
    dataDir,
    settings,
  );
  const publicOrigin = environment.LEDGER_PUBLIC_ORIGIN;
  if (!(await untilAnswering(`${baseUrl}/health`, running))) {
    child.kill('SIGKILL');
    throw new Error(`the ledger did not start (${await exited}): ${stderr()}`);
  }
  const sign = tokenSigner(environment);
  let killed = false;
  const call = (method: string, path: string, as?: Principal, headers = {}, body?: object) =>
    request(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(as ? { authorization: `Bearer ${sign(as)}` } : {}),
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body && JSON.stringify(body),
    }).catch((error: unknown) => {
      // A process that stopped on its own is the finding: say why, not just "fetch failed".
      if (killed || running()) throw error;
      throw new Error(`the ledger stopped by itself (${child.exitCode}): ${stderr()}`, {
        cause: error,
      });
    });
  return {
    baseUrl,
    publicOrigin,
    pid: child.pid!,
    exited,
    kill: (signal = 'SIGKILL') => {
      killed = true;
      return stop(child, signal, exited);
    },
    post: (path, body, as, key) => call('POST', path, as, { 'idempotency-key': key }, body),
    get: (path, as) => call('GET', path, as),
    bearer: sign,
  };
}

/** How a child API that was expected not to start ended: its exit and what it wrote to stderr. */
export interface StartFailure {
  readonly exit: string;
  readonly stderr: string;
}

/**
 * Starts the compiled API on `dataDir` expecting it to refuse to start: resolves once it has
 * exited; rejects (having stopped it) if it answers /health instead.
 */
export async function failedChildLedger(
  compiled: CompiledLedger,
  dataDir: string,
  settings: Record<string, string> = {},
): Promise<StartFailure> {
  const { child, baseUrl, exited, stderr, running } = await spawnLedgerApi(
    compiled,
    dataDir,
    settings,
  );
  if (await untilAnswering(`${baseUrl}/health`, running)) {
    child.kill('SIGKILL');
    throw new Error(`the ledger started on ${dataDir}, where it was expected to refuse`);
  }
  if (running()) child.kill('SIGKILL');
  return { exit: await exited, stderr: stderr() };
}

/** The compiled API, started as a child process; nothing waited for. */
async function spawnLedgerApi(
  compiled: CompiledLedger,
  dataDir: string,
  settings: Record<string, string>,
) {
  const port = await freePort();
  const environment = {
    PORT: String(port),
    LEDGER_DATA_DIR: dataDir,
    LEDGER_JWT_PRIVATE_KEY: TEST_SIGNING_KEY_PEM,
    LEDGER_PUBLIC_ORIGIN: `http://localhost:${port}`,
    LOG_LEVEL: 'silent',
    ...settings,
  };
  const command = compiledCommand(compiled);
  const child = spawn(process.execPath, command.args, {
    cwd: REPOSITORY,
    env: { ...process.env, ...environment, ...command.env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? `exit code ${code}`)),
  );
  return {
    child,
    environment,
    baseUrl: `http://127.0.0.1:${port}`,
    exited,
    stderr: () => stderr,
    running: () => child.exitCode === null && child.signalCode === null,
  };
}

function stop(child: ChildProcess, signal: NodeJS.Signals, exited: Promise<string>) {
  if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  return exited;
}

/** Polls until `url` answers (true), or the process stopped or a minute passed (false). */
async function untilAnswering(url: string, running: () => boolean): Promise<boolean> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (running() && Date.now() < deadline) {
    try {
      await fetch(url);
      return true;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
  return false;
}

async function request(url: string, init: RequestInit): Promise<HttpAnswer> {
  const response = await fetch(url, init);
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  return {
    status: response.status,
    contentType,
    body: contentType.includes('json') && text ? (JSON.parse(text) as unknown) : text,
  };
}

/** Signs tokens the child accepts: the test key, with the issuer and audience it is configured with. */
function tokenSigner(environment: Record<string, string>) {
  const config = validateLedgerConfig({ ...process.env, ...environment });
  const key = createPrivateKey(TEST_SIGNING_KEY_PEM);
  return (principal: Principal) => {
    const now = Math.floor(Date.now() / 1000);
    return signToken(key, {
      iss: config.LEDGER_JWT_ISSUER,
      aud: config.LEDGER_JWT_AUDIENCE,
      sub: principal.sub,
      roles: principal.roles ?? [],
      ...(principal.partnerId !== undefined ? { partner_id: principal.partnerId } : {}),
      iat: now,
      exp: now + 3600,
    });
  };
}

/**
 * A port nobody listens on right now, below the ephemeral range (32768+ on Linux): a port the OS
 * hands out for `listen(0)` may be the local port of one of this process's own connections to
 * the ledger a moment later, and the child's listen then fails with EADDRINUSE.
 */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (await isFree(port)) return port;
  }
}

export function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    // All interfaces, as the ledger listens.
    server.listen({ port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}
