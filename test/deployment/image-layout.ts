import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { REPOSITORY } from './deployment-files';

/**
 * A directory laid out as the image's WORKDIR: `dist/` (the API), `dist-cli/` (the CLI) and
 * `node_modules/`, built by the same Nest builds as the Dockerfile's. The outputs go to a temp
 * directory, not to the repository's `dist/`, which a developer's `npm start` may be rebuilding.
 */
export interface ImageLayout {
  readonly workdir: string;
  remove(): void;
}

export async function buildImageLayout(): Promise<ImageLayout> {
  const workdir = mkdtempSync(join(tmpdir(), 'ledger-image-layout-'));
  try {
    // `npm run build` is `nest build ledger-api`; --path only moves its output.
    await run('npm', ['run', '-s', 'build', '--', ...outputTo(workdir, 'ledger-api', 'dist')]);
    await run('npx', [
      'nest',
      'build',
      'ledger-cli',
      ...outputTo(workdir, 'ledger-cli', 'dist-cli'),
    ]);
    symlinkSync(join(REPOSITORY, 'node_modules'), join(workdir, 'node_modules'), 'dir');
  } catch (error) {
    rmSync(workdir, { recursive: true, force: true });
    throw error;
  }
  return { workdir, remove: () => rmSync(workdir, { recursive: true, force: true }) };
}

/** `--path` to a tsconfig that is the app's own with another outDir. */
function outputTo(workdir: string, app: string, outDir: string): string[] {
  const tsconfig = join(workdir, `tsconfig.${app}.json`);
  const config = {
    extends: join(REPOSITORY, 'apps', app, 'tsconfig.app.json'),
    compilerOptions: {
      outDir: join(workdir, outDir),
      // Types are looked up from the tsconfig's folder, which is no longer the repository.
      typeRoots: [join(REPOSITORY, 'node_modules', '@types')],
    },
  };
  writeFileSync(tsconfig, JSON.stringify(config));
  // The Nest CLI resolves --path against the working directory.
  return ['--path', relative(REPOSITORY, tsconfig)];
}

async function run(command: string, args: string[]): Promise<void> {
  try {
    await promisify(execFile)(command, args, { cwd: REPOSITORY, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed:\n${stdout}${stderr}`.slice(0, 8000), {
      cause: error,
    });
  }
}
