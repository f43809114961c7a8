import { CommandBus } from '@nestjs/cqrs';
import { Help, Option, CommandRunner, SubCommand } from 'nest-commander';
import { EVENT_STORE, type EventStore } from '@cohesion/event-store';
import { ProjectionRunner } from '@cohesion/projections';
import { LedgerContextModule } from '../ledger-context/ledger-context.module';
import { readModelsCaughtUp } from '../ledger-context/read-models-caught-up';
import { withWritingContext } from '../ledger-context/with-context';
import { withProgress } from '../progress/progress';
import { DemoClock } from './demo-clock';
import { DEFAULT_SEED, demoHistory } from './demo-history';
import { DemoRecorder } from './demo-recorder';
import { recordedSeed } from './recorded-seed';
import { Seeded } from './seeded';

interface DemoOptions {
  readonly seed: number;
}

/** `ledger demo`: two realistic partnership histories, through the API's command handlers. */
@SubCommand({
  name: 'demo',
  description:
    'Record the demo history (Sept. 2025 - Oct. 2026) of two partnerships: "avenir-jeunes", a ' +
    'youth programme against school dropout, and "montclair-ensemble", a campaign against ' +
    'racial discrimination; the same seed records the same events, and a second run nothing new',
})
export class DemoCommand extends CommandRunner {
  async run(_params: string[], { seed }: DemoOptions): Promise<void> {
    const clock = new DemoClock();
    await withWritingContext(LedgerContextModule.forRoot(clock), async (context) => {
      const store = context.get<EventStore>(EVENT_STORE);
      const before = await store.headPosition();
      const earlier = await recordedSeed(store);
      if (earlier !== undefined && earlier !== seed) {
        throw new Error(
          `this ledger already holds the demo recorded with seed ${earlier}: record seed ${seed} ` +
            'in a fresh LEDGER_DATA_DIR',
        );
      }
      const demo = new DemoRecorder(context.get(CommandBus), clock, seed);
      const steps = demoHistory(new Seeded(seed));
      await withProgress('demo', steps.length, 'commands', async (progress) => {
        for (const [index, step] of steps.entries()) {
          demo.day(step.day);
          await step.record(demo);
          progress.update(index + 1, demo.sent);
        }
      });
      const after = await store.headPosition();
      await readModelsCaughtUp(context.get(ProjectionRunner), after, 'read models');
      process.stdout.write(
        after === before
          ? `demo (seed ${seed}) already recorded: nothing new (${demo.sent} commands checked)\n`
          : `demo (seed ${seed}) recorded: ${demo.sent} commands, log head ${before} -> ${after}\n`,
      );
    });
  }

  @Option({
    flags: '--seed <n>',
    description: `a whole number choosing the demo's figures (default ${DEFAULT_SEED})`,
    defaultValue: DEFAULT_SEED,
  })
  parseSeed(value: string): number {
    if (!/^\d{1,9}$/.test(value)) throw new Error(`--seed must be a whole number, got "${value}"`);
    return Number(value);
  }

  @Help('after')
  example(): string {
    return [
      '',
      'Examples:',
      '  npm run demo',
      '  LEDGER_DATA_DIR=/tmp/demo npx ledger demo --seed 7',
      '  npm start   # then, with an admin token, GET /partnerships/avenir-jeunes/accountability',
    ].join('\n');
  }
}
