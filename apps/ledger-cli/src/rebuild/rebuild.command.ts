import { Help, CommandRunner, SubCommand } from 'nest-commander';
import { EVENT_STORE, type EventStore } from '@cohesion/event-store';
import { ALL_PROJECTORS, ProjectionRunner } from '@cohesion/projections';
import { assertLedgerExists } from '../ledger-context/existing-ledger';
import { LedgerContextModule } from '../ledger-context/ledger-context.module';
import { withWritingContext } from '../ledger-context/with-context';
import { readModelsCaughtUp } from '../ledger-context/read-models-caught-up';

const READ_MODEL_NAMES = ALL_PROJECTORS.map(({ name }) => name);

/** `ledger rebuild [read-model…]`: drop read models and project the whole log into them again. */
@SubCommand({
  name: 'rebuild',
  arguments: '[read-models...]',
  description:
    `Drop the named read models (all when none is named) of this node and rebuild them from the ` +
    `log; stop the API on this data directory first. Read models: ${READ_MODEL_NAMES.join(', ')}`,
})
export class RebuildCommand extends CommandRunner {
  async run(names: string[]): Promise<void> {
    const unknown = names.filter((name) => !READ_MODEL_NAMES.includes(name));
    if (unknown.length > 0) {
      throw new Error(
        `unknown read model ${unknown.map((name) => `"${name}"`).join(', ')}: ` +
          `use ${READ_MODEL_NAMES.join(', ')}`,
      );
    }
    assertLedgerExists();
    const rebuilt = names.length > 0 ? names : READ_MODEL_NAMES;
    await withWritingContext(LedgerContextModule.forRoot(), async (context) => {
      const runner = context.get(ProjectionRunner);
      const head = await context.get<EventStore>(EVENT_STORE).headPosition();
      runner.rebuild(names.length > 0 ? names : undefined);
      await readModelsCaughtUp(runner, head, 'rebuild');
    });
    process.stdout.write(`rebuilt ${rebuilt.join(', ')}\n`);
  }

  @Help('after')
  example(): string {
    return [
      '',
      'Examples:',
      '  npx ledger rebuild',
      '  npx ledger rebuild accountability conflict_cases',
    ].join('\n');
  }
}
