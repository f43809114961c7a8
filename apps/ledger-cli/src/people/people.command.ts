import { CommandRunner, SubCommand } from 'nest-commander';
import { InvitePersonCommand } from './invite-person.command';

@SubCommand({
  name: 'people',
  description: 'The people directory (invitations)',
  subCommands: [InvitePersonCommand],
})
export class PeopleCommand extends CommandRunner {
  run(passedParams: string[]): Promise<void> {
    if (passedParams.length > 0) {
      process.stderr.write(`ledger: unknown command "people ${passedParams.join(' ')}"\n`);
    }
    this.command.help({ error: true });
  }
}
