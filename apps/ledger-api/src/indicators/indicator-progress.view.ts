import {
  AggregateNotFound,
  type DatedValue,
  type IndicatorDefinition,
  type IndicatorDirection,
  type IndicatorState,
  type IndicatorUnit,
  type Measurement,
  type MeasurementPeriod,
  progressOf,
} from '@cohesion/domain';
import type { LoadedAggregate } from '../command-side/aggregate-store';

export interface CellProgressView {
  readonly dimensions: Readonly<Record<string, string>>;
  readonly value: number;
  readonly progress: number | null;
}

export interface LatestMeasurementView {
  readonly measurementId: string;
  readonly period: MeasurementPeriod;
  /** The value as corrected, if it was. */
  readonly value: number;
  readonly corrections: number;
  readonly source: string;
  readonly meansOfVerification: string;
  readonly disaggregation: readonly CellProgressView[];
}

export interface IndicatorProgressView {
  readonly indicatorId: string;
  readonly partnershipId: string;
  readonly code: string;
  readonly name: string;
  readonly status: 'defined' | 'retired';
  readonly unit: IndicatorUnit;
  readonly direction: IndicatorDirection;
  readonly baseline: DatedValue;
  readonly target: DatedValue;
  /** The measurement of the most recent period (`null` before the first one). */
  readonly latest: LatestMeasurementView | null;
  /** (latest − baseline) / (target − baseline); `null` before the first measurement. */
  readonly progress: number | null;
  readonly measurements: number;
  /** The stream revision the answer was folded up to. */
  readonly revision: string;
}

/** Progress as the indicator's own events say it stands; 404 for an indicator never defined. */
export function indicatorProgressView(
  indicatorId: string,
  { state, revision }: LoadedAggregate<IndicatorState>,
): IndicatorProgressView {
  const { definition } = state;
  if (!definition || state.status === 'none' || revision === undefined) {
    throw new AggregateNotFound('Indicator', indicatorId);
  }
  const latest = latestMeasurement(state);
  return {
    indicatorId,
    ...pick(definition),
    status: state.status,
    latest: latest ? latestView(state, ...latest) : null,
    progress: latest ? progress(state, latest[1].value) : null,
    measurements: Object.keys(state.measurements).length,
    revision: revision.toString(),
  };
}

function pick({
  partnershipId,
  code,
  name,
  unit,
  direction,
  baseline,
  target,
}: IndicatorDefinition) {
  return { partnershipId, code, name, unit, direction, baseline, target };
}

/**
 * The latest by period, not by recording order: a late-entered earlier survey must not hide the
 * newer figure. Periods of one indicator never overlap, so their ends never tie.
 */
function latestMeasurement(state: IndicatorState): [string, Measurement] | undefined {
  let latest: [string, Measurement] | undefined;
  for (const entry of Object.entries(state.measurements)) {
    if (!latest || entry[1].period.to > latest[1].period.to) latest = entry;
  }
  return latest;
}

function latestView(
  state: IndicatorState,
  measurementId: string,
  measurement: Measurement,
): LatestMeasurementView {
  const { period, value, corrections, source, meansOfVerification } = measurement;
  return {
    measurementId,
    period,
    value,
    corrections,
    source,
    meansOfVerification,
    disaggregation: measurement.disaggregation.map((cell) => ({
      dimensions: cell.dimensions,
      value: cell.value,
      progress: progress(state, cell.value),
    })),
  };
}

/** JSON has no `undefined`: a progress that cannot be computed is `null`. */
const progress = (state: IndicatorState, actual: number) => progressOf(state, actual) ?? null;
