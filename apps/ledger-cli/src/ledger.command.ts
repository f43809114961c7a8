import { CommandRunner, RootCommand } from 'nest-commander';
import { VerifyConsistencyCommand } from './offline/verify-consistency.command';
import { VerifyInclusionCommand } from './offline/verify-inclusion.command';
import { VerifyTreeHeadCommand } from './offline/verify-tree-head.command';
import { TokenCommand } from './token/token.command';
import { VerifyCommand } from './verify/verify.command';

/** `ledger` alone, or with an unknown command: say so and show what there is. */
@RootCommand({
  name: 'ledger',
  description:
    'Operator commands for Cohesion Ledger (same settings and data directory as the API)',
  subCommands: [
    TokenCommand,
    VerifyCommand,
    VerifyTreeHeadCommand,
    VerifyInclusionCommand,
    VerifyConsistencyCommand,
  ],
})
export class LedgerCommand extends CommandRunner {
  run(passedParams: string[]): Promise<void> {
    if (passedParams.length > 0) {
      process.stderr.write(`ledger: unknown command "${passedParams.join(' ')}"\n`);
    }
    this.command.help({ error: true });
  }
}
