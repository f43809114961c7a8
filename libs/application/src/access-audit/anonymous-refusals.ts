import { createHmac, randomBytes } from 'node:crypto';
import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { type AccessAttempt, type AccessDecision, AccessRecorder } from './access-recorder';

/** How long refusals are counted before they are recorded, one event per client. */
export const ANONYMOUS_REFUSALS_WINDOW_MS = 60_000;
/** Clients counted apart in one window; the others share one entry, so writes stay bounded. */
const CLIENTS_PER_WINDOW = 20;
const OTHER_CLIENTS = 'other-clients';

interface Tally {
  readonly attempt: AccessAttempt;
  readonly decision: AccessDecision;
  readonly since: string;
  count: number;
}

/**
 * Refusals of requests without valid credentials (401s, and anything refused before anyone was
 * authenticated) are counted per client and recorded once a minute, one access event per client
 * standing for all its refusals in that minute: anonymous traffic can no longer make the ledger
 * append, fsync and hash-chain an event per request. At most 21 events a minute are written
 * whatever the traffic (20 clients apart, the rest together). Clients are named by a keyed hash
 * of their address, unlinkable across restarts, never by the address itself.
 */
@Injectable()
export class AnonymousRefusals implements OnApplicationShutdown {
  private readonly key = randomBytes(32);
  private tallies = new Map<string, Tally>();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly recorder: AccessRecorder) {
    this.timer = setInterval(() => void this.flush(), ANONYMOUS_REFUSALS_WINDOW_MS);
    this.timer.unref();
  }

  count(attempt: AccessAttempt, decision: AccessDecision, now = new Date()): void {
    const tag = this.tagOf(attempt.client);
    const key =
      this.tallies.has(tag) || this.tallies.size < CLIENTS_PER_WINDOW ? tag : OTHER_CLIENTS;
    const tally = this.tallies.get(key);
    if (tally) tally.count += 1;
    else this.tallies.set(key, { attempt, decision, since: now.toISOString(), count: 1 });
  }

  /** Records what was counted since the last flush. */
  async flush(): Promise<void> {
    const tallies = [...this.tallies.entries()];
    this.tallies = new Map();
    await Promise.all(
      tallies.map(([client, { attempt, decision, since, count }]) =>
        this.recorder.record(attempt, {
          ...decision,
          reason: count === 1 ? decision.reason : `${decision.reason} (and ${count - 1} more)`,
          counted: { count, client, since },
        }),
      ),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  private tagOf(address: string | undefined): string {
    if (address === undefined) return 'unknown-client';
    return createHmac('sha256', this.key).update(address).digest('hex').slice(0, 16);
  }
}
