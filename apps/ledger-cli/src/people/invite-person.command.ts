import { randomUUID } from 'node:crypto';
import { CommandBus } from '@nestjs/cqrs';
import { Help, Option, CommandRunner, SubCommand } from 'nest-commander';
import { EVENT_STORE, type EventStore } from '@cohesion/event-store';
import { ProjectionRunner } from '@cohesion/projections';
import {
  AccessRecorder,
  type CommandContext,
  commandFrom,
  type CommandResult,
  IdentityAudit,
  PersonCommandMessage,
  PersonLinks,
  type PersonRequest,
  type Principal,
  ROLES,
  type Role,
} from '@cohesion/application';
import { LedgerContextModule } from '../ledger-context/ledger-context.module';
import { readModelsCaughtUp } from '../ledger-context/read-models-caught-up';
import { withContext } from '../ledger-context/with-context';

interface InviteOptions {
  readonly name: string;
  readonly email: string;
  readonly role?: string[];
  readonly partner?: string;
  readonly id?: string;
}

/** The operator acts as an administrator of the directory, recorded as `ledger-cli`. */
const OPERATOR: Principal = { sub: 'ledger-cli', roles: ['admin'] };
const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

/**
 * `ledger people invite`: records an invitation in the people directory, as the API's POST
 * /people does, and prints the single-use link to give the person (only the link on stdout). On
 * a fresh ledger, this is how its first administrator comes in.
 */
@SubCommand({
  name: 'invite',
  description: 'Invite a person (e.g. the first administrator) and print their invitation link',
})
export class InvitePersonCommand extends CommandRunner {
  async run(_passedParams: string[], options: InviteOptions): Promise<void> {
    const roles = rolesOf(options.role ?? []);
    if (options.id !== undefined && !ID.test(options.id)) {
      throw new Error('--id must be 1-100 letters, digits, _ or -');
    }
    const personId = options.id ?? randomUUID();
    const { link, result } = await withContext(LedgerContextModule.forRoot(), async (context) => {
      const store = context.get<EventStore>(EVENT_STORE);
      await readModelsCaughtUp(
        context.get(ProjectionRunner),
        await store.headPosition(),
        'directory',
      );
      const commandContext = operatorContext();
      const command = commandFrom<PersonRequest>(
        'InvitePerson',
        {
          personId,
          displayName: options.name,
          email: options.email,
          partnerId: options.partner ?? null,
          roles,
        },
        commandContext,
      );
      const recorded = await context
        .get(CommandBus)
        .execute<
          PersonCommandMessage,
          CommandResult
        >(new PersonCommandMessage(command, commandContext));
      const invitation = await context.get(PersonLinks).invitation(personId, OPERATOR, {
        email: options.email,
        displayName: options.name,
      });
      await new IdentityAudit(new AccessRecorder(store)).record(
        { principal: OPERATOR, method: 'CLI', route: 'people invite', path: 'people invite' },
        'invitation',
        201,
        `person ${personId} as ${roles.join(', ') || 'no role'}`,
      );
      return { link: invitation, result: recorded };
    });
    process.stderr.write(
      `ledger: invited person ${personId} (log position ${result.position}); the link works once, until ${link.expiresAt}\n`,
    );
    if (link.emailedTo) process.stderr.write(`ledger: e-mailed to ${link.emailedTo}\n`);
    if (link.emailError) process.stderr.write(`ledger: ${link.emailError}\n`);
    process.stdout.write(`${link.url}\n`);
  }

  @Option({ flags: '--name <name>', description: 'the name shown for the person', required: true })
  parseName(value: string): string {
    return value;
  }

  @Option({
    flags: '--email <address>',
    description: 'the e-mail they sign in with',
    required: true,
  })
  parseEmail(value: string): string {
    return value;
  }

  @Option({
    flags: '--role <role>',
    description: `${ROLES.join(', ')}; repeat (or separate with commas) for several`,
  })
  parseRole(value: string, previous: string[] = []): string[] {
    return [...previous, ...value.split(',').map((role) => role.trim())];
  }

  @Option({ flags: '--partner <id>', description: 'the partner the person acts for' })
  parsePartner(value: string): string {
    return value;
  }

  @Option({ flags: '--id <person-id>', description: 'the person id (a new UUID by default)' })
  parseId(value: string): string {
    return value;
  }

  @Help('after')
  example(): string {
    return [
      '',
      'The first administrator of a fresh ledger (LEDGER_PUBLIC_ORIGIN is the address of the web app):',
      '  npx ledger people invite --role admin --name "Camille Martin" --email camille@montclair.example',
    ].join('\n');
  }
}

function rolesOf(given: readonly string[]): Role[] {
  const unknown = given.filter((role) => !(ROLES as readonly string[]).includes(role));
  if (unknown.length > 0) {
    throw new Error(
      `unknown role ${unknown.map((r) => `"${r}"`).join(', ')}: use ${ROLES.join(', ')}`,
    );
  }
  return given as Role[];
}

function operatorContext(): CommandContext {
  const commandId = randomUUID();
  return {
    actor: OPERATOR,
    commandId,
    correlationId: commandId,
    causationId: commandId,
    now: new Date().toISOString(),
  };
}
