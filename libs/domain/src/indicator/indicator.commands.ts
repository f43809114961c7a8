import type { Command } from '../decider';
import type { PartnershipFacts } from '../partnership/partnership.state';
import type { IndicatorEvent } from './indicator.events';

type DataOf<T extends IndicatorEvent['type']> = Extract<IndicatorEvent, { type: T }>['data'];

export type IndicatorCommand =
  /** The handler folds the partnership stream into `partnership` (see `partnershipFacts`). */
  | (Command<'DefineIndicator', DataOf<'IndicatorDefined'>> & {
      readonly partnership: PartnershipFacts;
    })
  | Command<'RecordMeasurement', DataOf<'MeasurementRecorded'>>
  | Command<'CorrectMeasurement', DataOf<'MeasurementCorrected'>>
  | Command<'RetireIndicator', DataOf<'IndicatorRetired'>>;
