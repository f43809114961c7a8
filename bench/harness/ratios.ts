import type { Measurement, Ratio, TargetCheck } from './types';

/** A bound from the issue: the figure must be at least or at most `value`. */
export interface Threshold {
  readonly atLeast?: number;
  readonly atMost?: number;
}

export function describeThreshold({ atLeast, atMost }: Threshold): string {
  const bound = (sign: string, value?: number) =>
    value === undefined ? '' : `${sign} ${value.toLocaleString('en-US')}`;
  return [bound('≥', atLeast), bound('≤', atMost)].filter(Boolean).join(' and ');
}

export function meets(value: number, { atLeast, atMost }: Threshold): boolean {
  return (atLeast === undefined || value >= atLeast) && (atMost === undefined || value <= atMost);
}

/** The measurement of `system` named `name`; throws when the suite did not take it. */
export function measurementOf(
  measurements: readonly Measurement[],
  name: string,
  system: string,
): Measurement {
  const found = measurements.find((m) => m.name === name && m.system === system);
  if (!found) throw new Error(`no measurement "${name}" of ${system}`);
  return found;
}

/**
 * How `system` compares with `other` on figure `name`, read so that above 1 means `system` is
 * better: system ÷ other for rates, other ÷ system for latencies.
 */
export function ratioOf(
  measurements: readonly Measurement[],
  name: string,
  [system, other]: readonly [string, string],
  threshold?: Threshold,
): Ratio {
  return ratioBetween(
    name,
    measurementOf(measurements, name, system),
    measurementOf(measurements, name, other),
    threshold,
  );
}

/**
 * How measurement `ours` compares with `theirs` (of different figures, say a route of the API
 * and a peer's hello-world route), read so that above 1 means `ours` is better.
 */
export function ratioBetween(
  name: string,
  ours: Measurement,
  theirs: Measurement,
  threshold?: Threshold,
): Ratio {
  const value =
    ours.better === 'higher' ? ours.median / theirs.median : theirs.median / ours.median;
  return {
    name,
    of: `${ours.system} / ${theirs.system}`,
    value,
    ...(threshold ? { target: describeThreshold(threshold), met: meets(value, threshold) } : {}),
  };
}

export function targetCheck(
  name: string,
  actual: number,
  unit: string,
  threshold: Threshold,
): TargetCheck {
  return {
    name,
    target: describeThreshold(threshold),
    actual,
    unit,
    met: meets(actual, threshold),
  };
}
