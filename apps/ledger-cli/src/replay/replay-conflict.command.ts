import { QueryBus } from '@nestjs/cqrs';
import { Help, Option, CommandRunner, SubCommand } from 'nest-commander';
import { EVENT_STORE, type EventStore } from '@cohesion/event-store';
import { type CaseStep, ProjectionRunner } from '@cohesion/projections';
import {
  ConflictReplayQuery,
  type ConflictReplayView,
  PersonalDataReader,
  type Principal,
  ApplicationError,
} from '@cohesion/application';
import { assertLedgerExists } from '../ledger-context/existing-ledger';
import { LedgerContextModule } from '../ledger-context/ledger-context.module';
import { readModelsCaughtUp } from '../ledger-context/read-models-caught-up';
import { withContext } from '../ledger-context/with-context';
import { conflictTimeline } from './conflict-timeline';

interface ReplayOptions {
  readonly json?: boolean;
}

/** The operator reads as an auditor: everything, and writes nothing. */
const OPERATOR: Principal = { sub: 'ledger-cli', roles: ['auditor'] };
const PAGE = 500;

/** `ledger replay conflict <id>`: the API's replay of a conflict case, step by step. */
@SubCommand({
  name: 'conflict',
  arguments: '<conflict-id>',
  description: "Print a conflict case's timeline, with the case's state after each step",
})
export class ReplayConflictCommand extends CommandRunner {
  async run([conflictId]: string[], options: ReplayOptions): Promise<void> {
    assertLedgerExists();
    const steps = await withContext(LedgerContextModule.forRoot(), async (context) => {
      const head = await context.get<EventStore>(EVENT_STORE).headPosition();
      await readModelsCaughtUp(context.get(ProjectionRunner), head, 'read models');
      // Printed with personal fields opened, as the API serves them (erased ones as markers).
      return context
        .get(PersonalDataReader)
        .open(await timelineOf(context.get(QueryBus), conflictId));
    });
    process.stdout.write(
      options.json ? `${JSON.stringify(steps, null, 2)}\n` : conflictTimeline(conflictId, steps),
    );
  }

  @Option({ flags: '--json', description: 'print the steps as JSON (event data and full state)' })
  parseJson(): boolean {
    return true;
  }

  @Help('after')
  example(): string {
    return ['', 'Example:', '  npx ledger replay conflict room-access-tilleuls'].join('\n');
  }
}

async function timelineOf(queries: QueryBus, conflictId: string): Promise<CaseStep[]> {
  const steps: CaseStep[] = [];
  let page: ConflictReplayView | undefined;
  do {
    const after = steps.length > 0 ? steps[steps.length - 1].revision : undefined;
    try {
      page = await queries.execute(
        new ConflictReplayQuery(conflictId, { after, limit: PAGE }, OPERATOR),
      );
    } catch (error) {
      if (error instanceof ApplicationError && error.kind === 'not-found')
        throw new Error(`no conflict ${conflictId} in the ledger`);
      throw error;
    }
    steps.push(...page.steps);
  } while (page.next !== null);
  return steps;
}
