import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { temporaryCheckout, type TemporaryCheckout } from '../support/temporary-checkout';
import { type ReadmeBlock, readmeShellBlocks } from './readme-blocks';
import {
  type ExampleRun,
  newcomerEnvironment,
  README_PORT,
  type ReadmeLedger,
  type ShellSession,
  startReadmeLedger,
  startShellSession,
} from './readme-runner';

const REPOSITORY = resolve(__dirname, '../..');
const BLOCKS = readmeShellBlocks(readFileSync(join(REPOSITORY, 'README.md'), 'utf8'));

/**
 * Every ```bash example of the README (see readme-blocks.ts for which are run), run as written,
 * in the README's order, in one bash session, against a fresh ledger: the API compiled and
 * started as `npm start` does, in a copy of the repository (its own ./data, its own dist/ and
 * dist-cli/), where the examples' `npx ledger` and the files they write stay. Any command that
 * fails fails the example, an HTTP status of 400 or more included (see readme-runner.ts). The one
 * liberty taken: when port 3000 is taken, the API listens on another, and the examples' URL
 * `http://localhost:3000` is rewritten to it. What the README says an example shows (in its
 * comments) is checked below, on what the example printed or wrote.
 */
describe('the README examples, run as written on a fresh ledger', () => {
  // Two type-checked `nest build`s (the API's, then the CLI's) take minutes beside a CPU burner.
  jest.setTimeout(20 * 60_000);

  let checkout: TemporaryCheckout;
  let scripts: string;
  let ledger: ReadmeLedger;
  let shell: ShellSession;

  beforeAll(async () => {
    checkout = temporaryCheckout('readme-examples-');
    scripts = mkdtempSync(join(tmpdir(), 'readme-examples-scripts-'));
    const env = newcomerEnvironment(checkout.dir);
    ledger = await startReadmeLedger(checkout.dir, env);
    await ledger.ready;
    shell = startShellSession(checkout.dir, env, scripts);
  });

  afterAll(async () => {
    await shell?.close();
    await ledger?.stop();
    checkout?.remove();
    if (scripts) rmSync(scripts, { recursive: true, force: true });
  });

  const asRun = (block: ReadmeBlock) =>
    ledger.port === README_PORT
      ? block.source
      : block.source.replaceAll(
          `http://localhost:${README_PORT}`,
          `http://localhost:${ledger.port}`,
        );

  for (const block of BLOCKS) {
    if (block.notRun !== undefined) {
      it.skip(`line ${block.line} is not run: ${block.notRun}`, () => undefined);
      continue;
    }
    it(`runs the example at line ${block.line}`, async () => {
      const run = await shell.run(asRun(block), block.line);
      for (const outcome of OUTCOMES.filter(({ example }) => block.source.includes(example))) {
        outcome.holds(run, checkout.dir);
      }
    });
  }

  it('finds, for each outcome it checks, the one example that shows it', () => {
    const runnable = BLOCKS.filter((block) => block.notRun === undefined);
    const found = OUTCOMES.map(({ example }) => [
      example,
      runnable.filter((block) => block.source.includes(example)).length,
    ]);
    expect(found).toEqual(OUTCOMES.map(({ example }) => [example, 1]));
  });
});

/** What the README says an example shows, checked on what it printed or wrote. */
interface Outcome {
  /** A command only that example holds. */
  readonly example: string;
  holds(run: ExampleRun, checkout: string): void;
}

