import {
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { LedgerConfig } from '../config/ledger-config';
import { FeedbackContactRetention } from './feedback-contact-retention';
import { RetentionApplicationModule } from './retention-application.module';

const HOUR_MS = 3_600_000;

/**
 * Applies the retention every LEDGER_RETENTION_INTERVAL_HOURS (0: never), the first time one
 * interval after start-up. A failed run is logged and retried at the next tick; the timer never
 * keeps the process alive on its own.
 */
@Injectable()
export class RetentionSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Retention');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly retention: FeedbackContactRetention,
    private readonly config: ConfigService<LedgerConfig, true>,
  ) {}

  onApplicationBootstrap(): void {
    const hours = this.config.get('LEDGER_RETENTION_INTERVAL_HOURS', { infer: true });
    if (hours === 0) return;
    this.timer = setInterval(() => void this.tick(), hours * HOUR_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One run, unless the previous one is still going. */
  tick(now = new Date()): Promise<void> {
    this.running ??= this.retention
      .apply(now)
      .then(
        ({ shredded }) => this.logger.log(`Retention applied: ${shredded} contact(s) shredded`),
        (error: unknown) => this.logger.error(`Retention failed: ${String(error)}`),
      )
      .finally(() => (this.running = undefined));
    return this.running;
  }
}

/** The API's daily retention run. */
@Module({ imports: [RetentionApplicationModule], providers: [RetentionSchedule] })
export class RetentionScheduleModule {}
