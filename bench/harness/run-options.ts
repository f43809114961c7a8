import { parseArgs } from 'node:util';

export interface RunOptions {
  /** Suites to run, in the runner's order; all when none is named. */
  readonly suites: readonly string[];
  readonly quick: boolean;
  readonly runs: number;
  readonly warmups: number;
  /** Only rewrite BENCHMARKS.md from bench/results/latest.json. */
  readonly renderOnly: boolean;
}

export const USAGE = `npm run bench -- [suite…] [--quick] [--runs N] [--warmups N] [--render]
  suite…       run only these suites (default: all)
  --quick      fewer events for development (also BENCH_QUICK=1); writes bench/results/quick.json
  --runs N     measured runs per figure, at least 5 (default 5; 3 allowed with --quick)
  --warmups N  runs thrown away first (default 1)
  --render     only rewrite BENCHMARKS.md from bench/results/latest.json`;

const MIN_RUNS = 5;
const MIN_QUICK_RUNS = 3;

/** Reads the command line; bad input is a RangeError whose message says what is wrong. */
export function runOptions(argv: readonly string[], known: readonly string[]): RunOptions {
  const { values, positionals } = parsed(argv);
  const unknown = positionals.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new RangeError(`unknown suite ${unknown.join(', ')}; known: ${known.join(', ')}`);
  }
  const quick = values.quick;
  const runs = count('--runs', values.runs ?? (quick ? String(MIN_QUICK_RUNS) : String(MIN_RUNS)));
  const least = quick ? MIN_QUICK_RUNS : MIN_RUNS;
  if (runs < least) throw new RangeError(`--runs must be at least ${least}`);
  return {
    suites: known.filter((name) => positionals.length === 0 || positionals.includes(name)),
    quick,
    runs,
    warmups: count('--warmups', values.warmups),
    renderOnly: values.render,
  };
}

function parsed(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        quick: { type: 'boolean', default: process.env.BENCH_QUICK === '1' },
        runs: { type: 'string' },
        warmups: { type: 'string', default: '1' },
        render: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new RangeError(error instanceof Error ? error.message : String(error));
  }
}

function count(flag: string, text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value)) {
    throw new RangeError(`${flag} must be a whole number, got ${text}`);
  }
  return value;
}
