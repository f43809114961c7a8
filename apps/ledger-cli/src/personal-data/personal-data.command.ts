import { CommandRunner, SubCommand } from 'nest-commander';
import { PersonalDataScanCommand } from './personal-data-scan.command';

@SubCommand({
  name: 'personal-data',
  description: 'Personal data in the log (the scan of legacy events in clear)',
  subCommands: [PersonalDataScanCommand],
})
export class PersonalDataCommand extends CommandRunner {
  run(passedParams: string[]): Promise<void> {
    if (passedParams.length > 0) {
      process.stderr.write(`ledger: unknown command "personal-data ${passedParams.join(' ')}"\n`);
    }
    this.command.help({ error: true });
  }
}
