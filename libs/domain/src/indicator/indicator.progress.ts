import type { IndicatorState } from './indicator.state';

/** The two points that progress is measured between. */
export interface ProgressReference {
  readonly baseline: { readonly value: number };
  readonly target: { readonly value: number };
}

/**
 * (actual − baseline) / (target − baseline): 0 at the baseline, 1 on target, negative when
 * things got worse, above 1 beyond the target. Because the denominator is negative when the
 * desired direction is down (target below baseline), no special case is needed for it.
 *
 * Undefined when there is nothing to measure against: an indicator never defined, or a target
 * equal to its baseline (which the decider refuses, but this function accepts any input).
 */
export function progressOf(
  reference: IndicatorState | ProgressReference,
  actual: number,
): number | undefined {
  const points = 'status' in reference ? reference.definition : reference;
  if (!points) return undefined;
  const span = points.target.value - points.baseline.value;
  if (span === 0) return undefined;
  return (actual - points.baseline.value) / span;
}
