import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import {
  AggregateNotFound,
  type DataSubject,
  type ErasureCommand,
  erasureDecider,
  type ErasureState,
  feedbackDecider,
  personDecider,
} from '@cohesion/domain';
import { hasRole } from '../access/access-rules';
import { AggregateStore } from '../command-side/aggregate-store';
import type { CommandResult } from '../command-side/command-context';
import { CommandMessage, type WithoutFacts } from '../command-side/command-messages';
import { streamOf } from '../command-side/streams';
import { accessDenied } from '../errors';
import { forgetSignInOf } from '../sign-in/forgotten-sign-in';
import { IDENTITY_DATABASE } from '../sign-in/identity-store.module';
import { ErasureKeys } from './erasure-keys';
import { subjectsOf } from './erasure-subjects';

/** An erasure command as an edge states it: the handler resolves the subjects and facts itself. */
export type ErasureRequest = WithoutFacts<ErasureCommand, 'subjects' | 'person'>;

export class ErasureCommandMessage extends CommandMessage<ErasureRequest> {}

/**
 * Erasure requests (GDPR Art. 17), administrators only. A request names a data subject the ledger
 * knows (a person of the directory, a feedback); carrying it out needs a person removed from the
 * directory first, then destroys the subjects' keys right after `ErasureCarriedOut` is recorded
 * (a crash in between is made good at the next start: see ErasureReconciliation).
 */
@CommandHandler(ErasureCommandMessage)
export class ErasureCommandHandler
  implements ICommandHandler<ErasureCommandMessage, CommandResult>
{
  constructor(
    private readonly aggregates: AggregateStore,
    private readonly erasureKeys: ErasureKeys,
    @Inject(IDENTITY_DATABASE) private readonly identity: Database.Database,
  ) {}

  async execute({ command, context }: ErasureCommandMessage): Promise<CommandResult> {
    if (!hasRole(context.actor, 'admin')) {
      throw accessDenied('Only an administrator records and answers erasure requests');
    }
    const stream = streamOf('erasure', command.data.erasureId);
    const loaded = await this.aggregates.loadForCommand(stream, erasureDecider, context.commandId);
    const complete = await this.withFacts(command, loaded.state);
    const result = await this.aggregates.execute(stream, erasureDecider, complete, context, loaded);
    if (command.type === 'CarryOutErasure') await this.destroyKeys(stream);
    return result;
  }

  private async withFacts(command: ErasureRequest, state: ErasureState): Promise<ErasureCommand> {
    switch (command.type) {
      case 'RequestErasure':
        // A retried request is answered by the store; a new one must name someone known.
        if (state.status === 'none') await this.assertKnown(command.data.dataSubject);
        return { ...command, subjects: subjectsOf(command.data.dataSubject) };
      case 'CarryOutErasure': {
        const dataSubject = state.dataSubject;
        if (dataSubject?.kind !== 'person') return command;
        const person = await this.aggregates.load(
          streamOf('person', dataSubject.personId),
          personDecider,
        );
        return { ...command, person: { removed: person.state.status === 'removed' } };
      }
      case 'DeclineErasure':
        return command;
    }
  }

  private async assertKnown(dataSubject: DataSubject): Promise<void> {
    if (dataSubject.kind === 'person') {
      const { state } = await this.aggregates.load(
        streamOf('person', dataSubject.personId),
        personDecider,
      );
      if (state.status === 'none') throw new AggregateNotFound('Person', dataSubject.personId);
      return;
    }
    const { state } = await this.aggregates.load(
      streamOf('feedback', dataSubject.feedbackId),
      feedbackDecider,
    );
    if (state.status === 'none') throw new AggregateNotFound('Feedback', dataSubject.feedbackId);
  }

  /** The erasure as recorded (a retried command's too), its keys destroyed if not yet. */
  private async destroyKeys(stream: string): Promise<void> {
    const { state } = await this.aggregates.load(stream, erasureDecider);
    if (state.status !== 'carried_out' || state.carriedOutAt === undefined) return;
    this.erasureKeys.destroyOutstanding([
      { subjects: state.subjects, carriedOutAt: state.carriedOutAt },
    ]);
    if (state.dataSubject?.kind === 'person') {
      forgetSignInOf(this.identity, state.dataSubject.personId);
      // Its WAL would keep the deleted pages until a checkpoint: fold it in now.
      this.identity.pragma('wal_checkpoint(TRUNCATE)');
    }
  }
}
