import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import {
  AggregateNotFound,
  type PersonCommand,
  personDecider,
  type PersonState,
} from '@cohesion/domain';
import { personByEmail } from '@cohesion/projections';
import { hasRole } from '../access/access-rules';
import { AggregateStore } from '../command-side/aggregate-store';
import type { CommandContext, CommandResult } from '../command-side/command-context';
import { CommandMessage, type WithoutFacts } from '../command-side/command-messages';
import { streamOf } from '../command-side/streams';
import { accessDenied } from '../errors';
import { READ_MODEL_DATABASE } from '../read-models/read-models.module';
import { OneTimeLinks } from '../sign-in/one-time-links';
import { Sessions } from '../sign-in/sessions';
import { mayManagePerson, maySeePerson } from './people-access';
import { PersonalDataReader } from '../personal-data/personal-data-reader';

/** A person command as an edge states it: the handler looks up the directory's facts itself. */
export type PersonRequest = WithoutFacts<PersonCommand, 'directory'>;

export class PersonCommandMessage extends CommandMessage<PersonRequest> {}

/**
 * The people directory's commands, with who may run them: an administrator anything; a partner
 * admin invites and removes its own partner's staff (partner roles only); a person issues and
 * revokes their own personal tokens; accepting an invitation is the sign-in's own doing. To a
 * partner admin, another partner's people are as unknown as people never invited. A person
 * suspended or removed loses their sessions and links at once.
 */
@CommandHandler(PersonCommandMessage)
export class PersonCommandHandler implements ICommandHandler<PersonCommandMessage, CommandResult> {
  constructor(
    private readonly aggregates: AggregateStore,
    @Inject(READ_MODEL_DATABASE) private readonly db: Database.Database,
    private readonly sessions: Sessions,
    private readonly links: OneTimeLinks,
    private readonly personal: PersonalDataReader,
  ) {}

  async execute({ command, context }: PersonCommandMessage): Promise<CommandResult> {
    const { personId } = command.data;
    const stream = streamOf('person', personId);
    const loaded = await this.aggregates.loadForCommand(stream, personDecider, context.commandId);
    const complete = this.authorized(command, loaded.state, context);
    const result = await this.aggregates.execute(stream, personDecider, complete, context, loaded);
    if (command.type === 'SuspendPerson' || command.type === 'RemovePerson') {
      this.sessions.endAllOf(personId);
      this.links.voidAllOf(personId);
    }
    return result;
  }

  private authorized(
    command: PersonRequest,
    state: PersonState,
    context: CommandContext,
  ): PersonCommand {
    const { actor } = context;
    const { personId } = command.data;
    switch (command.type) {
      case 'InvitePerson': {
        const { partnerId, roles, email } = command.data;
        if (!mayManagePerson(actor, { partnerId, roles })) {
          throw accessDenied(
            'A partner admin invites only its own partner’s staff, with the partner roles',
          );
        }
        const emailTakenBy = personByEmail(this.db, email, (sealed) =>
          this.personal.text(sealed),
        )?.personId;
        return { ...command, directory: emailTakenBy === undefined ? {} : { emailTakenBy } };
      }
      case 'AcceptInvitation':
        // Only the sign-in path sends it, as the person themself.
        if (actor.sub !== personId) throw accessDenied('Only the invited person accepts');
        return command;
      case 'IssuePersonalToken':
        if (actor.sub !== personId) throw accessDenied('A person issues tokens for themself only');
        return command;
      case 'RevokePersonalToken':
        if (actor.sub !== personId && !hasRole(actor, 'admin')) {
          throw this.unknownOr(state, personId, actor);
        }
        return command;
      case 'RemovePerson':
        if (!mayManagePerson(actor, state)) throw this.unknownOr(state, personId, actor);
        return command;
      case 'ChangePersonRoles':
      case 'SuspendPerson':
      case 'ReinstatePerson':
        if (!hasRole(actor, 'admin')) throw this.unknownOr(state, personId, actor);
        return command;
    }
  }

  /** 404 for a person the actor may not even see; 403 for one it sees but may not manage. */
  private unknownOr(state: PersonState, personId: string, actor: CommandContext['actor']): Error {
    if (state.status === 'none' || !maySeePerson(actor, state)) {
      return new AggregateNotFound('Person', personId);
    }
    return accessDenied('You may not do this to this person');
  }
}
