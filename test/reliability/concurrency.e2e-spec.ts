import { EVENT_STORE, type EventStore } from '@cohesion/event-store';
import { EventStoreDbStandIn } from '../event-store/eventstoredb-stand-in';
import {
  acceptedCommitment,
  inPartnership,
  partnershipWith,
} from '../support/commitments-fixtures';
import { startTestLedger, type TestLedger } from '../support/ledger-app';
import { type LedgerClient, ledgerClient, partner } from '../support/ledger-client';
import {
  acknowledgeCommand,
  acknowledgementsOf,
  type CommandOutcome,
  commandsAgainstLog,
  countAppendConflicts,
  duplicatedFacts,
  type HttpCommand,
  isConcurrencyConflict,
  joinsOf,
  membersOf,
  readWholeLog,
  refusalsByStatus,
  sendAtOnce,
  succeeded,
  verifyHashChains,
} from '../support/reliability-fixtures';

const MEMBERS = membersOf(60);
const COMMITMENTS = Array.from({ length: 40 }, (_, i) => `c${String(i).padStart(2, '0')}`);
/** As the ledger records the ids chosen in the partnership `city`. */
const inCity = (id: string) => inPartnership('city', id);
const CLAIMS_PER_COMMITMENT = 5;
/** Committers p0–p3, vouchers p4–p7 (a claim is confirmed by another member). */
const CITY_PARTNERS = Array.from({ length: 8 }, (_, i) => `p${i}`);
const committerOf = (i: number) => `p${i % 4}`;
const voucherOf = (n: number) => `p${4 + (n % 4)}`;
/** One client sends hundreds of requests here: the per-client rate limit is not under test. */
const UNTHROTTLED = { LEDGER_RATE_LIMIT_PER_MINUTE: '1000000' };

const problemOf = (outcome: CommandOutcome) =>
  outcome.problem?.replace('urn:cohesion-ledger:problem:', '');

/** Where the log lives: the embedded SQLite file, or EventStoreDB (real client, gRPC stand-in). */
interface Backing {
  readonly settings: Record<string, string>;
  stop(): Promise<void>;
}

const BACKINGS: readonly (readonly [string, () => Promise<Backing>])[] = [
  ['SQLite', () => Promise.resolve({ settings: {}, stop: () => Promise.resolve() })],
  ['EventStoreDB stand-in', standInBacking],
];

async function standInBacking(): Promise<Backing> {
  const standIn = await EventStoreDbStandIn.start();
  return {
    settings: { EVENTSTORE_CONNECTION_STRING: standIn.connectionString },
    stop: () => standIn.stop(),
  };
}

/** One API node under test, with what every command it answered. */
class Node {
  readonly sent: CommandOutcome[] = [];
  readonly final: CommandOutcome[] = [];
  readonly api: LedgerClient;
  readonly store: EventStore;
  readonly conflicts: { readonly count: number };

  constructor(readonly ledger: TestLedger) {
    this.api = ledgerClient(ledger);
    this.store = ledger.app.get<EventStore>(EVENT_STORE);
    this.conflicts = countAppendConflicts(this.store);
  }

  /** Sends the commands at once; a refusal must be a 409 or 422 problem, never anything else. */
  async atOnce(commands: readonly HttpCommand[], seed: number): Promise<CommandOutcome[]> {
    const { final, sent } = await sendAtOnce(this.api, commands, seed);
    this.sent.push(...sent);
    this.final.push(...final);
    for (const refusal of sent.filter((outcome) => !succeeded(outcome))) {
      expect([409, 422]).toContain(refusal.status);
      expect(refusal.contentType).toMatch(/^application\/problem\+json/);
    }
    return final;
  }

  /** A read model's answer once it has applied the whole log. */
  async read<T>(path: string): Promise<T> {
    const head = await this.store.headPosition();
    const separator = path.includes('?') ? '&' : '?';
    const response = await this.api.get(`${path}${separator}minPosition=${head}`).expect(200);
    return response.body as T;
  }

