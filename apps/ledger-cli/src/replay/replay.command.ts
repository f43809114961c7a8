import { CommandRunner, SubCommand } from 'nest-commander';
import { ReplayConflictCommand } from './replay-conflict.command';

/** `ledger replay …`: step-by-step histories. */
@SubCommand({
  name: 'replay',
  description: 'Replay a history step by step: replay conflict <id>',
  subCommands: [ReplayConflictCommand],
})
export class ReplayCommand extends CommandRunner {
  run(): Promise<void> {
    this.command.help({ error: true });
  }
}
