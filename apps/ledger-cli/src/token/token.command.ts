import { CommandRunner, SubCommand } from 'nest-commander';
import { IssueTokenCommand } from './issue-token.command';

@SubCommand({
  name: 'token',
  description: 'Access tokens for the API',
  subCommands: [IssueTokenCommand],
})
export class TokenCommand extends CommandRunner {
  run(passedParams: string[]): Promise<void> {
    if (passedParams.length > 0) {
      process.stderr.write(`ledger: unknown command "token ${passedParams.join(' ')}"\n`);
    }
    this.command.help({ error: true });
  }
}