  summary(name: string): string {
    const acknowledged = new Set(this.final.filter(succeeded).map((o) => o.key)).size;
    return [
      `${name}: ${this.sent.length} commands sent (${this.sent.filter(isConcurrencyConflict).length} answered 409 and resent),`,
      `${acknowledged} acknowledged, refused ${JSON.stringify(refusalsByStatus(this.final))},`,
      `${this.conflicts.count} append conflicts retried inside the ledger`,
    ].join(' ');
  }
}

/** Every answer of every node against the log: each 2xx once, refusals absent, chains whole. */
async function expectLogMatches(nodes: readonly Node[]): Promise<string> {
  const log = await readWholeLog(nodes[0].store);
  const report = verifyHashChains(log);
  expect(
    commandsAgainstLog(
      nodes.flatMap((node) => node.sent),
      log,
    ),
  ).toEqual([]);
  expect(duplicatedFacts(log)).toEqual([]);
  expect(report.breaks).toEqual([]);
  return `0 duplicates, ${report.events} events in ${report.streams} streams, chains verified`;
}

/** Per member, exactly one of its commands was recorded and the others refused for `rule`. */
function expectOncePerMember(
  commands: readonly HttpCommand[],
  final: readonly CommandOutcome[],
  rule: string,
): void {
  const memberOf = (command: HttpCommand) =>
    command.as.partnerId ?? (command.body as { partnerId: string }).partnerId;
  for (const m of MEMBERS) {
    const mine = final.filter((_, i) => memberOf(commands[i]) === m);
    expect(new Set(mine.filter(succeeded).map((outcome) => outcome.key)).size).toBe(1);
    for (const refusal of mine.filter((o) => !succeeded(o))) expect(problemOf(refusal)).toBe(rule);
  }
}

const gift = (contributionId: string, partnershipId: string) => ({
  contributionId,
  partnershipId,
  kind: 'money',
  quantity: 500,
  unit: 'EUR',
  date: '2026-01-10',
  description: 'Seed money for the homework club',
});

interface Recognition {
  partners: { partnerId: string; acknowledgementsReceived: number }[];
}

