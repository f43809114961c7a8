import type { LedgerClock } from '../ledger-context/clocked-event-store';

/** Minutes between two commands of one demo day. */
const STEP_MINUTES = 7;

/**
 * The demo's simulated time: each day starts at 09:00 UTC and every command moves it on a few
 * minutes, so that events are recorded in order, at plausible instants, the same on every run.
 */
export class DemoClock implements LedgerClock {
  private current = Date.parse('1970-01-01T00:00:00Z');

  /** Starts the day, or carries on with it when it is already the current one. */
  startDay(date: string): void {
    if (this.now().startsWith(date)) return;
    const start = Date.parse(`${date}T09:00:00Z`);
    if (Number.isNaN(start)) throw new Error(`demo day ${date} is not a YYYY-MM-DD date`);
    if (start < this.current) throw new Error(`demo day ${date} goes back in time`);
    this.current = start;
  }

  /** Moves on to the next command's instant and returns it. */
  tick(): string {
    this.current += STEP_MINUTES * 60_000;
    return this.now();
  }

  now(): string {
    return new Date(this.current).toISOString();
  }
}
