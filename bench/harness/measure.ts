import type { Measurement, MeasurementDescription } from './types';

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The value below which `fraction` (0–1) of the values lie (nearest rank). */
export function percentile(values: readonly number[], fraction: number): number {
  if (values.length === 0) throw new RangeError('percentile of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[rank];
}

/** Seconds elapsed while `work` ran. */
export async function timed(work: () => Promise<void> | void): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e9;
}

export interface RunSample {
  /** The figure of this run, in the measurement's unit. */
  readonly value: number;
  /** Other figures of this run; each is reported as its median over the runs. */
  readonly details?: Readonly<Record<string, number>>;
}

/**
 * Runs `once` warm-up times, then `runs` times, and reports the median of the measured runs.
 * Each call of `once` must set up its own fresh state (a new database file, say) so that runs
 * do not feed each other.
 */
export async function measure(
  description: MeasurementDescription,
  { runs, warmups }: { readonly runs: number; readonly warmups: number },
  once: () => Promise<RunSample>,
): Promise<Measurement> {
  for (let index = 0; index < warmups; index += 1) await once();
  const samples: RunSample[] = [];
  for (let index = 0; index < runs; index += 1) samples.push(await once());
  return summarise(description, samples);
}

/** The measurement of samples already taken: the median of each figure. */
export function summarise(
  description: MeasurementDescription,
  samples: readonly RunSample[],
): Measurement {
  const detailNames = [...new Set(samples.flatMap((sample) => Object.keys(sample.details ?? {})))];
  const details = Object.fromEntries(
    detailNames.map((detail) => [
      detail,
      median(samples.map((sample) => sample.details?.[detail] ?? Number.NaN)),
    ]),
  );
  return {
    ...description,
    median: median(samples.map((sample) => sample.value)),
    samples: samples.map((sample) => sample.value),
    ...(detailNames.length > 0 ? { details } : {}),
  };
}

/**
 * Like `measure`, for several systems measured side by side: they take turns (a warm-up each,
 * then run 1 of every system, run 2 of every system…), so that load on a shared machine that
 * comes and goes weighs on all of them alike and their ratios stay fair.
 */
export async function measureInTurns(
  contenders: readonly {
    readonly description: MeasurementDescription;
    readonly once: () => Promise<RunSample>;
  }[],
  { runs, warmups }: { readonly runs: number; readonly warmups: number },
): Promise<Measurement[]> {
  const samples = contenders.map((): RunSample[] => []);
  for (let index = 0; index < warmups + runs; index += 1) {
    for (const [contender, { once }] of contenders.entries()) {
      const sample = await once();
      if (index >= warmups) samples[contender].push(sample);
    }
  }
  return contenders.map(({ description }, contender) => summarise(description, samples[contender]));
}
