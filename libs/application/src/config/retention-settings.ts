import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { PersonalDataSettings } from './personal-data-settings';

/** How often the API shreds the feedback contacts past their partnership's retention. */
export class RetentionSettings extends PersonalDataSettings {
  /** Hours between two runs, the first one an interval after start-up; 0 turns it off. */
  @Transform(({ value }) => (value === undefined || value === '' ? 24 : Number(value)))
  @IsInt({ message: 'LEDGER_RETENTION_INTERVAL_HOURS must be a whole number of hours' })
  @Min(0, { message: 'LEDGER_RETENTION_INTERVAL_HOURS must be between 0 (off) and 240' })
  @Max(240, { message: 'LEDGER_RETENTION_INTERVAL_HOURS must be between 0 (off) and 240' })
  LEDGER_RETENTION_INTERVAL_HOURS = 24;
}
