import { todayOf } from '../calendar';
import { isOpenForActivity, objectiveRefusal } from '../partnership/partnership.state';
import type { Decider } from '../decider';
import { AggregateNotFound, RuleViolation } from '../domain-errors';
import type { IndicatorCommand } from './indicator.commands';
import type { DisaggregatedValue, IndicatorEvent, MeasurementPeriod } from './indicator.events';
import {
  initialIndicatorState,
  type IndicatorDefinition,
  type IndicatorState,
  type Measurement,
} from './indicator.state';
import {
  cellKey,
  isCalendarDate,
  isLikertScaleValid,
  periodsOverlap,
  sameDisaggregation,
  samePeriod,
  valueFitsUnit,
} from './indicator.values';

export const INDICATOR_RULES = [
  'indicator-already-defined',
  'indicator-retired',
  'indicator-partnership-unknown',
  'indicator-partnership-not-open',
  'indicator-objective-not-open',
  'indicator-date-invalid',
  'indicator-likert-scale-invalid',
  'indicator-value-out-of-range',
  'indicator-target-not-after-baseline',
  'indicator-direction-inconsistent',
  'indicator-dimensions-invalid',
  'indicator-measurement-already-recorded',
  'indicator-measurement-unknown',
  'indicator-period-invalid',
  'indicator-period-in-the-future',
  'indicator-period-already-measured',
  'indicator-period-overlaps',
  'indicator-dimension-unknown',
  'indicator-disaggregation-invalid',
  'indicator-correction-changes-nothing',
  'indicator-reason-required',
] as const;
export type IndicatorRule = (typeof INDICATOR_RULES)[number];

const violation = (rule: IndicatorRule, message: string) => new RuleViolation(rule, message);

type CommandOf<T extends IndicatorCommand['type']> = Extract<IndicatorCommand, { type: T }>;

export function decideIndicator(
  command: IndicatorCommand,
  state: IndicatorState,
): IndicatorEvent[] {
  if (command.type === 'DefineIndicator') return decideDefinition(command, state);
  const definition = assertExists(state, command.data.indicatorId);
  if (state.status === 'retired') {
    throw violation(
      'indicator-retired',
      `Indicator ${command.data.indicatorId} is retired and accepts nothing new`,
    );
  }
  switch (command.type) {
    case 'RecordMeasurement':
      return decideMeasurement(command, state, definition);
    case 'CorrectMeasurement':
      return decideCorrection(command, state, definition);
    case 'RetireIndicator':
      assertReason(command.data.reason);
      return [{ type: 'IndicatorRetired', data: command.data }];
  }
}

function decideDefinition(
  command: CommandOf<'DefineIndicator'>,
  state: IndicatorState,
): IndicatorEvent[] {
  const { data, partnership } = command;
  if (state.status !== 'none') {
    throw violation('indicator-already-defined', `Indicator ${data.indicatorId} already exists`);
  }
  // Facts about another partnership than the one named are a handler slip: treat them as unknown.
  if (partnership.partnershipId !== data.partnershipId || partnership.status === 'none') {
    throw violation(
      'indicator-partnership-unknown',
      `Partnership ${data.partnershipId} does not exist`,
    );
  }
  if (!isOpenForActivity(partnership)) {
    throw violation(
      'indicator-partnership-not-open',
      `Partnership ${data.partnershipId} is ${partnership.status}: no new indicator`,
    );
  }
  const refusal = objectiveRefusal(partnership, data.objectiveId);
  if (refusal !== undefined) throw violation('indicator-objective-not-open', refusal);
  const { unit, baseline, target, direction, dimensions } = data;
  assertDate(baseline.date);
  assertDate(target.date);
  if (unit.kind === 'likert' && !isLikertScaleValid(unit.scale)) {
    throw violation(
      'indicator-likert-scale-invalid',
      `A likert scale runs between two integers, min below max (got ${unit.scale.min}..${unit.scale.max})`,
    );
  }
  assertFits(data, baseline.value, 'baseline');
  assertFits(data, target.value, 'target');
  if (target.date <= baseline.date) {
    throw violation(
      'indicator-target-not-after-baseline',
      `The target date ${target.date} must come after the baseline date ${baseline.date}`,
    );
  }
  const consistent =
    direction === 'up' ? target.value > baseline.value : target.value < baseline.value;
  if (!consistent) {
    throw violation(
      'indicator-direction-inconsistent',
      `Direction ${direction} needs a target ${direction === 'up' ? 'above' : 'below'} the baseline (${baseline.value} → ${target.value})`,
    );
  }
  const blank = dimensions.some((dimension) => dimension.trim() === '');
  if (blank || new Set(dimensions).size !== dimensions.length) {
    throw violation(
      'indicator-dimensions-invalid',
      `Dimensions must be named and distinct: ${dimensions.join(', ')}`,
    );
  }
  return [{ type: 'IndicatorDefined', data }];
}

function decideMeasurement(
  command: CommandOf<'RecordMeasurement'>,
  state: IndicatorState,
  definition: IndicatorDefinition,
): IndicatorEvent[] {
  const { measurementId, period, value, disaggregation } = command.data;
  if (Object.hasOwn(state.measurements, measurementId)) {
    throw violation(
      'indicator-measurement-already-recorded',
      `Measurement ${measurementId} is already recorded`,
    );
  }
  assertPeriod(period, todayOf(command.metadata));
  for (const [otherId, other] of Object.entries(state.measurements)) {
    if (samePeriod(period, other.period)) {
      throw violation(
        'indicator-period-already-measured',
        `${periodText(period)} is already measured by ${otherId}: correct that measurement instead`,
      );
    }
    // Overlapping periods would count the same days twice and leave no single value for them.
    if (periodsOverlap(period, other.period)) {
      throw violation(
        'indicator-period-overlaps',
        `${periodText(period)} overlaps ${periodText(other.period)} of measurement ${otherId}`,
      );
    }
  }
  assertFits(definition, value, 'measured');
  assertDisaggregation(definition, disaggregation);
  return [{ type: 'MeasurementRecorded', data: command.data }];
}

