import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { REPOSITORY, runtimeStage } from './deployment-files';
import { environmentOf, execForm, healthcheckOf, lastInstruction } from './dockerfile';
import { buildImageLayout, type ImageLayout } from './image-layout';

/** Generous: a loaded CI machine may take seconds to start Nest. */
const START_TIMEOUT_MS = 60_000;

/**
 * What the image does, run here without Docker: its CMD, read from docker/Dockerfile, started in
 * a directory laid out as its WORKDIR with the image's ENV; its HEALTHCHECK command run against
 * it; and the `ledger` CLI the image puts on the PATH, against the same data directory.
 */
describe('the image, run without Docker', () => {
  const runtime = runtimeStage();
  const workdir = lastInstruction(runtime, 'WORKDIR').args;
  /** A path inside the image, as a path inside the layout. */
  const inLayout = (imagePath: string) => join(layout.workdir, relative(workdir, imagePath));
  /** `node …` as the image runs it: the same node binary running these tests. */
  const asHere = ([program, ...args]: string[]) => {
    expect(program).toBe('node');
    return [process.execPath, ...args] as const;
  };
  let layout: ImageLayout;
  let environment: NodeJS.ProcessEnv;
  let api: ChildProcess;
  let exited: Promise<number | null>;
  let stderr = '';

  beforeAll(async () => {
    layout = await buildImageLayout();
    environment = {
      PATH: process.env.PATH,
      ...environmentOf(runtime),
      LEDGER_DATA_DIR: join(layout.workdir, 'data'),
      PORT: String(await freePort()),
      LOG_LEVEL: 'silent',
    };
    const [program, ...args] = asHere(execForm(lastInstruction(runtime, 'CMD').args));
    api = spawn(program, args, {
      cwd: layout.workdir,
      env: environment,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    api.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + String(chunk)).slice(-4000)));
    exited = new Promise((resolve) => api.once('exit', resolve));
  }, 240_000);

  afterAll(async () => {
    if (api && api.exitCode === null) {
      api.kill('SIGTERM');
      await exited;
    }
    layout?.remove();
  });

  const healthUrl = () => `http://127.0.0.1:${environment.PORT}/health`;

  it("starts with the image's CMD and answers GET /health with 200", async () => {
    expect(await untilHealthy(healthUrl(), api)).toBe(200);
  });

  it("passes the image's HEALTHCHECK, which fails when nothing answers", async () => {
    const { command } = healthcheckOf(lastInstruction(runtime, 'HEALTHCHECK'));
    const [program, ...args] = asHere(command);
    const healthcheck = (port: string) =>
      promisify(execFile)(program, args, {
        cwd: layout.workdir,
        env: { ...environment, PORT: port },
      })
        .then(() => 0)
        .catch((error: { code?: number }) => error.code ?? -1);
    expect(await untilHealthy(healthUrl(), api)).toBe(200);
    expect(await healthcheck(environment.PORT ?? '')).toBe(0);
    expect(await healthcheck(String(await freePort()))).toBe(1);
  });

  it('runs the `ledger` CLI of the image, whose tokens the API accepts', async () => {
    const script = readFileSync(join(REPOSITORY, 'docker', 'ledger'), 'utf8');
    const [, cliMain] = /^exec node (\S+) "\$@"$/m.exec(script) ?? [];
    expect(cliMain).toBeDefined();
    expect(await untilHealthy(healthUrl(), api)).toBe(200);
    const issue = ['token', 'issue', '--role', 'admin', '--sub', 'ops-city'];
    const { stdout } = await promisify(execFile)(process.execPath, [inLayout(cliMain), ...issue], {
      cwd: layout.workdir,
      env: environment,
    });
    const token = stdout.trim();
    const answer = await fetch(`http://127.0.0.1:${environment.PORT}/partnerships`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(answer.status).toBe(200);
  });

  /** Polls until /health answers, and gives its status; the process's stderr if it stopped. */
  async function untilHealthy(url: string, child: ChildProcess): Promise<number> {
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (child.exitCode === null && Date.now() < deadline) {
      const status = await fetch(url).then(
        (response) => response.status,
        () => undefined,
      );
      if (status === 200) return status;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`the API did not become healthy (exit code ${child.exitCode}): ${stderr}`);
  }
});

/** A port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
