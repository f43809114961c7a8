import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { assertActDate, calendarDayIn, isBackfilled } from '@cohesion/domain';
import type { LedgerConfig } from '../config/ledger-config';
import type { CommandContext } from './command-context';

/** The two times of an act, as recorded: when it took effect, and why so late if back-filled. */
export interface ActDatesResolved {
  /** Today where the partnerships are, for the rules that judge "not after today". */
  readonly today: string;
  readonly effectiveDate: string;
  /** Present only when the act is back-filled (dated more than the days allowed ago). */
  readonly backfillReason?: string;
}

/**
 * Every act's effective date, checked by the domain's rule (`assertActDate`) against today where
 * the partnerships are (LEDGER_TIME_ZONE), the day what it concerns began, and the days after
 * which an act is back-filled (LEDGER_BACKFILL_AFTER_DAYS).
 */
@Injectable()
export class ActDates {
  private readonly timeZone: string;
  private readonly backfilledAfterDays: number;

  constructor(config: ConfigService<LedgerConfig, true>) {
    this.timeZone = config.get('LEDGER_TIME_ZONE', { infer: true });
    this.backfilledAfterDays = config.get('LEDGER_BACKFILL_AFTER_DAYS', { infer: true });
  }

  /**
   * `notBefore`: the day what the act concerns began (the aggregate's first act, or the founding
   * of the partnership it starts in), when known.
   */
  resolve(context: CommandContext, notBefore?: { date: string; what: string }): ActDatesResolved {
    const today = calendarDayIn(new Date(context.now), this.timeZone);
    const effectiveDate = context.effectiveDate ?? today;
    const { backfillReason } = context;
    assertActDate({
      effectiveDate,
      today,
      notBefore,
      backfilledAfterDays: this.backfilledAfterDays,
      backfillReason,
    });
    const backfilled = isBackfilled(effectiveDate, today, this.backfilledAfterDays);
    return {
      today,
      effectiveDate,
      ...(backfilled && backfillReason !== undefined
        ? { backfillReason: backfillReason.trim() }
        : {}),
    };
  }
}
