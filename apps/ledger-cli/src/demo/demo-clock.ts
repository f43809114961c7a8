import type { LedgerClock } from '../ledger-context/clocked-event-store';

/** Minutes between two commands of the demo. */
const STEP_MINUTES = 7;

/**
 * When the demo's history is recorded: a few weeks after its last act (19 October 2026), as a
 * partnership that starts using the ledger enters its past. Every act carries the day it took
 * effect; recorded more than a week after it, it is back-filled, and says so.
 */
export const DEMO_RECORDED_FROM = '2026-11-02T09:00:00.000Z';

/**
 * The demo's recording time: from `DEMO_RECORDED_FROM`, every command moves it on a few minutes,
 * so that events are recorded in order, at plausible instants, the same on every run (the same
 * seed records the very same log, hashes included).
 */
export class DemoClock implements LedgerClock {
  private current: number;

  constructor(from = DEMO_RECORDED_FROM) {
    this.current = Date.parse(from);
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
