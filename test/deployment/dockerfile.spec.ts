import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LedgerConfig, validateLedgerConfig } from '@cohesion/application';
import { DOCKERFILE, REPOSITORY } from './deployment-files';
import {
  environmentOf,
  execForm,
  healthcheckOf,
  instructionsIn,
  lastInstruction,
  parseDockerfile,
  stageNamed,
} from './dockerfile';

describe('parseDockerfile', () => {
  const stages = parseDockerfile(
    [
      '# syntax=docker/dockerfile:1',
      'ARG BASE=node:20-slim',
      'FROM node:20-slim AS build',
      'RUN apt-get update \\',
      '  # a comment inside a continuation',
      '  && apt-get install -y g++',
      '',
      'from node:20-slim as runtime',
      'ENV A=1 B="two words"',
      'ENV LEGACY some value',
      'HEALTHCHECK --interval=5s --retries=2 CMD ["node", "-e", "1"]',
      'CMD ["node", "main.js"]',
    ].join('\n'),
  );

  it('groups instructions by stage, joining continuations and skipping comments', () => {
    expect(stages.map(({ image, name }) => ({ image, name }))).toEqual([
      { image: 'node:20-slim', name: 'build' },
      { image: 'node:20-slim', name: 'runtime' },
    ]);
    expect(stages[0].instructions).toEqual([
      { keyword: 'RUN', args: 'apt-get update && apt-get install -y g++', line: 4 },
    ]);
  });

  it('reads ENV in both forms, HEALTHCHECK options and exec forms', () => {
    const runtime = stageNamed(stages, 'runtime');
    expect(environmentOf(runtime)).toEqual({ A: '1', B: 'two words', LEGACY: 'some value' });
    expect(healthcheckOf(lastInstruction(runtime, 'HEALTHCHECK'))).toEqual({
      options: { interval: '5s', retries: '2' },
      command: ['node', '-e', '1'],
    });
    expect(execForm(lastInstruction(runtime, 'CMD').args)).toEqual(['node', 'main.js']);
  });

  it('refuses what it cannot read', () => {
    expect(() => parseDockerfile('RUN true\nFROM x')).toThrow(/line 1: RUN before the first FROM/);
    expect(() => parseDockerfile('FROM x\nRUN a \\')).toThrow(/line 2: .* ends with "\\"/);
    expect(() => execForm('node main.js')).toThrow(/not an exec form/);
  });
});

const packageJson = (): unknown =>
  JSON.parse(readFileSync(join(REPOSITORY, 'package.json'), 'utf8'));

