import { type ChildProcess, spawn } from 'node:child_process';
import { utimesSync } from 'node:fs';
import { join } from 'node:path';
import { temporaryCheckout, type TemporaryCheckout } from '../support/temporary-checkout';

const JWT = /^[\w-]+\.[\w-]+\.[\w-]+\n$/;

/**
 * `npx ledger` (bin/ledger.js): the compiled CLI, compiled by `nest build` only when it is missing
 * or older than its sources, its output kept off stdout.
 */
describe('the ledger launcher (bin/ledger.js)', () => {
  // A type-checked `nest build` takes minutes beside a CPU burner.
  jest.setTimeout(900_000);
  let copy: TemporaryCheckout;
  let checkout: string;
  let dataDir: string;

  beforeAll(() => {
    copy = temporaryCheckout('ledger-launcher-');
    checkout = copy.dir;
    dataDir = join(checkout, 'data');
  });
  afterAll(() => copy?.remove());

  const issue = ['token', 'issue', '--role', 'admin', '--sub', 'ops-city'];

  it('compiles the CLI the first time, printing only the result on stdout', async () => {
    const run = await finished(launch(issue));
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      /^compiling ledger-cli \(its sources changed since the last build\)/,
    );
    expect(run.stdout).toMatch(JWT);
  });

  it('runs the compiled CLI as it is while no source changed', async () => {
    const run = await finished(launch(issue));
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(JWT);
  });

  it('compiles again once a source is newer than the build', async () => {
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(checkout, 'libs', 'domain', 'src', 'index.ts'), later, later);
    const child = launch(issue);
    const run = finished(child);
    // Deciding to compile is what is under test here; the compiling itself was seen above.
    await untilStderr(child, /compiling ledger-cli/);
    // The launcher and the build it started (its own process group).
    process.kill(-child.pid!, 'SIGKILL');
    expect((await run).stdout).toBe('');
  });

  function launch(args: string[]): ChildProcess {
    return spawn(process.execPath, [join(checkout, 'bin', 'ledger.js'), ...args], {
      cwd: checkout,
      // The launcher's build lock goes to the temp directory: this checkout's, removed with it.
      env: { ...process.env, LEDGER_DATA_DIR: dataDir, TMPDIR: checkout },
      detached: true,
    });
  }
});

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

function finished(child: ChildProcess): Promise<Finished> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done, fail) => {
    child.on('error', fail);
    // Only the launcher's own lines: the key it generates is the CLI's, not the launcher's.
    child.on('close', (code) =>
      done({ code, stdout, stderr: stderr.replace(/^ledger: generated a .*\n/m, '') }),
    );
  });
}

function untilStderr(child: ChildProcess, pattern: RegExp): Promise<void> {
  let seen = '';
  return new Promise((done, fail) => {
    child.stderr?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (pattern.test(seen)) done();
    });
    child.on('close', () => fail(new Error(`exited without ${pattern}: ${seen}`)));
  });
}
