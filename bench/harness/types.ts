/**
 * The shape every benchmark suite reports in, so that `bench/run.ts` can print one table per suite
 * and write them all to `bench/results/latest.json`.
 */

/** One measured figure: the median of `runs` samples taken after the warm-up. */
export interface Measurement {
  /** What was measured, e.g. "append, 1 event per append, sequential". */
  readonly name: string;
  /** Which system: "cohesion-ledger", "raw better-sqlite3", "emmett-sqlite", "disk", "nest empty route"… */
  readonly system: string;
  /** Unit of `median` and `samples`, e.g. "events/s", "ms", "requests/s". */
  readonly unit: string;
  /** Whether bigger is better (rates) or smaller (latencies): decides how ratios read. */
  readonly better: 'higher' | 'lower';
  readonly median: number;
  /** Every sample after the warm-up, in the order taken. */
  readonly samples: readonly number[];
  /** Further figures of the same runs (medians too), e.g. { p50Ms: 1.2, p99Ms: 4.8 }. */
  readonly details?: Readonly<Record<string, number>>;
}

/** What a measurement is before it is measured. */
export type MeasurementDescription = Omit<Measurement, 'median' | 'samples' | 'details'>;

/** A ratio measured in one run, checked against the target where there is one. */
export interface Ratio {
  readonly name: string;
  /** e.g. "cohesion-ledger / raw better-sqlite3". */
  readonly of: string;
  readonly value: number;
  /** The target as text, e.g. "≥ 0.85"; absent when only reported. */
  readonly target?: string;
  readonly met?: boolean;
}

/** A threshold from the issue checked against one measurement (not a ratio). */
export interface TargetCheck {
  readonly name: string;
  readonly target: string;
  readonly actual: number;
  readonly unit: string;
  readonly met: boolean;
}

export interface SuiteResult {
  readonly suite: string;
  /** How the suite ran: events, streams, payload size, concurrency… */
  readonly setup: Readonly<Record<string, string | number | boolean>>;
  readonly measurements: readonly Measurement[];
  readonly ratios: readonly Ratio[];
  readonly targets: readonly TargetCheck[];
  /** Observations worth reading next to the figures (limits found while profiling, caveats). */
  readonly notes: readonly string[];
}

export interface SuiteOptions {
  /** Measured runs per figure (≥ 5); the median is reported. */
  readonly runs: number;
  /** Runs thrown away first. */
  readonly warmups: number;
  /** Development mode (`--quick`): fewer events; its figures are not the ones to compare. */
  readonly quick: boolean;
  /** A scratch directory the suite may fill; removed after the whole run. */
  readonly scratch: string;
  /** Progress lines for the operator (stderr); the tables are printed by the runner. */
  readonly log: (line: string) => void;
}

export type Suite = (options: SuiteOptions) => Promise<SuiteResult>;
