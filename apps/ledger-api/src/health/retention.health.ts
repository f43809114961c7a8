import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { FeedbackContactRetention, type RetentionSignal } from '@cohesion/application';

/** Probes may call /health every few seconds: the log is read for the signal once a minute. */
const SIGNAL_FRESH_MS = 60_000;

/**
 * The retention of feedback contact details, as a signal: contacts overdue for shredding and the
 * last run. Always up: a backlog of contacts to shred is for an operator, not a load balancer.
 */
@Injectable()
export class RetentionHealthIndicator {
  private last: { readonly at: number; readonly signal: Promise<RetentionSignal> } | undefined;

  constructor(
    private readonly retention: FeedbackContactRetention,
    private readonly health: HealthIndicatorService,
  ) {}

  async signal(key = 'retention') {
    const now = Date.now();
    if (this.last === undefined || now - this.last.at >= SIGNAL_FRESH_MS) {
      const signal = this.retention.signal(new Date(now));
      this.last = { at: now, signal };
      // A failed read is not kept: the next call reads again.
      signal.catch(() => (this.last = undefined));
    }
    try {
      return this.health.check(key).up({ ...(await this.last.signal) });
    } catch (error) {
      // The log cannot be read now (the event store's own check says why): no signal, still up.
      const reason = error instanceof Error ? error.message : String(error);
      return this.health.check(key).up({ signal: 'unavailable', reason });
    }
  }
}
