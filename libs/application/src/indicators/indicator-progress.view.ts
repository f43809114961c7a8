import type {
  DatedValue,
  IndicatorDirection,
  IndicatorUnit,
  MeasurementPeriod,
} from '@cohesion/domain';
import type { IndicatorView } from '@cohesion/projections';

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
  /** The stream revision the answer reflects. */
  readonly revision: string;
}

/** The progress answer, cut from the indicator as the impact read model holds it. */
export function indicatorProgressView(indicator: IndicatorView): IndicatorProgressView {
  const { indicatorId, partnershipId, code, name, status, unit, direction, baseline, target } =
    indicator;
  const { latest, progress, measurements, revision } = indicator;
  return {
    indicatorId,
    partnershipId,
    code,
    name,
    status,
    unit,
    direction,
    baseline,
    target,
    latest: latest && {
      measurementId: latest.measurementId,
      period: latest.period,
      value: latest.value,
      corrections: latest.corrections,
      source: latest.source,
      meansOfVerification: latest.meansOfVerification,
      disaggregation: latest.disaggregation,
    },
    progress,
    measurements,
    revision,
  };
}