describe.each(BACKINGS)('concurrency through HTTP (%s)', (name, backingOf) => {
  let backing: Backing;
  let node: Node;

  beforeAll(async () => {
    backing = await backingOf();
    node = new Node(await startTestLedger({ ...backing.settings, ...UNTHROTTLED }));
  });

  afterAll(async () => {
    console.log(`${node.summary(`concurrency (${name})`)}; ${await expectLogMatches([node])}`);
    await node.ledger.close();
    await backing.stop();
  });

  it('lets 60 partners join one partnership at once, each once, refusing second joins', async () => {
    await partnershipWith(node.api, 'crowd', ['giver']);
    const commands = joinsOf('crowd', MEMBERS);
    const final = await node.atOnce(commands, 1);

    expectOncePerMember(commands, final, 'partner-already-member');
    await expectLogMatches([node]);
    const overview = await node.read<{ partners: { partnerId: string }[] }>('/partnerships/crowd');
    expect(overview.partners.map((p) => p.partnerId).sort()).toEqual(['giver', ...MEMBERS].sort());
  });

  it('keeps one acknowledgement per member of one contribution, 60 at once', async () => {
    await node.api.post('/contributions', gift('gift', 'crowd'), partner('giver')).expect(201);
    const commands = acknowledgementsOf('crowd--gift', MEMBERS);
    const final = await node.atOnce(commands, 2);

    expectOncePerMember(
      commands.slice(0, -2),
      final.slice(0, -2),
      'contribution-already-acknowledged',
    );
    expect(final.slice(-2).map(problemOf)).toEqual([
      'contribution-self-acknowledgement',
      'contribution-partner-not-member',
    ]);
    await expectLogMatches([node]);
    const acknowledged = new Set(final.filter(succeeded).map((o) => o.key)).size;
    expect(acknowledged).toBe(MEMBERS.length);
    const recognition = await node.read<Recognition>('/partnerships/crowd/contributions');
    const giver = recognition.partners.find((p) => p.partnerId === 'giver');
    expect(giver?.acknowledgementsReceived).toBe(acknowledged);
    const listed = await node.read<{ items: { acknowledgedBy: string[] }[] }>(
      '/contributions?partnershipId=crowd',
    );
    expect([...listed.items[0].acknowledgedBy].sort()).toEqual(MEMBERS);
  });

  // Hundreds of commands: some 25 s on the stand-in on an idle machine, so a generous timeout.
  it('settles claims on 40 commitments and 20 contributions at once, totals adding up', async () => {
    await partnershipWith(node.api, 'city', CITY_PARTNERS);
    const hours = { quantity: 100_000, unit: 'hours' };
    await Promise.all(
      COMMITMENTS.map((c, i) =>
        acceptedCommitment(node.api, 'city', c, committerOf(i), voucherOf(i), hours),
      ),
    );
    const quantityOf = (i: number, k: number) => (i % 7) + k + 1;
    const claim = (i: number, k: number, key: string, by = committerOf(i)): HttpCommand => ({
      key,
      path: `/commitments/${inCity(COMMITMENTS[i])}/fulfilment-claims`,
      body: { claimId: `k${k}`, evidence: 'Attendance sheets', quantity: quantityOf(i, k) },
      as: partner(by),
    });
    const gifts = COMMITMENTS.slice(0, 20);
    const claims: HttpCommand[] = [
      ...COMMITMENTS.flatMap((c, i) =>
        Array.from({ length: CLAIMS_PER_COMMITMENT }, (_, k) => claim(i, k, `claim-${c}-${k}`)),
      ),
      // Each a contribution and, handed off, a claim on the commitment it fulfils.
      ...gifts.map((c, i) => ({
        key: `give-${c}`,
        path: '/contributions',
        body: {
          ...gift(`give-${c}`, 'city'),
          ...{ kind: 'volunteer_time', quantity: 3, unit: 'hours', commitmentId: inCity(c) },
        },
        as: partner(committerOf(i)),
      })),
      ...gifts.map((c, i) => claim(i, 0, `claim-${c}-0-again`)),
      ...COMMITMENTS.slice(20, 30).map((c, j) =>
        claim(20 + j, 9, `claim-${c}-by-other`, voucherOf(j)),
      ),
    ];
    const claimed = await node.atOnce(claims, 3);

    claimed.forEach((outcome, index) => {
      const { key } = claims[index];
      if (key.endsWith('-by-other')) expect(problemOf(outcome)).toBe('commitment-committer-only');
      else if (!succeeded(outcome))
        expect(problemOf(outcome)).toBe('commitment-claim-already-made');
    });
    for (const c of gifts) {
      const both = claimed.filter((_, i) => claims[i].key.startsWith(`claim-${c}-0`));
      expect(both.filter(succeeded)).toHaveLength(1);
    }

    const claimsOf = COMMITMENTS.map((c, i) => [
      ...Array.from({ length: CLAIMS_PER_COMMITMENT }, (_, k) => ({
        claimId: `k${k}`,
        quantity: quantityOf(i, k),
      })),
      ...(i < gifts.length
        ? [{ claimId: `contribution-${inCity(`give-${c}`)}`, quantity: 3 }]
        : []),
    ]);
    const settle = (i: number, claimId: string, n: number, key: string, dispute = false) => ({
      key,
      path: `/commitments/${inCity(COMMITMENTS[i])}/fulfilment-claims/${claimId}/${dispute ? 'dispute' : 'confirmation'}`,
      body: dispute ? { reason: 'The sheets are unsigned' } : {},
      as: partner(voucherOf(n)),
    });
    const reusedKeys = COMMITMENTS.slice(0, 10).map((c) => `claim-${c}-1`);
    const settlements: HttpCommand[] = [
      ...claimsOf.flatMap((ids, i) =>
        ids.map(({ claimId }, n) =>
          settle(i, claimId, i + n, `settle-${COMMITMENTS[i]}-${claimId}`),
        ),
      ),
      // A rival settlement of the same claim: one of the two wins, the other is refused.
      ...COMMITMENTS.map((c, i) => settle(i, 'k4', i + 1, `settle-${c}-k4-rival`, true)),
      ...gifts.flatMap((c, i) =>
        [0, 1].map((n) =>
          acknowledgeCommand(inCity(`give-${c}`), voucherOf(i + n), `ack-give-${c}-${n}`),
        ),
      ),
      // A key already used for a claim, sent with another command (by the same partner on the
      // same route, which is where a key is one command): refused as reused.
      ...reusedKeys.map((key, i) => claim(i, 9, key)),
    ];
    const settled = await node.atOnce(settlements, 4);

    settled.forEach((outcome, index) => {
      const { key } = settlements[index];
      if (reusedKeys.includes(key)) expect(problemOf(outcome)).toBe('idempotency-key-reused');
      else if (!succeeded(outcome))
        expect(problemOf(outcome)).toBe('commitment-claim-already-settled');
    });
    await expectLogMatches([node]);
    const won = (key: string) => succeeded(settled[settlements.findIndex((s) => s.key === key)]);
    for (const [i, c] of COMMITMENTS.entries()) {
      const confirmed = claimsOf[i].filter(({ claimId }) => won(`settle-${c}-${claimId}`));
      const disputed = won(`settle-${c}-k4-rival`) ? 1 : 0;
      expect(confirmed.length + disputed).toBe(claimsOf[i].length);
      const detail = await node.read<object>(`/commitments/${inCity(c)}`);
      expect(detail).toMatchObject({
        confirmedQuantity: confirmed.reduce((sum, { quantity }) => sum + quantity, 0),
        claims: { pending: 0, confirmed: confirmed.length, disputed },
      });
    }
    const recognition = await node.read<Recognition>('/partnerships/city/contributions');
    const received = recognition.partners.reduce((sum, p) => sum + p.acknowledgementsReceived, 0);
    const acknowledged = settlements.filter(
      (s, i) => s.key.startsWith('ack-') && succeeded(settled[i]),
    );
    expect(received).toBe(acknowledged.length);
    expect(received).toBe(2 * gifts.length);
  }, 180_000);

  it('never answers 409 for contention between its own requests', () => {
    // Commands on one stream take turns within a node: only another node can make it lose.
    expect(node.sent.filter(isConcurrencyConflict)).toEqual([]);
  });
});

