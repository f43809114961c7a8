import type { MachineInfo } from './machine';
import type { SuiteResult } from './types';

/** What `npm run bench` writes to bench/results/latest.json, and BENCHMARKS.md is made from. */
export interface RunResults {
  readonly machine: MachineInfo;
  /** The command line that produced these results. */
  readonly command: string;
  /** Development mode: fewer events; not figures to compare. */
  readonly quick: boolean;
  readonly runs: number;
  readonly warmups: number;
  /** Every suite the runner knows, and those this run ran (a subset when named on the command line). */
  readonly suitesKnown: readonly string[];
  readonly suitesRun: readonly string[];
  readonly durationSeconds: number;
  readonly results: readonly SuiteResult[];
  /** Suites that threw instead of reporting, with the error. */
  readonly failures: readonly { readonly suite: string; readonly error: string }[];
}