function decideCorrection(
  command: CommandOf<'CorrectMeasurement'>,
  state: IndicatorState,
  definition: IndicatorDefinition,
): IndicatorEvent[] {
  const { measurementId, value, disaggregation, reason } = command.data;
  const measurement: Measurement | undefined = state.measurements[measurementId];
  if (!measurement) {
    throw violation('indicator-measurement-unknown', `Measurement ${measurementId} does not exist`);
  }
  assertReason(reason);
  assertFits(definition, value, 'corrected');
  if (disaggregation) assertDisaggregation(definition, disaggregation);
  const sameBreakdown =
    !disaggregation || sameDisaggregation(disaggregation, measurement.disaggregation);
  // A correction that corrects nothing would only add noise to the audit trail.
  if (value === measurement.value && sameBreakdown) {
    throw violation(
      'indicator-correction-changes-nothing',
      `Measurement ${measurementId} already stands at ${value}`,
    );
  }
  return [{ type: 'MeasurementCorrected', data: command.data }];
}

function assertExists(state: IndicatorState, indicatorId: string): IndicatorDefinition {
  if (!state.definition) throw new AggregateNotFound('Indicator', indicatorId);
  return state.definition;
}

function assertDate(date: string): void {
  if (!isCalendarDate(date)) {
    throw violation('indicator-date-invalid', `${date} is not a calendar date YYYY-MM-DD`);
  }
}

function assertReason(reason: string): void {
  if (reason.trim() === '') {
    throw violation('indicator-reason-required', 'A reason is required for the record');
  }
}

function assertFits(definition: Pick<IndicatorDefinition, 'unit'>, value: number, what: string) {
  if (!valueFitsUnit(definition.unit, value)) {
    throw violation(
      'indicator-value-out-of-range',
      `The ${what} value ${value} does not fit the unit ${describeUnit(definition)}`,
    );
  }
}

function assertPeriod(period: MeasurementPeriod, today: string): void {
  assertDate(period.from);
  assertDate(period.to);
  if (period.from > period.to) {
    throw violation('indicator-period-invalid', `${periodText(period)} ends before it starts`);
  }
  // A period that is not over yet cannot have a final value.
  if (period.to > today) {
    throw violation('indicator-period-in-the-future', `${periodText(period)} is not over yet`);
  }
}

function assertDisaggregation(
  definition: IndicatorDefinition,
  cells: readonly DisaggregatedValue[],
): void {
  const seen: string[] = [];
  for (const cell of cells) {
    const entries = Object.entries(cell.dimensions);
    const unknown = entries.filter(([name]) => !definition.dimensions.includes(name));
    if (unknown.length > 0) {
      throw violation(
        'indicator-dimension-unknown',
        `Not a dimension of this indicator: ${unknown.map(([name]) => name).join(', ')}`,
      );
    }
    if (entries.length === 0 || entries.some(([, value]) => value.trim() === '')) {
      throw violation(
        'indicator-disaggregation-invalid',
        'Each cell of a breakdown names a value for at least one dimension',
      );
    }
    const key = cellKey(cell.dimensions);
    if (seen.includes(key)) {
      throw violation('indicator-disaggregation-invalid', `The breakdown repeats the cell ${key}`);
    }
    seen.push(key);
    assertFits(definition, cell.value, 'disaggregated');
  }
}

const periodText = (period: MeasurementPeriod) => `Period ${period.from}..${period.to}`;

const describeUnit = ({ unit }: Pick<IndicatorDefinition, 'unit'>) =>
  unit.kind === 'likert' ? `likert ${unit.scale.min}..${unit.scale.max}` : unit.kind;

export function evolveIndicator(state: IndicatorState, event: IndicatorEvent): IndicatorState {
  switch (event.type) {
    case 'IndicatorDefined': {
      const { indicatorId, ...definition } = event.data;
      return { ...state, status: 'defined', indicatorId, definition };
    }
    case 'MeasurementRecorded': {
      const { measurementId, period, value, disaggregation, source, meansOfVerification } =
        event.data;
      const measurement: Measurement = {
        period,
        value,
        disaggregation,
        source,
        meansOfVerification,
        corrections: 0,
      };
      return { ...state, measurements: { ...state.measurements, [measurementId]: measurement } };
    }
    case 'MeasurementCorrected': {
      const { measurementId, value, disaggregation } = event.data;
      const earlier = state.measurements[measurementId];
      const corrected: Measurement = {
        ...earlier,
        value,
        disaggregation: disaggregation ?? earlier.disaggregation,
        corrections: earlier.corrections + 1,
      };
      return { ...state, measurements: { ...state.measurements, [measurementId]: corrected } };
    }
    case 'IndicatorRetired':
      return { ...state, status: 'retired', retirementReason: event.data.reason };
  }
}

export const indicatorDecider: Decider<IndicatorCommand, IndicatorEvent, IndicatorState> = {
  initialState: initialIndicatorState,
  evolve: evolveIndicator,
  decide: decideIndicator,
};