/** The answers the example printed, one a line (curl's, see readme-runner.ts), parsed. */
function answers(run: ExampleRun): Record<string, unknown>[] {
  return run.stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** The answer that has `field`: examples print several, in the order of their commands. */
function answerWith(run: ExampleRun, field: string): Record<string, unknown> {
  const found = answersWith(run, field);
  expect(found).toHaveLength(1);
  return found[0];
}

/** Every JSON answer of the example that has `field`, in the order they came. */
function answersWith(run: ExampleRun, field: string): Record<string, unknown>[] {
  return answers(run).filter((answer) => field in answer);
}

/** The file the example wrote into the working directory, by the start of its name. */
function written(checkout: string, prefix: string, extension: string): Buffer {
  const names = readdirSync(checkout).filter(
    (name) => name.startsWith(prefix) && name.endsWith(extension),
  );
  expect(names).toHaveLength(1);
  return readFileSync(join(checkout, names[0]));
}

const OUTCOMES: readonly Outcome[] = [
  {
    example: '$L/streams/commitment-youth--tutoring-hours/state',
    holds(run) {
      const [, , , made, , contributed] = answers(run);
      // "recorded as youth--tutoring-hours"
      expect(made).toMatchObject({ id: 'youth--tutoring-hours', events: ['CommitmentMade'] });
      // "its fulfilment claim: contribution-youth--mentoring-nov"
      expect(contributed).toMatchObject({
        id: 'youth--mentoring-nov',
        fulfilmentClaim: { claimId: 'contribution-youth--mentoring-nov' },
      });
      // "in_progress, 12 of 40 hours confirmed"
      expect(answerWith(run, 'state')).toMatchObject({
        stream: 'commitment-youth--tutoring-hours',
        state: {
          status: 'in_progress',
          terms: { quantity: 40, unit: 'hours' },
          confirmedQuantity: 12,
          claims: { 'contribution-youth--mentoring-nov': { status: 'confirmed', quantity: 12 } },
        },
      });
    },
  },
  {
    example: 'TOKEN=$(npx ledger token issue',
    holds(run) {
      // ACME's token lists the partnership ACME is a member of.
      expect(answerWith(run, 'items')).toMatchObject({
        items: [{ partnershipId: 'youth' }],
        next: null,
      });
    },
  },
  {
    example: '$L/partnerships/youth/accountability',
    holds(run) {
      // "the policies there are, with their rates"
      expect(answerWith(run, 'items')).toMatchObject({
        items: [{ policyId: 'default', entries: [{ entry: 'rate', version: 1, rate: 15.5 }] }],
        next: null,
      });
      const [accountability, volunteerTime] = answersWith(run, 'summary');
      // "who committed volunteer time": only the partners who did
      expect(volunteerTime).toMatchObject({
        kind: 'volunteer_time',
        partners: [{ partnerId: 'acme', commitments: [{ kind: 'volunteer_time' }] }],
      });
      expect(volunteerTime.partners).toHaveLength(1);
      // "who committed what, and did they deliver"
      expect(accountability).toMatchObject({
        kind: null,
        partnershipId: 'youth',
        partners: [
          {
            partnerId: 'acme',
            commitments: [
              {
                commitmentId: 'youth--tutoring-hours',
                status: 'in_progress',
                confirmedQuantity: 12,
              },
            ],
          },
          { partnerId: 'sos-jeunes', commitments: [] },
        ],
      });
      const [named, partnershipDefault] = answersWith(run, 'valuation');
      // "valued under it": the partnership's default, with no policyId in the query
      expect(partnershipDefault).toMatchObject({
        valuation: { policyId: 'default', chosenBy: 'partnership-default' },
        totals: { valueCents: 18600 },
      });
      // "who contributed what, worth how much: 12 hours, 186 EUR"
      expect(named).toMatchObject({
        valuation: { policyId: 'default', currency: 'EUR', chosenBy: 'named' },
        totals: {
          valueCents: 18600,
          byKindAndUnit: [{ kind: 'volunteer_time', unit: 'hours', quantity: 12 }],
        },
        partners: [
          { partnerId: 'acme', share: 1 },
          { partnerId: 'sos-jeunes', share: 0 },
        ],
      });
    },
  },
  {
    example: '$L/exports/contributions.xlsx',
    holds(_run, checkout) {
      // A workbook is a zip file.
      expect(written(checkout, 'contributions-', '.xlsx').subarray(0, 4)).toEqual(
        Buffer.from('PK\x03\x04', 'latin1'),
      );
      const csv = written(checkout, 'commitments-', '.csv').toString('utf8');
      // For Excel in French: a byte-order mark, `;` between cells.
      expect(csv.startsWith('\ufeffcommitmentId;partnershipId;')).toBe(true);
      expect(csv).toMatch(/^youth--tutoring-hours;youth;Youth empowerment;acme;/m);
    },
  },
  {
    example: '$L/partnerships/youth/results-chain',
    holds(run) {
      // "dropout: ACME's 20 hours promised, progress 0.25"
      expect(answerWith(run, 'objectives')).toMatchObject({
        partnershipId: 'youth',
        objectives: [
          {
            objectiveId: 'dropout',
            commitments: [
              { commitmentId: 'youth--exam-coaching', partnerId: 'acme', quantity: 20 },
            ],
            indicators: [{ indicatorId: 'dropout-rate', progress: 0.25 }],
          },
        ],
      });
      // "ACME: exam coaching toward dropout; its 12 hours (186 EUR) toward no objective"
      expect(answerWith(run, 'partnerships')).toMatchObject({
        partnerId: 'acme',
        partnerships: [
          {
            partnershipId: 'youth',
            objectives: [{ objectiveId: 'dropout', commitmentIds: ['youth--exam-coaching'] }],
            unlinked: { contributions: 1, valueCents: 18600 },
          },
        ],
      });
    },
  },
  {
    example: '$L/partnerships/summer/accountability?asOf=2026-03-01',
    holds(run) {
      // "fulfilled, delivered 2026-07-20: on time, back-filled"
      expect(answerWith(run, 'deliveredOn')).toMatchObject({
        commitmentId: 'summer--july-camp',
        status: 'fulfilled',
        madeOn: '2026-02-10',
        deliveredOn: '2026-07-20',
        fulfilledOnTime: true,
        backfilled: true,
        backfillReason: 'Agreed at the February steering meeting',
      });
      const [asOf, knownAt] = answers(run).filter((answer) => 'summary' in answer);
      // "1 March 2026: made 1, open, not yet due"
      expect(asOf).toMatchObject({ asOf: '2026-03-01', summary: { made: 1, open: 1, overdue: 0 } });
      // "before the camp was recorded: 1 overdue"
      expect(knownAt).toMatchObject({ summary: { made: 1, fulfilled: 0, overdue: 1 } });
      // "the back-filled acts, with their reasons"
      const trail = answerWith(run, 'items') as { items: { backfilled: boolean }[] };
      expect(trail.items).toHaveLength(3);
      expect(trail.items.every((entry) => entry.backfilled)).toBe(true);
    },
  },
  {
    example: 'ledger verify-inclusion',
    holds(run) {
      // "Each command prints its verdict and exits 0"
      expect(run.stdout.trim().split('\n')).toEqual([
        expect.stringMatching(/^tree head verified: size \d+, /),
        expect.stringMatching(/^consistency verified: /),
        expect.stringMatching(
          /^inclusion verified: event \S+ \(stream contribution-youth--mentoring-nov, revision 0,/,
        ),
      ]);
    },
  },
];
