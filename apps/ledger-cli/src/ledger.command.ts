import type { Type } from '@nestjs/common';
import { CommandRunner, Help, RootCommand } from 'nest-commander';

/**
 * The root command, `ledger`, over `subCommands`: alone, or with an unknown command, it says so
 * and shows what there is. A function of its commands, so that a CLI module loads only the
 * commands (and their imports) it serves.
 */
export function ledgerCommandOf(subCommands: Type<CommandRunner>[]): Type<CommandRunner> {
  @RootCommand({
    name: 'ledger',
    description:
      'Operator commands for Cohesion Ledger (same settings and data directory as the API)',
    subCommands,
  })
  class LedgerCommand extends CommandRunner {
    run(passedParams: string[]): Promise<void> {
      if (passedParams.length > 0) {
        process.stderr.write(`ledger: unknown command "${passedParams.join(' ')}"\n`);
      }
      this.command.help({ error: true });
    }

    @Help('after')
    examples(): string {
      return [
        '',
        'Examples (LEDGER_DATA_DIR and EVENTSTORE_CONNECTION_STRING as for the API):',
        '  npx ledger demo                              record the demo partnerships',
        '  npx ledger stats                             events, streams, read-model lag, size',
        '  npx ledger verify                            check hash chains, Merkle log, tree heads',
        '  npx ledger rebuild accountability            rebuild read models from the log',
        '  npx ledger replay conflict salle-tilleuls-fermee   a conflict, step by step',
        '  npx ledger export --out ledger.jsonl         the whole log as JSON Lines',
        '  npx ledger import ledger.jsonl               into another ledger, hashes kept',
        '  npx ledger token issue --role admin --sub me-city   an access token',
        '  npx ledger people invite --role admin --name "Camille Martin" --email camille@city.example',
        '',
        'Each command has its own help: npx ledger <command> --help',
      ].join('\n');
    }
  }
  return LedgerCommand;
}
