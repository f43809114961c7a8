import { backfillMarkOf } from '../projection-kit';
import {
  type DisaggregatedValue,
  type IndicatorDirection,
  type IndicatorFrequency,
  type IndicatorUnit,
  progressOf,
  type ProgressReference,
} from '@cohesion/domain';
import { roundedRatio } from '../projection-kit';
import { fromJsonColumn } from '../sql-kit';
import type { CellView, IndicatorView, MeasurementView } from './impact.views';

export interface MeasurementRow {
  readonly measurement_id: string;
  readonly period_from: string;
  readonly period_to: string;
  readonly value: number;
  readonly disaggregation: string;
  readonly source: string;
  readonly means_of_verification: string;
  readonly corrections: number;
  readonly recorded_at: string;
  readonly backfill_reason: string | null;
  readonly corrected_at: string | null;
}

export interface IndicatorRow {
  readonly indicator_id: string;
  readonly partnership_id: string;
  readonly code: string;
  readonly name: string;
  readonly unit: string;
  readonly baseline_value: number;
  readonly baseline_date: string;
  readonly target_value: number;
  readonly target_date: string;
  readonly direction: IndicatorDirection;
  readonly frequency: IndicatorFrequency;
  readonly dimensions: string;
  readonly status: 'defined' | 'retired';
  readonly retirement_reason: string | null;
  readonly retired_at: string | null;
  readonly defined_at: string;
  readonly revision: number;
  readonly measurements: number;
  readonly latest_measurement_id: string | null;
}

/**
 * Rounded like every ratio the read models answer; JSON has no `undefined`: a progress that
 * cannot be computed is `null`.
 */
const progress = (reference: ProgressReference, actual: number) => {
  const exact = progressOf(reference, actual);
  return exact === undefined ? null : roundedRatio(exact);
};

export function referenceOf(row: IndicatorRow): ProgressReference {
  return { baseline: { value: row.baseline_value }, target: { value: row.target_value } };
}

export function cellsOf(reference: ProgressReference, json: string): CellView[] {
  return fromJsonColumn<DisaggregatedValue[]>(json).map(({ dimensions, value }) => ({
    dimensions,
    value,
    progress: progress(reference, value),
  }));
}

export function measurementView(
  reference: ProgressReference,
  row: MeasurementRow,
): MeasurementView {
  return {
    measurementId: row.measurement_id,
    period: { from: row.period_from, to: row.period_to },
    value: row.value,
    progress: progress(reference, row.value),
    corrections: row.corrections,
    source: row.source,
    meansOfVerification: row.means_of_verification,
    disaggregation: cellsOf(reference, row.disaggregation),
    recordedAt: row.recorded_at,
    ...backfillMarkOf(row.backfill_reason),
    correctedAt: row.corrected_at,
  };
}

/** `latest` is the row of the measurement whose period is the most recent, if any. */
export function indicatorView(
  row: IndicatorRow,
  latest: MeasurementRow | undefined,
): IndicatorView {
  const reference = referenceOf(row);
  return {
    indicatorId: row.indicator_id,
    partnershipId: row.partnership_id,
    code: row.code,
    name: row.name,
    status: row.status,
    unit: fromJsonColumn<IndicatorUnit>(row.unit),
    direction: row.direction,
    frequency: row.frequency,
    dimensions: fromJsonColumn<string[]>(row.dimensions),
    baseline: { value: row.baseline_value, date: row.baseline_date },
    target: { value: row.target_value, date: row.target_date },
    definedAt: row.defined_at,
    retiredAt: row.retired_at,
    retirementReason: row.retirement_reason,
    measurements: row.measurements,
    latest: latest ? measurementView(reference, latest) : null,
    progress: latest ? progress(reference, latest.value) : null,
    revision: String(row.revision),
  };
}
