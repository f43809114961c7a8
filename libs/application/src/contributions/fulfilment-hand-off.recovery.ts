import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type Database from 'better-sqlite3';
import { type ContributionEvent, DomainError } from '@cohesion/domain';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@cohesion/event-store';
import { type HandOff, handOffsAfter, ProjectionRunner } from '@cohesion/projections';
import type { CommandContext } from '../command-side/command-context';
import { PartnershipFactsReader } from '../command-side/partnership-facts.reader';
import { streamOf } from '../command-side/streams';
import { READ_MODEL_DATABASE } from '../read-models/read-models.module';
import { FulfilmentHandOff } from './fulfilment-hand-off';

/** How often the read models are searched for hand-offs left undone. */
export const HAND_OFF_SWEEP_INTERVAL_MS = 30_000;
/** A hand-off younger than this may still be on its way in its own request: left alone. */
const GRACE_MS = 10_000;
/** Hand-offs looked at per query; the sweep lets other work run between pages. */
const PER_PAGE = 500;

type Recorded = Extract<ContributionEvent, { type: 'ContributionRecorded' }>['data'];

/**
 * Completes the fulfilment hand-offs a crash left undone. Recording a contribution that names a
 * commitment is two appends (the contribution, then its claim on the commitment: two streams,
 * which neither EventStoreDB nor the port appends atomically); a process killed between them
 * leaves a contribution without its claim. At start and every 30 s, this finds such contributions
 * in the read models and makes their claim, as the very command the request would have sent (same
 * id, derived from the contribution's, same actor): a request retried meanwhile, another node
 * doing the same, or a claim already made but not yet projected all answer with the same claim,
 * recorded once. A claim the commitment now refuses (it ended meanwhile) is logged and left.
 */
@Injectable()
export class FulfilmentHandOffRecovery implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('FulfilmentHandOff');
  private timer?: NodeJS.Timeout;
  /** Contributions up to this log position were found complete, or were completed. */
  private checkedUpTo = 0;
  private readonly refused = new Set<string>();
  private sweeping?: Promise<number>;
  private stopped = false;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DATABASE) private readonly db: Database.Database,
    private readonly partnerships: PartnershipFactsReader,
    private readonly handOff: FulfilmentHandOff,
    private readonly runner: ProjectionRunner,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), HAND_OFF_SWEEP_INTERVAL_MS);
    this.timer.unref();
    void this.sweepOnceCaughtUp();
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    clearInterval(this.timer);
  }

  /** The first sweep waits for the read models to have applied the log as it stood at start. */
  private async sweepOnceCaughtUp(): Promise<void> {
    try {
      const head = await this.store.headPosition();
      while (!(await this.runner.waitFor(head, HAND_OFF_SWEEP_INTERVAL_MS))) {
        if (this.stopped) return;
      }
      await this.sweep();
    } catch (error) {
      this.logger.error(`Could not look for fulfilment hand-offs left undone: ${String(error)}`);
    }
  }

  /** Completes what is found undone; resolves to how many claims it made (or found made). */
  sweep(now = new Date()): Promise<number> {
    this.sweeping ??= this.completeUndone(now).finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  /**
   * Goes through the hand-offs recorded since the last sweep, a page at a time, up to the first
   * still within its grace period (it and those after are looked at again next time). Never
   * rejects: a failure to reach the store (or anything unexpected) is logged and ends the sweep;
   * the next one starts again from the first hand-off not done.
   */
  private async completeUndone(now: Date): Promise<number> {
    const recordedBefore = new Date(now.getTime() - GRACE_MS).toISOString();
    let completed = 0;
    try {
      for (;;) {
        const page = handOffsAfter(this.db, { after: this.checkedUpTo, limit: PER_PAGE });
        for (const handOff of page) {
          if (handOff.recordedAt >= recordedBefore) return completed;
          if (!handOff.claimed && (await this.complete(handOff))) completed += 1;
          this.checkedUpTo = handOff.position;
        }
        if (page.length < PER_PAGE || this.stopped) return completed;
        await new Promise((resolve) => setImmediate(resolve));
      }
    } catch (error) {
      this.logger.error(
        `Could not complete the fulfilment hand-offs left undone: ${String(error)}`,
      );
      return completed;
    }
  }

  /** True once the claim is made (or found made); false when the commitment refuses it. */
  private async complete({ contributionId, commitmentId }: HandOff): Promise<boolean> {
    if (this.refused.has(contributionId)) return false;
    const recorded = await this.recordingOf(contributionId);
    if (recorded === undefined) return false;
    try {
      const partnership = await this.partnerships.factsOf(recorded.data.partnershipId);
      const context = contextOf(recorded.event);
      const commitment = await this.handOff.commitmentToClaim(commitmentId, context);
      await this.handOff.claim(recorded.data, partnership, commitment, context);
      this.logger.log(`Completed the hand-off of contribution ${contributionId} to its commitment`);
      return true;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.refused.add(contributionId);
      this.logger.warn(
        `The commitment refuses the claim of contribution ${contributionId}: ${error.message}`,
      );
      return false;
    }
  }

  /** The recorded contribution: its data and the event, for who sent it under which command. */
  private async recordingOf(contributionId: string) {
    for await (const event of this.store.readStream(streamOf('contribution', contributionId), {
      maxCount: 1,
    })) {
      if (event.type !== 'ContributionRecorded') return undefined;
      return { event, data: event.data as unknown as Recorded };
    }
    return undefined;
  }
}

/** The context of the request that recorded the contribution: its claim is that request's. */
function contextOf(event: RecordedEvent): CommandContext {
  const { actor, commandId, correlationId } = event.metadata;
  return { actor, commandId, correlationId, causationId: commandId, now: new Date().toISOString() };
}
