import type { CommandBus } from '@nestjs/cqrs';
import type { Command } from '@cohesion/domain';
import {
  AgreementCommandMessage,
  type AgreementRequest,
  type CommandContext,
  commandFrom,
  type CommandMessage,
  type CommandResult,
  CommitmentCommandMessage,
  type CommitmentRequest,
  ConflictCommandMessage,
  type ConflictRequest,
  ContributionCommandMessage,
  type ContributionRequest,
  FeedbackCommandMessage,
  type FeedbackRequest,
  IndicatorCommandMessage,
  type IndicatorRequest,
  PartnershipCommandMessage,
  type PartnershipRequest,
  type Principal,
  ValuationPolicyCommandMessage,
} from '@cohesion/application';
import type { ValuationPolicyCommand } from '@cohesion/domain';
import type { DemoClock } from './demo-clock';

type DataOf<C extends Command, T extends C['type']> = Extract<C, { type: T }>['data'];

/** Sends one kind of command: `(step, as, type, data)`, `step` naming it uniquely in the demo. */
type Lane<C extends Command> = <T extends C['type']>(
  step: string,
  as: Principal,
  type: T,
  data: DataOf<C, T>,
) => Promise<CommandResult>;

/** The demo's acts are recorded weeks, some a year, after they took effect. */
const BACKFILL_REASON = 'The partnership entered its history when it began using the ledger';

/**
 * Records the demo through the API's own command handlers (the same deciders and access rules
 * as over HTTP), each act dated the day it took effect, recorded on the demo's clock. Each command's id is derived from the seed and the step's
 * name, so that running the demo again is a retry of every command: the ledger records nothing
 * twice.
 */
export class DemoRecorder {
  /** Commands sent so far (recorded now, or already recorded by an earlier run). */
  sent = 0;
  /** The day the following acts took effect. */
  private effectiveDate?: string;

  readonly partnership = this.lane<PartnershipRequest>(
    (c, x) => new PartnershipCommandMessage(c, x),
  );
  readonly valuationPolicy = this.lane<ValuationPolicyCommand>(
    (c, x) => new ValuationPolicyCommandMessage(c, x),
  );
  readonly commitment = this.lane<CommitmentRequest>((c, x) => new CommitmentCommandMessage(c, x));
  readonly contribution = this.lane<ContributionRequest>(
    (c, x) => new ContributionCommandMessage(c, x),
  );
  readonly agreement = this.lane<AgreementRequest>((c, x) => new AgreementCommandMessage(c, x));
  readonly conflict = this.lane<ConflictRequest>((c, x) => new ConflictCommandMessage(c, x));
  readonly indicator = this.lane<IndicatorRequest>((c, x) => new IndicatorCommandMessage(c, x));
  readonly feedback = this.lane<FeedbackRequest>((c, x) => new FeedbackCommandMessage(c, x));

  constructor(
    private readonly commands: CommandBus,
    private readonly clock: DemoClock,
    private readonly seed: number,
  ) {}

  /** The following acts took effect on this day (`YYYY-MM-DD`), in the order sent. */
  day(date: string): void {
    if (this.effectiveDate !== undefined && date < this.effectiveDate) {
      throw new Error(`demo day ${date} goes back in time (after ${this.effectiveDate})`);
    }
    this.effectiveDate = date;
  }

  private lane<C extends Command>(
    message: (command: C, context: CommandContext) => CommandMessage<C>,
  ): Lane<C> {
    return async (step, as, type, data) => {
      const commandId = `demo-${this.seed}-${step}`;
      const context: CommandContext = {
        actor: as,
        commandId,
        correlationId: commandId,
        causationId: commandId,
        now: this.clock.tick(),
        effectiveDate: this.effectiveDate,
        backfillReason: BACKFILL_REASON,
      };
      try {
        const result = await this.commands.execute(
          message(commandFrom<C>(type, data, context), context),
        );
        this.sent += 1;
        return result;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`demo step ${step} (${type}) refused: ${reason}`);
      }
    };
  }
}