describe('concurrency across two API nodes on one EventStoreDB', () => {
  let backing: Backing;
  let nodes: Node[];

  beforeAll(async () => {
    backing = await standInBacking();
    const settings = { ...backing.settings, ...UNTHROTTLED };
    nodes = [new Node(await startTestLedger(settings)), new Node(await startTestLedger(settings))];
  });

  afterAll(async () => {
    const [a, b] = nodes;
    console.log(
      `${a.summary('two nodes, A')}; ${b.summary('B')}; ${await expectLogMatches(nodes)}`,
    );
    for (const node of nodes) await node.ledger.close();
    await backing.stop();
  });

  /** Alternate commands go to each node; both send at once. */
  async function throughBoth(commands: readonly HttpCommand[], seed: number) {
    const halves = nodes.map((_, n) => commands.filter((__, i) => i % nodes.length === n));
    const answers = await Promise.all(nodes.map((node, n) => node.atOnce(halves[n], seed + n)));
    return commands.map((_, i) => answers[i % nodes.length][Math.floor(i / nodes.length)]);
  }

  it('keeps each join and each acknowledgement once when they race through two nodes', async () => {
    const [a] = nodes;
    await partnershipWith(a.api, 'shared', ['giver']);
    const joins = joinsOf('shared', MEMBERS);
    expectOncePerMember(joins, await throughBoth(joins, 10), 'partner-already-member');
    await a.api.post('/contributions', gift('shared-gift', 'shared'), partner('giver')).expect(201);
    const acknowledgements = acknowledgementsOf('shared--shared-gift', MEMBERS);
    const final = await throughBoth(acknowledgements, 20);

    expectOncePerMember(
      acknowledgements.slice(0, -2),
      final.slice(0, -2),
      'contribution-already-acknowledged',
    );
    await expectLogMatches(nodes);
    // Each node's own read models, fed by its own subscription, count the same.
    for (const node of nodes) {
      const recognition = await node.read<Recognition>('/partnerships/shared/contributions');
      const giver = recognition.partners.find((p) => p.partnerId === 'giver');
      expect(giver?.acknowledgementsReceived).toBe(MEMBERS.length);
    }
  });
});
