/**
 * `npm run bench`: runs the benchmark suites in order, prints one table per suite, writes
 * bench/results/latest.json (machine, versions, every figure) and rewrites BENCHMARKS.md from it.
 * See bench/README.md.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { benchmarksMarkdown } from './harness/benchmarks-markdown';
import { machineInfo } from './harness/machine';
import { type RunOptions, runOptions, USAGE } from './harness/run-options';
import type { RunResults } from './harness/run-results';
import { measurementsTable, ratiosTable, renderText, setupLine } from './harness/tables';
import type { Suite, SuiteResult } from './harness/types';
import { httpSuite } from './suites/http';
import { projectionRebuildSuite } from './suites/projection-rebuild';
import { queriesSuite } from './suites/queries';
import { storeAppendsSuite } from './suites/store-appends';
import { storeReadsSuite } from './suites/store-reads';
import { webPagesSuite } from './suites/web-pages';
import { personalDataSuite } from './suites/personal-data';

/** Every suite, in the order they run; a new suite is one more line here. */
const SUITES: Readonly<Record<string, Suite>> = {
  'store-appends': storeAppendsSuite,
  'store-reads': storeReadsSuite,
  'projection-rebuild': projectionRebuildSuite,
  http: httpSuite,
  queries: queriesSuite,
  'web-pages': webPagesSuite,
  'personal-data': personalDataSuite,
};

const ROOT = join(__dirname, '..');
const RESULTS = join(ROOT, 'bench', 'results');
const LATEST = join(RESULTS, 'latest.json');
const BENCHMARKS = join(ROOT, 'BENCHMARKS.md');

/** BENCHMARKS.md from the results, formatted as `npm run format:check` expects. */
async function writeBenchmarks(run: RunResults): Promise<void> {
  const config = await resolveConfig(BENCHMARKS);
  writeFileSync(
    BENCHMARKS,
    await format(benchmarksMarkdown(run), { ...config, filepath: BENCHMARKS }),
  );
  log(`wrote ${BENCHMARKS}`);
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

function printSuite(suite: SuiteResult): void {
  console.log(`\n== ${suite.suite} (${setupLine(suite)})\n`);
  console.log(renderText(measurementsTable(suite)));
  console.log('');
  console.log(renderText(ratiosTable(suite)));
}

async function runSuites(options: RunOptions, scratch: string): Promise<RunResults> {
  const started = process.hrtime.bigint();
  const machine = await machineInfo();
  const results: SuiteResult[] = [];
  const failures: { suite: string; error: string }[] = [];
  for (const name of options.suites) {
    log(`${name}…`);
    const suiteScratch = join(scratch, name);
    mkdirSync(suiteScratch);
    const started = process.hrtime.bigint();
    try {
      const result = await SUITES[name]({ ...options, scratch: suiteScratch, log });
      results.push(result);
      printSuite(result);
      // Which suites the ten minutes go to (shared set-up, such as the million-event log, counts for the first to ask).
      log(`${name}: ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(0)} s`);
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      failures.push({ suite: name, error: message });
      log(`${name} failed: ${message}`);
    }
  }
  return {
    machine,
    command: ['npm run bench --', ...process.argv.slice(2)].join(' '),
    quick: options.quick,
    runs: options.runs,
    warmups: options.warmups,
    suitesKnown: Object.keys(SUITES),
    suitesRun: options.suites,
    durationSeconds: Number(process.hrtime.bigint() - started) / 1e9,
    results,
    failures,
  };
}

async function main(): Promise<number> {
  const options = runOptions(process.argv.slice(2), Object.keys(SUITES));
  if (options.renderOnly) {
    await writeBenchmarks(JSON.parse(readFileSync(LATEST, 'utf8')) as RunResults);
    return 0;
  }
  const scratch = mkdtempSync(join(process.env.BENCH_SCRATCH ?? tmpdir(), 'ledger-bench-'));
  try {
    const run = await runSuites(options, scratch);
    mkdirSync(RESULTS, { recursive: true });
    const file = options.quick ? join(RESULTS, 'quick.json') : LATEST;
    writeFileSync(file, `${JSON.stringify(run, null, 2)}\n`);
    log(`wrote ${file}`);
    if (!options.quick) await writeBenchmarks(run);
    return run.failures.length === 0 ? 0 : 1;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    log(error instanceof RangeError ? `${error.message}\n\n${USAGE}` : String(error));
    process.exitCode = 1;
  },
);
