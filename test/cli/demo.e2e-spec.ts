import { rmSync } from 'node:fs';
import { startTestLedger, type TestLedger } from '../support/ledger-app';
import { ledgerClient } from '../support/ledger-client';
import { cliOn, exportOf, freshDataDir } from '../support/ledger-cli-fixtures';

interface KindTotal {
  kind: string;
  unit: string;
  contributions: number;
  quantity: number;
  valueCents: number;
}

/** `ledger demo` on fresh data directories, then the API's queries on what it recorded. */
describe('ledger demo', () => {
  jest.setTimeout(120_000);
  const first = freshDataDir('demo-a');
  const second = freshDataDir('demo-b');
  let exported: string;

  beforeAll(async () => {
    const run = await cliOn(first, ['demo']);
    expect(run.stdout).toMatch(/^demo \(seed 2026\) recorded: \d+ commands, log head 0 -> \d+\n$/);
    exported = await exportOf(first);
  });
  afterAll(() => {
    for (const dir of [first, second]) rmSync(dir, { recursive: true, force: true });
  });

  it('records nothing new when run a second time', async () => {
    const again = await cliOn(first, ['demo']);
    expect(again.stdout).toMatch(/already recorded: nothing new/);
    expect(await exportOf(first)).toBe(exported);
  });

  it('records the same log for the same seed in another data directory, but for fresh keys', async () => {
    await cliOn(second, ['demo', '--seed', '2026']);
    const lines = exported.trim().split('\n');
    expect(lines.length).toBeGreaterThan(150);
    // As `ledger export` writes it to stdout. Personal fields are sealed with each ledger's own
    // random keys and fresh nonces (never seeded), so they, and the hashes chained over them,
    // differ; every other byte is the same.
    const secondExport = (await cliOn(second, ['export'])).stdout;
    expect(secondExport).not.toBe(exported);
    expect(withoutSealedBytes(secondExport)).toBe(withoutSealedBytes(exported));
    expect(exported).toContain('"sealed":"aes-256-gcm/1"');
  });

  describe('as the API shows it', () => {
    let ledger: TestLedger;
    let api: ReturnType<typeof ledgerClient>;

    beforeAll(async () => {
      ledger = await startTestLedger({}, first);
      api = ledgerClient(ledger);
    });
    afterAll(() => ledger.close());

    const body = async <T>(path: string): Promise<T> => {
      const response = await api.get(path);
      expect(response.status).toBe(200);
      return response.body as T;
    };

    it('tells who committed what and delivered it: fulfilled, overdue and released commitments', async () => {
      type Summary = Record<string, number>;
      type Report = { summary: Summary; partners: { partnerId: string; summary: Summary }[] };
      const youth = await body<Report>(
        '/partnerships/avenir-jeunes/accountability?asOf=2026-11-01',
      );
      expect(youth.summary).toMatchObject({
        made: 7,
        fulfilled: 4,
        released: 1,
        open: 2,
        overdue: 2,
      });
      const byPartner = Object.fromEntries(youth.partners.map((p) => [p.partnerId, p.summary]));
      expect(byPartner['groupe-vernet']).toMatchObject({
        made: 3,
        fulfilled: 2,
        released: 1,
        overdue: 0,
      });
      expect(byPartner['cap-tutorat']).toMatchObject({ made: 1, fulfilled: 0, overdue: 1 });
      expect(byPartner['parents-tilleuls']).toMatchObject({ made: 1, overdue: 1 });
      expect(byPartner['ville-montclair']).toMatchObject({ made: 1, fulfilled: 1, overdue: 0 });
      const campaign = await body<Report>(
        '/partnerships/montclair-ensemble/accountability?asOf=2026-11-01',
      );
      expect(campaign.summary).toMatchObject({ made: 4, fulfilled: 3, overdue: 1 });
      const tutoring = await body<{
        status: string;
        confirmedQuantity: number;
        termsVersion: number;
      }>('/commitments/cap-tutorat-homework-club');
      expect(tutoring).toMatchObject({
        status: 'in_progress',
        confirmedQuantity: 180,
        termsVersion: 2,
      });
    });

    it('links commitments and indicators to the objectives they serve (the results chain)', async () => {
      type Chain = {
        objectives: {
          objectiveId: string;
          commitments: { commitmentId: string; delivered: number }[];
          indicators: { indicatorId: string; progress: number | null }[];
          contributed: { valueCents: number | null };
        }[];
      };
      const chain = await body<Chain>(
        '/partnerships/avenir-jeunes/results-chain?policyId=montclair-valorisation',
      );
      const dropout = chain.objectives.find((o) => o.objectiveId === 'halve-dropout');
      expect(dropout?.commitments).toContainEqual(
        expect.objectContaining({ commitmentId: 'cap-tutorat-homework-club', delivered: 180 }),
      );
      expect(dropout?.indicators.map((i) => i.indicatorId)).toEqual([
        'ecart-decrochage',
        'taux-participation',
      ]);
      expect(dropout?.indicators.every((i) => i.progress !== null)).toBe(true);
    });

    it('values the contributions of every kind under the valuation policy, rate versions included', async () => {
      type Recognition = {
        valuation: { policyId: string; chosenBy: string };
        totals: { valueCents: number; byKindAndUnit: KindTotal[] };
      };
      const totals = async (partnershipId: string) => {
        // Each demo partnership values with the demo's policy by default.
        const recognition = await body<Recognition>(`/partnerships/${partnershipId}/contributions`);
        expect(recognition.valuation).toEqual(
          expect.objectContaining({
            policyId: 'montclair-valorisation',
            chosenBy: 'partnership-default',
          }),
        );
        return recognition.totals.byKindAndUnit.map(
          ({ kind, unit, contributions, quantity, valueCents }) => ({
            kind,
            unit,
            contributions,
            quantity,
            valueCents,
          }),
        );
      };
      expect(await totals('avenir-jeunes')).toEqual([
        {
          kind: 'expertise',
          unit: 'hours',
          contributions: 3,
          quantity: 180,
          valueCents: 180 * 6500,
        },
        { kind: 'in_kind', unit: 'kits', contributions: 1, quantity: 159, valueCents: 159 * 4200 },
        { kind: 'money', unit: 'EUR', contributions: 2, quantity: 33000, valueCents: 3_300_000 },
        { kind: 'venue', unit: 'hours', contributions: 3, quantity: 180, valueCents: 180 * 3800 },
        // 40 hours in 2025 at 23.10, 80 hours in 2026 at 23.60.
        {
          kind: 'volunteer_time',
          unit: 'hours',
          contributions: 3,
          quantity: 120,
          valueCents: 40 * 2310 + 80 * 2360,
        },
      ]);
      // The 120,000 EUR keyed in by mistake was reversed: only the 12,000 EUR recorded anew counts.
      expect(await totals('montclair-ensemble')).toContainEqual({
        kind: 'money',
        unit: 'EUR',
        contributions: 2,
        quantity: 27000,
        valueCents: 2_700_000,
      });
    });

    it('replays the conflict that went through mediation to its resolution, and lists the one still open', async () => {
      type Step = {
        type: string;
        state: { status: string; mediatorId: string | null; mediatorObjections: number };
      };
      const replay = await body<{ steps: Step[] }>('/conflicts/salle-tilleuls-fermee/replay');
      expect(replay.steps).toHaveLength(16);
      expect(replay.steps.map((step) => step.type)).toEqual(
        expect.arrayContaining(['MediatorObjected', 'MediationSessionHeld', 'ConflictResolved']),
      );
      expect(replay.steps[replay.steps.length - 1].state).toMatchObject({
        status: 'resolved',
        mediatorId: 'claire-martin',
        mediatorObjections: 1,
      });
      const open = await body<{
        items: { conflictId: string; status: string; rejectedProposals: number }[];
      }>('/conflicts?status=open');
      expect(open.items).toEqual([
        expect.objectContaining({
          conflictId: 'spots-radio-horaires',
          status: 'in_mediation',
          rejectedProposals: 1,
        }),
      ]);
    });

    it('measures impact against baseline and target over several periods', async () => {
      type Progress = {
        baseline: { value: number };
        target: { value: number };
        measurements: number;
        latest: { value: number };
        progress: number;
      };
      const expectations = [
        ['taux-participation', 4],
        ['ecart-decrochage', 2],
        ['sentiment-appartenance', 2],
        ['sentiment-securite', 2],
      ] as const;
      for (const [indicatorId, measurements] of expectations) {
        const indicator = await body<Progress>(`/indicators/${indicatorId}/progress`);
        const { baseline, target, latest } = indicator;
        expect(indicator.measurements).toBe(measurements);
        // Rounded to four decimals, like every ratio the ledger answers.
        expect(indicator.progress).toBe(
          Math.round(((latest.value - baseline.value) / (target.value - baseline.value)) * 1e4) /
            1e4,
        );
        // Every indicator moved the right way, without reaching its target yet.
        expect(indicator.progress).toBeGreaterThan(0.1);
        expect(indicator.progress).toBeLessThan(1);
      }
      const feedback = await body<{ items: unknown[] }>('/feedback?partnershipId=avenir-jeunes');
      expect(feedback.items).toHaveLength(2);
    });
  });
});

/** An export with each envelope reduced to its subject, and without the hashes chained over them. */
function withoutSealedBytes(exported: string): string {
  return exported
    .replace(
      /\{"data":"[^"]*","key":"[^"]*","nonce":"[^"]*","sealed":"([^"]*)","subject":"([^"]*)"\}/g,
      '{sealed $1 for $2}',
    )
    .replace(/"(prevHash|hash)":"[0-9a-f]{64}"/g, '"$1":"…"');
}
