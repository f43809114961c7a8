import { CommandRunner, SubCommand } from 'nest-commander';
import { RetentionApplyCommand } from './retention-apply.command';

@SubCommand({
  name: 'retention',
  description: 'The retention of feedback contact details (per partnership)',
  subCommands: [RetentionApplyCommand],
})
export class RetentionCommand extends CommandRunner {
  run(passedParams: string[]): Promise<void> {
    if (passedParams.length > 0) {
      process.stderr.write(`ledger: unknown command "retention ${passedParams.join(' ')}"\n`);
    }
    this.command.help({ error: true });
  }
}
