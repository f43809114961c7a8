import { Help, Option, CommandRunner, SubCommand } from 'nest-commander';
import { FeedbackContactRetention, type RetentionRun } from '@cohesion/application';
import { assertLedgerExists } from '../ledger-context/existing-ledger';
import { withWritingContext } from '../ledger-context/with-context';
import { RetentionContextModule } from './retention-context.module';

interface ApplyOptions {
  readonly json?: boolean;
}

/**
 * `ledger retention apply`: what the API does once a day, now. Shreds the contact details left
 * with feedback older than its partnership's retention, recording each partnership's run
 * (`FeedbackContactsShredded`, stream `retention-<partnershipId>`) before destroying the keys.
 */
@SubCommand({
  name: 'apply',
  description:
    "Shred the feedback contact details older than their partnership's retention (recorded, " +
    'then their keys destroyed); running it again shreds nothing twice',
})
export class RetentionApplyCommand extends CommandRunner {
  async run(_params: string[], options: ApplyOptions): Promise<void> {
    assertLedgerExists();
    const run = await withWritingContext(RetentionContextModule.forRoot(), (context) =>
      context.get(FeedbackContactRetention).apply(new Date()),
    );
    process.stdout.write(options.json ? `${JSON.stringify(run, null, 2)}\n` : report(run));
  }

  @Option({ flags: '--json', description: 'print what was done as JSON' })
  parseJson(): boolean {
    return true;
  }

  @Help('after')
  example(): string {
    return [
      '',
      'Examples:',
      '  npx ledger retention apply',
      '  npx ledger retention apply --json',
    ].join('\n');
  }
}

function report(run: RetentionRun): string {
  const lines = run.partnerships.map(
    ({ partnershipId, retentionMonths, before, shredded, inClear }) =>
      `${partnershipId}: ${shredded.length} contact(s) shredded (kept ${retentionMonths} months: ` +
      `feedback recorded before ${before})` +
      (inClear.length > 0
        ? `; ${inClear.length} in clear in legacy events, which cannot be shredded`
        : ''),
  );
  return [
    ...(lines.length > 0 ? lines : ['No partnership has a retention of feedback contacts']),
    `${run.shredded} contact(s) shredded in all`,
    '',
  ].join('\n');
}
