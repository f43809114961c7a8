import type Database from 'better-sqlite3';
import { cachedStatement, when, whereOf } from '../sql-kit';
import { feedbackSummary } from './impact-feedback.queries';
import {
  cellsOf,
  type IndicatorRow,
  indicatorView,
  type MeasurementRow,
  measurementView,
  referenceOf,
} from './impact-rows';
import type {
  IndicatorDetailView,
  IndicatorView,
  MeasurementVersionView,
  PartnershipImpactView,
} from './impact.views';

export interface IndicatorFilters {
  readonly partnershipId?: string;
  /** Only these partnerships (a reader's scope); none when empty. */
  readonly partnershipIn?: readonly string[];
  readonly status?: IndicatorView['status'];
  /** The id of the last indicator of the previous page (indicators are listed by id). */
  readonly after?: string;
  readonly limit: number;
}

function indicatorRow(db: Database.Database, indicatorId: string) {
  return cachedStatement(db, 'SELECT * FROM impact_indicators WHERE indicator_id = ?').get(
    indicatorId,
  ) as IndicatorRow | undefined;
}

function measurementRow(db: Database.Database, indicatorId: string, measurementId: string) {
  return cachedStatement(
    db,
    'SELECT * FROM impact_measurements WHERE indicator_id = ? AND measurement_id = ?',
  ).get(indicatorId, measurementId) as MeasurementRow | undefined;
}

function withLatest(db: Database.Database, row: IndicatorRow): IndicatorView {
  const latest =
    row.latest_measurement_id === null
      ? undefined
      : measurementRow(db, row.indicator_id, row.latest_measurement_id);
  return indicatorView(row, latest);
}

export function findIndicator(
  db: Database.Database,
  indicatorId: string,
): IndicatorView | undefined {
  const row = indicatorRow(db, indicatorId);
  return row && withLatest(db, row);
}

/** The indicator with every measurement in period order, each with the values it had. */
export function findIndicatorDetail(
  db: Database.Database,
  indicatorId: string,
): IndicatorDetailView | undefined {
  const row = indicatorRow(db, indicatorId);
  if (!row) return undefined;
  const reference = referenceOf(row);
  const measurements = cachedStatement(
    db,
    'SELECT * FROM impact_measurements WHERE indicator_id = ? ORDER BY period_from',
  ).all(indicatorId) as MeasurementRow[];
  const versions = cachedStatement(
    db,
    `SELECT * FROM impact_measurement_versions WHERE indicator_id = ?
     ORDER BY measurement_id, version`,
  ).all(indicatorId) as VersionRow[];
  const history = new Map<string, MeasurementVersionView[]>();
  for (const version of versions) {
    const list = history.get(version.measurement_id) ?? [];
    list.push({
      version: version.version,
      value: version.value,
      disaggregation: cellsOf(reference, version.disaggregation),
      reason: version.reason,
      recordedAt: version.recorded_at,
      recordedBy: version.recorded_by,
    });
    history.set(version.measurement_id, list);
  }
  return {
    ...withLatest(db, row),
    series: measurements.map((measurement) => ({
      ...measurementView(reference, measurement),
      history: history.get(measurement.measurement_id) ?? [],
    })),
  };
}

interface VersionRow {
  readonly measurement_id: string;
  readonly version: number;
  readonly value: number;
  readonly disaggregation: string;
  readonly reason: string | null;
  readonly recorded_at: string;
  readonly recorded_by: string;
}

/** `limit + 1` indicators after `after`, by id. */
export function listIndicators(db: Database.Database, filters: IndicatorFilters): IndicatorView[] {
  const { where, parameters } = whereOf([
    when(filters.partnershipId, (id) => ['partnership_id = ?', id]),
    when(filters.partnershipIn, (ids) => [
      'partnership_id IN (SELECT value FROM json_each(?))',
      JSON.stringify(ids),
    ]),
    when(filters.status, (status) => ['status = ?', status]),
    when(filters.after, (id) => ['indicator_id > ?', id]),
  ]);
  const rows = cachedStatement(
    db,
    `SELECT * FROM impact_indicators ${where} ORDER BY indicator_id LIMIT ?`,
  ).all(...parameters, filters.limit + 1) as IndicatorRow[];
  return rows.map((row) => withLatest(db, row));
}

/** Its indicators (all, by id) and its feedback; `undefined` for a partnership never founded. */
export function partnershipImpact(
  db: Database.Database,
  partnershipId: string,
): PartnershipImpactView | undefined {
  const known = cachedStatement(
    db,
    'SELECT 1 FROM impact_partnerships WHERE partnership_id = ?',
  ).get(partnershipId);
  if (!known) return undefined;
  const items = (
    cachedStatement(
      db,
      'SELECT * FROM impact_indicators WHERE partnership_id = ? ORDER BY indicator_id',
    ).all(partnershipId) as IndicatorRow[]
  ).map((row) => withLatest(db, row));
  return {
    partnershipId,
    indicators: {
      total: items.length,
      defined: items.filter((item) => item.status === 'defined').length,
      retired: items.filter((item) => item.status === 'retired').length,
      measured: items.filter((item) => item.measurements > 0).length,
      items,
    },
    feedback: feedbackSummary(db, partnershipId),
  };
}
