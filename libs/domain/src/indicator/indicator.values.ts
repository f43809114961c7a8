export { isCalendarDate } from '../calendar';
import type { DisaggregatedValue, IndicatorUnit, MeasurementPeriod } from './indicator.events';

/**
 * Pure checks on values, dates and periods, exported so that DTO validation and the UI can apply
 * the very same rules as the decider.
 */

export function isLikertScaleValid(scale: { min: number; max: number }): boolean {
  return Number.isInteger(scale.min) && Number.isInteger(scale.max) && scale.min < scale.max;
}

/** Whether a value can be expressed in the unit (a count of 2.5 people cannot). */
export function valueFitsUnit(unit: IndicatorUnit, value: number): boolean {
  if (!Number.isFinite(value)) return false;
  switch (unit.kind) {
    case 'count':
      return Number.isInteger(value) && value >= 0;
    case 'percent':
      return value >= 0 && value <= 100;
    case 'ratio':
      return value >= 0;
    case 'likert':
      return value >= unit.scale.min && value <= unit.scale.max;
  }
}

export function periodsOverlap(a: MeasurementPeriod, b: MeasurementPeriod): boolean {
  return a.from <= b.to && b.from <= a.to;
}

export function samePeriod(a: MeasurementPeriod, b: MeasurementPeriod): boolean {
  return a.from === b.from && a.to === b.to;
}

/** A canonical key for a cell, independent of the order in which its dimensions were written. */
export function cellKey(dimensions: Readonly<Record<string, string>>): string {
  return JSON.stringify(Object.entries(dimensions).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Same cells with the same values, whatever their order. */
export function sameDisaggregation(
  a: readonly DisaggregatedValue[],
  b: readonly DisaggregatedValue[],
): boolean {
  if (a.length !== b.length) return false;
  const values: Record<string, number> = {};
  for (const cell of a) values[cellKey(cell.dimensions)] = cell.value;
  return b.every((cell) => values[cellKey(cell.dimensions)] === cell.value);
}
