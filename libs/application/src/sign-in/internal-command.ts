import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CommandBus } from '@nestjs/cqrs';
import { ProjectionRunner } from '@cohesion/projections';
import type { Principal } from '../access/principal';
import type { CommandContext, CommandResult } from '../command-side/command-context';
import { commandFrom } from '../command-side/command-messages';
import type { LedgerConfig } from '../config/ledger-config';
import { PersonCommandMessage, type PersonRequest } from '../people/person-command.handler';

/**
 * Sends a person command on behalf of sign-in (a person accepting their invitation), and waits
 * until the read models know it: the person's very next request is checked against the directory.
 */
@Injectable()
export class DirectoryCommands {
  constructor(
    private readonly commands: CommandBus,
    private readonly runner: ProjectionRunner,
    private readonly config: ConfigService<LedgerConfig, true>,
  ) {}

  async send<T extends PersonRequest['type']>(
    type: T,
    data: Extract<PersonRequest, { type: T }>['data'],
    actor: Principal,
  ): Promise<CommandResult> {
    const commandId = randomUUID();
    const context: CommandContext = {
      actor,
      commandId,
      correlationId: commandId,
      causationId: commandId,
      now: new Date().toISOString(),
    };
    const result = await this.commands.execute<PersonCommandMessage, CommandResult>(
      new PersonCommandMessage(commandFrom<PersonRequest>(type, data, context), context),
    );
    await this.runner.waitFor(
      BigInt(result.position),
      this.config.get('LEDGER_READ_MODEL_WAIT_MS', { infer: true }),
    );
    return result;
  }
}
