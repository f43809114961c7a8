import type { IndicatorUnit } from '@cohesion/domain';
import type { CellView, IndicatorView, MeasurementWithHistoryView } from '@cohesion/projections';
import { plainDecimal } from './csv';
import { type Column, columnsOf, joined } from './export-columns';

/** `likert 1-5`, `percent`: the unit in words a cell can hold. */
function unitOf(unit: IndicatorUnit): string {
  return unit.kind === 'likert' ? `likert ${unit.scale.min}-${unit.scale.max}` : unit.kind;
}

const i = columnsOf<IndicatorView>();

/** Indicators, one record per indicator with its latest measurement, as GET /indicators lists them. */
export const INDICATOR_COLUMNS: readonly Column<IndicatorView>[] = [
  i.text('indicatorId', (row) => row.indicatorId),
  i.text('partnershipId', (row) => row.partnershipId),
  i.name('partnershipName', (row, names) => names.partnership(row.partnershipId)),
  i.text('code', (row) => row.code),
  i.text('name', (row) => row.name),
  i.text('status', (row) => row.status),
  i.text('unit', (row) => unitOf(row.unit)),
  i.text('direction', (row) => row.direction),
  i.text('frequency', (row) => row.frequency),
  i.text('dimensions', (row) => joined(row.dimensions)),
  i.decimal('baselineValue', (row) => row.baseline.value),
  i.date('baselineDate', (row) => row.baseline.date),
  i.decimal('targetValue', (row) => row.target.value),
  i.date('targetDate', (row) => row.target.date),
  i.integer('measurements', (row) => row.measurements),
  i.text('latestMeasurementId', (row) => row.latest?.measurementId ?? null),
  i.date('latestPeriodFrom', (row) => row.latest?.period.from ?? null),
  i.date('latestPeriodTo', (row) => row.latest?.period.to ?? null),
  i.decimal('latestValue', (row) => row.latest?.value ?? null),
  i.decimal('progress', (row) => row.progress),
  i.instant('definedAt', (row) => row.definedAt),
  i.instant('retiredAt', (row) => row.retiredAt),
  i.text('retirementReason', (row) => row.retirementReason),
  i.integer('revision', (row) => Number(row.revision)),
];

/** A measurement with the indicator it measures: one record of the measurements export. */
export interface IndicatorMeasurementView extends MeasurementWithHistoryView {
  readonly indicatorId: string;
  readonly partnershipId: string;
  readonly code: string;
  readonly indicatorName: string;
  readonly unit: IndicatorUnit;
}

export function measurementsOf(
  indicator: IndicatorView,
  series: readonly MeasurementWithHistoryView[],
): IndicatorMeasurementView[] {
  const { indicatorId, partnershipId, code, name, unit } = indicator;
  return series.map((measurement) => ({
    indicatorId,
    partnershipId,
    code,
    indicatorName: name,
    unit,
    ...measurement,
  }));
}

/** `neighbourhood=Les Tilleuls, age_group=15-24: 41; …`: a breakdown in one cell. */
function breakdownOf(cells: readonly CellView[]): string | null {
  return joined(
    cells.map(
      ({ dimensions, value }) =>
        `${Object.entries(dimensions)
          .map(([dimension, label]) => `${dimension}=${label}`)
          .join(', ')}: ${plainDecimal(value)}`,
    ),
    '; ',
  );
}

const m = columnsOf<IndicatorMeasurementView>();

/**
 * Measurements, one record per measurement as it stands after its corrections, of the indicators
 * GET /indicators lists (each indicator's series, as GET /indicators/:id has it).
 */
export const MEASUREMENT_COLUMNS: readonly Column<IndicatorMeasurementView>[] = [
  m.text('indicatorId', (row) => row.indicatorId),
  m.text('code', (row) => row.code),
  m.text('indicatorName', (row) => row.indicatorName),
  m.text('partnershipId', (row) => row.partnershipId),
  m.name('partnershipName', (row, names) => names.partnership(row.partnershipId)),
  m.text('unit', (row) => unitOf(row.unit)),
  m.text('measurementId', (row) => row.measurementId),
  m.date('periodFrom', (row) => row.period.from),
  m.date('periodTo', (row) => row.period.to),
  m.decimal('value', (row) => row.value),
  m.decimal('progress', (row) => row.progress),
  m.text('breakdown', (row) => breakdownOf(row.disaggregation)),
  m.integer('corrections', (row) => row.corrections),
  m.text('source', (row) => row.source),
  m.text('meansOfVerification', (row) => row.meansOfVerification),
  m.instant('recordedAt', (row) => row.recordedAt),
  m.instant('correctedAt', (row) => row.correctedAt),
];
