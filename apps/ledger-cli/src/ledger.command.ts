import { CommandRunner, Help, RootCommand } from 'nest-commander';
import { DemoCommand } from './demo/demo.command';
import { ExportCommand } from './export-import/export.command';
import { ImportCommand } from './export-import/import.command';
import { VerifyConsistencyCommand } from './offline/verify-consistency.command';
import { VerifyInclusionCommand } from './offline/verify-inclusion.command';
import { VerifyTreeHeadCommand } from './offline/verify-tree-head.command';
import { PeopleCommand } from './people/people.command';
import { RebuildCommand } from './rebuild/rebuild.command';
import { ReplayCommand } from './replay/replay.command';
import { StatsCommand } from './stats/stats.command';
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
    DemoCommand,
    RebuildCommand,
    ReplayCommand,
    ExportCommand,
    ImportCommand,
    StatsCommand,
    PeopleCommand,
  ],
})
export class LedgerCommand extends CommandRunner {
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
      '  npm run -s ledger -- demo                              record the demo partnerships',
      '  npm run -s ledger -- stats                             events, streams, read-model lag, size',
      '  npm run -s ledger -- verify                            check hash chains, Merkle log, tree heads',
      '  npm run -s ledger -- rebuild accountability            rebuild read models from the log',
      '  npm run -s ledger -- replay conflict salle-tilleuls-fermee   a conflict, step by step',
      '  npm run -s ledger -- export --out ledger.jsonl         the whole log as JSON Lines',
      '  npm run -s ledger -- import ledger.jsonl               into another ledger, hashes kept',
      '  npm run -s ledger -- token issue --role admin --sub me@city   an access token',
      '  npm run -s ledger -- people invite --role admin --name "Camille Martin" --email camille@city.example',
      '',
      'Each command has its own help: npm run -s ledger -- <command> --help',
    ].join('\n');
  }
}
