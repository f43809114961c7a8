'use strict';
/**
 * The compiled code of a Nest project of this repository (ledger-api, ledger-cli), compiled first
 * with `nest build` when it is missing or older than its sources: the launchers (`npm start`,
 * `npx ledger`) then start in about a second, where ts-node compiled everything at every start.
 * Plain JavaScript, since it runs before anything is compiled.
 */
const { spawnSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const {
  existsSync,
  readdirSync,
  readFileSync,
  statSync,
  utimesSync,
  writeFileSync,
} = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const Database = require('better-sqlite3');

const ROOT = join(__dirname, '..');
/** What a build reads besides the sources (changed options call for a new build too). */
const SETTINGS = ['tsconfig.json', 'nest-cli.json'];

/** The path of `project`'s compiled main.js, building it first when needed. */
function compiledMain(project) {
  const tsconfig = join('apps', project, 'tsconfig.app.json');
  // The app's tsconfig has rootDir ../.., so the output mirrors the repository's layout.
  const outDir = join(ROOT, 'apps', project, JSON.parse(read(tsconfig)).compilerOptions.outDir);
  const main = join(outDir, 'apps', project, 'src', 'main.js');
  // Written once a build succeeds, dated from its start: `nest build` empties outDir first, so a
  // build that failed or was interrupted leaves none, and a source saved during a build is newer.
  const stamp = join(outDir, `.${project}.built`);
  const sources = [join(ROOT, 'apps', project, 'src'), join(ROOT, 'libs')];
  const settings = [...SETTINGS, tsconfig].map((file) => join(ROOT, file));
  const isFresh = () =>
    existsSync(main) &&
    existsSync(stamp) &&
    statSync(stamp).mtimeMs >= Math.max(...[...sources, ...settings].map(newestChange));
  if (isFresh()) return main;
  const status = withBuildLock(project, () => {
    // Another launcher may have built it while this one waited for the lock.
    if (isFresh()) return 0;
    const started = new Date();
    process.stderr.write(`compiling ${project} (its sources changed since the last build)…\n`);
    const nest = require.resolve('@nestjs/cli/bin/nest.js', { paths: [ROOT] });
    // stdout is the program's own (`$(npx ledger token issue …)` captures it): the build's goes
    // to stderr.
    const build = spawnSync(process.execPath, [nest, 'build', project], {
      cwd: ROOT,
      stdio: ['ignore', 2, 2],
    });
    if (build.status !== 0) return build.status ?? 1;
    writeFileSync(stamp, `${started.toISOString()}\n`);
    utimesSync(stamp, started, started);
    return 0;
  });
  if (status !== 0) {
    process.stderr.write(`${project}: \`nest build ${project}\` failed (see above)\n`);
    process.exit(status);
  }
  return main;
}

/**
 * The latest modification under `path`: files and folders (a deleted file changes its folder),
 * but not the specs, which no build compiles.
 */
function newestChange(path) {
  if (!existsSync(path) || path.endsWith('.spec.ts')) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestChange(join(path, name))),
    stats.mtimeMs,
  );
}

/**
 * Runs `build` holding an exclusive lock (on a SQLite file: closing it or the end of the process
 * gives the lock back), so that two launchers started together build once, not over each other.
 */
function withBuildLock(project, build) {
  // One per checkout, outside it: nothing to ignore, nothing shared with another checkout.
  const checkout = createHash('sha256').update(ROOT).digest('hex').slice(0, 16);
  const file = join(tmpdir(), `cohesion-ledger-${checkout}-${project}.build.lock`);
  // A build takes minutes on a loaded machine; the other launcher waits that long.
  const lock = new Database(file, { timeout: 15 * 60 * 1000 });
  try {
    lock.pragma('journal_mode = MEMORY');
    lock.exec('BEGIN EXCLUSIVE');
    return build();
  } finally {
    lock.close();
  }
}

const read = (file) => readFileSync(join(ROOT, file), 'utf8');

module.exports = { compiledMain };