describe('docker/Dockerfile', () => {
  const stages = parseDockerfile(readFileSync(DOCKERFILE, 'utf8'));
  const build = stageNamed(stages, 'build');
  const runtime = stageNamed(stages, 'runtime');
  const runs = (stage = build) => instructionsIn(stage, 'RUN').map(({ args }) => args);

  it('builds on Node 20 slim images of one pinned version, and runs the last stage', () => {
    expect(stages.at(-1)).toBe(runtime);
    expect(runtime.image).toMatch(/^node:20\.\d+\.\d+-slim$/);
    expect(build.image).toBe(runtime.image);
  });

  it('compiles the SQLite driver from source, installing exactly the locked dependencies', () => {
    const copied = instructionsIn(build, 'COPY').map(({ args }) => args.split(/\s+/));
    expect(copied[0]).toEqual(['package.json', 'package-lock.json', '.npmrc', './']);
    expect(runs().some((run) => /apt-get install .*python3.*make.*g\+\+/.test(run))).toBe(true);
    expect(runs()).toContainEqual(expect.stringMatching(/^npm ci\b/));
  });

  it('runs install scripts only for the packages package.json allows', () => {
    const { allowScripts } = packageJson() as { allowScripts: Record<string, boolean> };
    const allowed = Object.keys(allowScripts).filter((name) => allowScripts[name]);
    const install = runs().find((run) => run.startsWith('npm ci')) ?? '';
    expect(install).toMatch(/^npm ci --ignore-scripts\b/);
    const rebuilt = /&& npm rebuild ([^&]+)/.exec(install)?.[1].trim().split(/\s+/);
    expect(rebuilt?.sort()).toEqual(allowed.sort());
  });

  it("builds the API with the repository's build script, and the CLI, then drops dev packages", () => {
    const [compile] = runs().filter((run) => run.includes('npm run build'));
    expect(compile).toMatch(/nest build ledger-cli\b/);
    expect(runs()).toContainEqual(expect.stringMatching(/^npm prune --omit=dev\b/));
  });

  it('runs as a user that is not root, with the data directory as a volume', () => {
    const user = lastInstruction(runtime, 'USER').args;
    expect(['root', '0']).not.toContain(user.split(':')[0]);
    const { LEDGER_DATA_DIR } = environmentOf(runtime);
    expect(lastInstruction(runtime, 'VOLUME').args).toBe(LEDGER_DATA_DIR);
    expect(runs(runtime).join('\n')).toContain(`chown ${user}:${user} "$LEDGER_DATA_DIR"`);
  });

  it('exposes the port it listens on, and gives the API only real, valid settings', () => {
    const environment = environmentOf(runtime);
    const settings = new Set(Object.keys(new LedgerConfig()));
    expect(Object.keys(environment).filter((name) => !settings.has(name))).toEqual([]);
    const { PORT } = validateLedgerConfig(environment);
    expect(lastInstruction(runtime, 'EXPOSE').args).toBe(String(PORT));
  });

  it('checks its health with node (no curl in slim images), and starts as start:prod does', () => {
    const { options, command } = healthcheckOf(lastInstruction(runtime, 'HEALTHCHECK'));
    expect(command[0]).toBe('node');
    expect(command.join(' ')).toContain('/health');
    expect(Object.keys(options).sort()).toEqual(['interval', 'retries', 'start-period', 'timeout']);
    const { scripts } = packageJson() as { scripts: Record<string, string> };
    expect(execForm(lastInstruction(runtime, 'CMD').args).join(' ')).toBe(scripts['start:prod']);
  });

  it('puts the CLI on the PATH as `ledger`, running the CLI the build stage compiled', () => {
    const copy = instructionsIn(runtime, 'COPY').find(({ args }) =>
      args.endsWith(' /usr/local/bin/ledger'),
    );
    expect(copy?.args).toMatch(/--chmod=755 docker\/ledger /);
    const workdir = lastInstruction(runtime, 'WORKDIR').args;
    const script = readFileSync(join(REPOSITORY, 'docker', 'ledger'), 'utf8');
    expect(script).toContain(`exec node ${workdir}/dist-cli/apps/ledger-cli/src/main.js "$@"`);
    expect(runs().join('\n')).toMatch(/nest build ledger-cli\b/);
    const cliBuild = JSON.parse(
      readFileSync(join(REPOSITORY, 'apps', 'ledger-cli', 'tsconfig.app.json'), 'utf8'),
    ) as { compilerOptions: { outDir: string } };
    expect(cliBuild.compilerOptions.outDir).toBe('../../dist-cli');
  });
});

describe('.dockerignore', () => {
  const patterns = readFileSync(join(REPOSITORY, '.dockerignore'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));

  it.each(['node_modules', 'data', 'dist', 'bench/node_modules', '.git', '.env'])(
    'keeps %s out of the build context',
    (path) => expect(patterns).toContain(path),
  );

  it('keeps in it every file the Dockerfile copies from the context', () => {
    const sources = parseDockerfile(readFileSync(DOCKERFILE, 'utf8'))
      .flatMap((stage) => instructionsIn(stage, 'COPY'))
      .filter(({ args }) => !args.includes('--from='))
      .flatMap(({ args }) =>
        args
          .split(/\s+/)
          .filter((part) => !part.startsWith('--'))
          .slice(0, -1),
      );
    expect(sources).toEqual(expect.arrayContaining(['apps', 'libs', 'docker/ledger']));
    const excluded = (source: string) =>
      patterns.some((pattern) => source === pattern || source.startsWith(`${pattern}/`));
    expect(sources.filter(excluded)).toEqual([]);
    expect(patterns.some((pattern) => pattern.startsWith('!'))).toBe(false);
  });
});
