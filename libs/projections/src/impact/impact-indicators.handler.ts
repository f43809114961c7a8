import type Database from 'better-sqlite3';
import type { IndicatorEvent } from '@cohesion/domain';
import type { RecordedEvent } from '@cohesion/event-store';
import type { ProjectionHandler } from '../projector';
import { domainEventOf } from '../sql-kit';

function prepare(db: Database.Database) {
  return {
    define: db.prepare(
      `INSERT INTO impact_indicators (indicator_id, partnership_id, code, name, unit,
         baseline_value, baseline_date, target_value, target_date, direction, frequency,
         dimensions, status, defined_at, revision, measurements)
       VALUES (@indicatorId, @partnershipId, @code, @name, @unit, @baselineValue, @baselineDate,
         @targetValue, @targetDate, @direction, @frequency, @dimensions, 'defined', @at,
         @revision, 0)`,
    ),
    /** Latest by period, not by recording order: a late-entered earlier survey hides nothing. */
    countMeasurement: db.prepare(
      `UPDATE impact_indicators SET
         measurements = measurements + 1,
         revision = @revision,
         latest_measurement_id = CASE WHEN latest_period_to IS NULL OR @periodTo > latest_period_to
           THEN @measurementId ELSE latest_measurement_id END,
         latest_period_to = CASE WHEN latest_period_to IS NULL OR @periodTo > latest_period_to
           THEN @periodTo ELSE latest_period_to END
       WHERE indicator_id = @indicatorId`,
    ),
    touch: db.prepare(
      'UPDATE impact_indicators SET revision = @revision WHERE indicator_id = @indicatorId',
    ),
    retire: db.prepare(
      `UPDATE impact_indicators
       SET status = 'retired', retirement_reason = @reason, retired_at = @at, revision = @revision
       WHERE indicator_id = @indicatorId`,
    ),
    record: db.prepare(
      `INSERT INTO impact_measurements (indicator_id, measurement_id, period_from, period_to, value,
         disaggregation, source, means_of_verification, corrections, recorded_at, backfill_reason)
       VALUES (@indicatorId, @measurementId, @periodFrom, @periodTo, @value, @disaggregation,
         @source, @meansOfVerification, 0, @at, @backfillReason)`,
    ),
    current: db.prepare(
      `SELECT corrections, disaggregation FROM impact_measurements
       WHERE indicator_id = ? AND measurement_id = ?`,
    ),
    correct: db.prepare(
      `UPDATE impact_measurements
       SET value = @value, disaggregation = @disaggregation, corrections = corrections + 1,
         corrected_at = @at
       WHERE indicator_id = @indicatorId AND measurement_id = @measurementId`,
    ),
    version: db.prepare(
      `INSERT INTO impact_measurement_versions (indicator_id, measurement_id, version, value,
         disaggregation, reason, recorded_at, recorded_by)
       VALUES (@indicatorId, @measurementId, @version, @value, @disaggregation, @reason, @at, @by)`,
    ),
  };
}

/** Indicators, their measurements as they stand, and every earlier value of a corrected one. */
export function indicatorsHandler(db: Database.Database): ProjectionHandler {
  const statements = prepare(db);
  return (recorded: RecordedEvent) => {
    const event = domainEventOf<IndicatorEvent>(recorded);
    const at = recorded.metadata.recordedAt;
    const revision = recorded.revision;
    switch (event.type) {
      case 'IndicatorDefined': {
        const { baseline, target, unit, dimensions, ...data } = event.data;
        statements.define.run({
          ...data,
          unit: JSON.stringify(unit),
          dimensions: JSON.stringify(dimensions),
          baselineValue: baseline.value,
          baselineDate: baseline.date,
          targetValue: target.value,
          targetDate: target.date,
          at,
          revision,
        });
        return;
      }
      case 'MeasurementRecorded': {
        const { indicatorId, measurementId, period, value, source, meansOfVerification } =
          event.data;
        const disaggregation = JSON.stringify(event.data.disaggregation);
        const where = { indicatorId, measurementId };
        statements.record.run({
          ...where,
          periodFrom: period.from,
          periodTo: period.to,
          value,
          disaggregation,
          source,
          meansOfVerification,
          at,
          backfillReason: recorded.metadata.backfillReason ?? null,
        });
        statements.version.run({
          ...where,
          version: 0,
          value,
          disaggregation,
          reason: null,
          at,
          by: recorded.metadata.actor.sub,
        });
        statements.countMeasurement.run({ ...where, periodTo: period.to, revision });
        return;
      }
      case 'MeasurementCorrected': {
        const { indicatorId, measurementId, value, reason } = event.data;
        const current = statements.current.get(indicatorId, measurementId) as
          | { corrections: number; disaggregation: string }
          | undefined;
        if (!current) return;
        // Without a new breakdown, the breakdown stands.
        const disaggregation =
          event.data.disaggregation === undefined
            ? current.disaggregation
            : JSON.stringify(event.data.disaggregation);
        const where = { indicatorId, measurementId };
        statements.correct.run({ ...where, value, disaggregation, at });
        statements.version.run({
          ...where,
          version: current.corrections + 1,
          value,
          disaggregation,
          reason,
          at,
          by: recorded.metadata.actor.sub,
        });
        statements.touch.run({ indicatorId, revision });
        return;
      }
      case 'IndicatorRetired':
        statements.retire.run({ ...event.data, at, revision });
        return;
      default:
        return;
    }
  };
}
