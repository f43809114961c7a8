import { IsOptionalCalendarDate, IsOptionalText } from '../validation/dto-validators';

/**
 * What every command body may say of the act itself, beside the command's own fields: the day it
 * took effect in the world, and, for an act recorded long after (back-filled), why only now. They
 * are the act's, not the command's data: the command context takes them from the request (see
 * `CurrentCommandContext`), and the validation pipe, having checked them, leaves them out of the
 * body the controller is given.
 */
export class ActDto {
  @IsOptionalCalendarDate(
    'The day the act took effect (YYYY-MM-DD): today when absent; never after today, nor before ' +
      'what it concerns began. Dated more than LEDGER_BACKFILL_AFTER_DAYS (7) days ago, the act is ' +
      'back-filled and needs backfillReason',
  )
  effectiveDate?: string;

  @IsOptionalText('Why an act dated long ago is recorded only now (required when back-filled)', 500)
  backfillReason?: string;
}

/** The act's own fields, taken out of a command body once checked. */
export const ACT_FIELDS = ['effectiveDate', 'backfillReason'] as const;
