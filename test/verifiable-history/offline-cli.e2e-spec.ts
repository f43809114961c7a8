import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_STORE, type EventStore } from '@cohesion/event-store';
import { ProjectionRunner } from '@cohesion/projections';
import type {
  ConsistencyProofDocument,
  InclusionProofDocument,
  PublicKeyDocument,
  TreeHeadDocument,
} from '@cohesion/application';
import { startTestLedger } from '../support/ledger-app';
import { type LedgerClient, ledgerClient } from '../support/ledger-client';
import { partnershipWith } from '../support/partnership-fixtures';
import type { CommandRunner } from 'nest-commander';
import { VerifyConsistencyCommand } from '../../apps/ledger-cli/src/offline/verify-consistency.command';
import { VerifyInclusionCommand } from '../../apps/ledger-cli/src/offline/verify-inclusion.command';
import { VerifyTreeHeadCommand } from '../../apps/ledger-cli/src/offline/verify-tree-head.command';
import { type CliRun, ledgerCli } from '../support/ledger-cli';

interface StreamEvent {
  readonly id: string;
}

/**
 * A partner saves the API's answers as files and checks them later, offline, with the CLI:
 * no settings, no data directory, only the files.
 */
describe('offline verification of saved tree heads and proofs (CLI)', () => {
  jest.setTimeout(60_000);
  const files = mkdtempSync(join(tmpdir(), 'ledger-proofs-'));
  const file = (name: string) => join(files, name);
  const save = (name: string, content: unknown) =>
    writeFileSync(file(name), typeof content === 'string' ? content : JSON.stringify(content));
  let oldHead: TreeHeadDocument;
  let runs: Record<string, CliRun>;

  beforeAll(async () => {
    const ledger = await startTestLedger();
    try {
      const api: LedgerClient = ledgerClient(ledger);
      const get = async <T>(path: string) => (await api.get(path).expect(200)).body as T;
      const settle = async () =>
        ledger.app
          .get(ProjectionRunner)
          .waitFor(await ledger.app.get<EventStore>(EVENT_STORE).headPosition(), 5000);
      await partnershipWith(api, 'west', ['acme']);
      await settle();
      oldHead = await get<TreeHeadDocument>('/verifiable-history/tree-head');
      await partnershipWith(api, 'west-2', ['sos']);
      await settle();
      const publicKey = await get<PublicKeyDocument>('/verifiable-history/public-key');
      const head = await get<TreeHeadDocument>('/verifiable-history/tree-head');
      const [event] = (await get<{ events: StreamEvent[] }>('/streams/partnership-west-2/events'))
        .events;
      const inclusion = await get<InclusionProofDocument>(
        `/verifiable-history/inclusion-proof?eventId=${event.id}`,
      );
      const consistency = await get<ConsistencyProofDocument>(
        `/verifiable-history/consistency-proof?oldSize=${oldHead.treeSize}`,
      );
      save('key.pem', publicKey.pem);
      save('key.json', publicKey);
      save('head.json', head);
      save('old-head.json', oldHead);
      save('event.json', event);
      save('other-event.json', { ...event, data: { forged: true } });
      save('inclusion.json', inclusion);
      save('consistency.json', consistency);
      // Tampered copies: a head claiming one more event, a proof with one hash changed, a proof
      // with no head (asked at a size nobody signed), a consistency proof with sizes swapped.
      save('forged-head.json', { ...head, treeSize: head.treeSize + 1 });
      const [first, ...rest] = inclusion.proof;
      const flipped = Buffer.from(first, 'base64');
      flipped[0] ^= 1;
      save('forged-inclusion.json', { ...inclusion, proof: [flipped.toString('base64'), ...rest] });
      save('headless-inclusion.json', { ...inclusion, treeHead: null });
      save('swapped-consistency.json', {
        ...consistency,
        oldTreeHead: consistency.newTreeHead,
        newTreeHead: consistency.oldTreeHead,
      });
      save('not-json.json', 'tree head?');
    } finally {
      await ledger.close();
    }

    const key = ['--public-key', file('key.pem')];
    const cases: Record<string, string[]> = {
      head: ['verify-tree-head', file('head.json'), ...key],
      inclusion: [
        'verify-inclusion',
        file('inclusion.json'),
        ...key,
        '--event',
        file('event.json'),
      ],
      consistency: [
        'verify-consistency',
        file('consistency.json'),
        ...key,
        '--old-tree-head',
        file('old-head.json'),
      ],
      forgedInclusion: ['verify-inclusion', file('forged-inclusion.json'), ...key],
      notJson: ['verify-tree-head', file('not-json.json'), ...key],
      noKey: ['verify-tree-head', file('head.json')],
    };
    // Child processes in parallel: each is a fresh `npm run ledger`, as a partner would run it.
    const results = await Promise.all(Object.values(cases).map((args) => ledgerCli(args)));
    runs = Object.fromEntries(Object.keys(cases).map((name, i) => [name, results[i]]));
  });
  afterAll(() => rmSync(files, { recursive: true, force: true }));

  it('accepts what the API served: the head, an inclusion proof with its event, a consistency proof', () => {
    expect(runs.head).toMatchObject({ code: 0, stderr: '' });
    expect(runs.head.stdout).toMatch(/^tree head verified: size \d+, root \S+, signed at \S+Z\n$/);
    expect(runs.inclusion).toMatchObject({ code: 0, stderr: '' });
    expect(runs.inclusion.stdout).toMatch(
      /^inclusion verified: event \S+ \(stream partnership-west-2, revision 0, position \d+\) is leaf \d+ of the tree of size \d+ signed at \S+, and the event file matches its hash\n$/,
    );
    expect(runs.consistency).toMatchObject({ code: 0, stderr: '' });
    expect(runs.consistency.stdout).toContain(
      `extends the tree of size ${oldHead.treeSize} signed at ${oldHead.timestamp}`,
    );
  });

  it.each([
    ['forgedInclusion', /inclusion proof rejected \(root-mismatch\)/],
    ['notJson', /not-json\.json is not JSON/],
    ['noKey', /required option '--public-key <file>' not specified/],
  ])('rejects %s with a message on stderr, nothing on stdout and exit code 1', (name, message) => {
    expect(runs[name]).toMatchObject({ code: 1, stdout: '' });
    expect(runs[name].stderr).toMatch(message);
  });

  // The same commands in this process (starting a CLI per case would take the suite too long):
  // every option names a file of the test directory; the verdict is what reaches stdout.
  const inProcess = async (
    command: CommandRunner,
    input: string,
    options: Record<string, string>,
  ): Promise<string> => {
    const printed = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const paths = Object.fromEntries(
      Object.entries(options).map(([name, value]) => [name, file(value)]),
    );
    try {
      await command.run([file(input)], paths);
      return printed.mock.calls.map(([text]) => String(text)).join('');
    } finally {
      printed.mockRestore();
    }
  };

  it('takes the public key as the API serves it (JSON) as well as PEM', async () => {
    const output = await inProcess(new VerifyTreeHeadCommand(), 'head.json', {
      publicKey: 'key.json',
    });
    expect(output).toBe(runs.head.stdout);
  });

  it.each<[string, () => CommandRunner, string, Record<string, string>, RegExp]>([
    [
      'a forged head',
      () => new VerifyTreeHeadCommand(),
      'forged-head.json',
      {},
      /tree head rejected \(bad-signature\)/,
    ],
    [
      'another event',
      () => new VerifyInclusionCommand(),
      'inclusion.json',
      { event: 'other-event.json' },
      /the event file's content does not match the proved event hash/,
    ],
    [
      'a proof without head',
      () => new VerifyInclusionCommand(),
      'headless-inclusion.json',
      {},
      /the proof names no signed tree head of size \d+: give one with --tree-head/,
    ],
    [
      'a head of another size',
      () => new VerifyInclusionCommand(),
      'inclusion.json',
      { treeHead: 'old-head.json' },
      /the proof is for size \d+ but the tree head for size \d+/,
    ],
    [
      'swapped heads',
      () => new VerifyConsistencyCommand(),
      'swapped-consistency.json',
      {},
      /the proof is from size \d+ to \d+, the tree heads are of sizes \d+ and \d+/,
    ],
    [
      'a missing file',
      () => new VerifyTreeHeadCommand(),
      'nope.json',
      {},
      /cannot read .*nope\.json: ENOENT/,
    ],
  ])('rejects %s', async (_, command, args, options, message) => {
    await expect(inProcess(command(), args, { publicKey: 'key.pem', ...options })).rejects.toThrow(
      message,
    );
  });
});
