import type Database from 'better-sqlite3';
import type request from 'supertest';
import { READ_MODEL_DATABASE } from '@cohesion/application';
import {
  acceptedCommitment,
  makeCommitment,
  partnershipWith,
} from '../support/commitments-fixtures';
import { csvObjects } from '../support/csv-parse';
import { startTestLedger, type TestLedger } from '../support/ledger-app';
import { expectProblem, type LedgerClient, ledgerClient } from '../support/ledger-client';
import { contribute, policyWithHourRates } from '../support/recognition-fixtures';

/** Reads the body as text whatever its media type, as a client saving the file would. */
function asText(response: request.Response, done: (error: Error | null, body: string) => void) {
  let body = '';
  response.setEncoding('utf8');
  response.on('data', (chunk: string) => (body += chunk));
  response.on('end', () => done(null, body));
}

const TRICKY = [
  '=HYPERLINK("http://evil.example","click")',
  'Hall, first floor',
  'The "big" room',
  'line one\nline two\r\nline three',
  '+33 1 23 45',
  '@SUM(A1:A9)',
  '-5 then more',
  'Plain text',
];
/** What a spreadsheet shows of a defused cell: the text, behind the quote that defuses it. */
const defused = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

describe('streamed exports through HTTP', () => {
  let ledger: TestLedger;
  let api: LedgerClient;
  const download = (path: string) => api.get(path).buffer(true).parse(asText);
  const today = new Date().toISOString().slice(0, 10);

  beforeAll(async () => {
    ledger = await startTestLedger();
    api = ledgerClient(ledger);
    await partnershipWith(api, 'tilleuls', ['acme', 'sos']);
    await policyWithHourRates(api, 'default', [{ effectiveFrom: '2020-01-01', rate: 31.5 }]);
    for (const [index, what] of TRICKY.entries())
      await makeCommitment(api, 'tilleuls', `c${index}`, index % 2 === 0 ? 'acme' : 'sos', {
        what,
      }).expect(201);
    await acceptedCommitment(api, 'tilleuls', 'accepted', 'acme', 'sos');
    await contribute(api, 'tilleuls', 'acme', {
      contributionId: 'club',
      kind: 'volunteer_time',
      quantity: 12,
      unit: 'hours',
      date: '2026-03-07',
      description: TRICKY[0],
    });
  });
  afterAll(() => ledger.close());

  describe('commitments', () => {
    it('exports CSV as an attachment, defused and quoted, with the filters of the list', async () => {
      const response = await download('/exports/commitments.csv?partnerId=acme').expect(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="commitments-${today}.csv"`,
      );
      const records = csvObjects(response.body as string);
      const listed = (await api.get('/commitments?partnerId=acme&limit=500').expect(200)).body as {
        items: { commitmentId: string; what: string }[];
      };
      expect(records.map((r) => r.commitmentId)).toEqual(listed.items.map((c) => c.commitmentId));
      expect(records.map((r) => r.what)).toEqual(listed.items.map((c) => defused(c.what)));
      expect(records[0]).toMatchObject({
        commitmentId: 'tilleuls--c0',
        what: `'${TRICKY[0]}`,
        status: 'made',
        overdue: 'false',
        quantity: '',
        unit: '',
        beneficiaryKind: 'group',
        objectiveId: '',
      });
    });

    it('exports JSON Lines: each line the commitment as the list answers it', async () => {
      const response = await download(
        '/exports/commitments.jsonl?status=accepted&asOf=2099-07-01',
      ).expect(200);
      expect(response.headers['content-type']).toBe('application/jsonl; charset=utf-8');
      expect(response.headers['content-disposition']).toBe(
        'attachment; filename="commitments-2099-07-01.jsonl"',
      );
      const lines = (response.body as string)
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as unknown);
      const listed = await api.get('/commitments?status=accepted&asOf=2099-07-01').expect(200);
      expect(lines).toEqual((listed.body as { items: unknown[] }).items);
      expect(lines).toEqual([
        expect.objectContaining({ commitmentId: 'tilleuls--accepted', overdue: true }),
      ]);
    });

    it('refuses what the list refuses, and paging parameters', async () => {
      expectProblem(await api.get('/exports/commitments.csv?status=late'), 400, 'bad-request');
      expectProblem(await api.get('/exports/commitments.csv?limit=10'), 400, 'bad-request');
    });
  });

  describe('contributions', () => {
    const BULK = 3000;

    beforeAll(() => {
      // Straight into the read model: enough rows for several pages, without 3,000 commands.
      const db = ledger.app.get<Database.Database>(READ_MODEL_DATABASE);
      const insert = db.prepare(
        `INSERT INTO contribution_recognition_contributions (contribution_id, position,
           partnership_id, partner_id, kind, quantity, unit, date, description, status,
           recorded_at)
         VALUES (?, ?, 'bulk', ?, 'volunteer_time', ?, 'hours', ?, ?, 'recorded', ?)`,
      );
      db.transaction(() => {
        for (let n = 0; n < BULK; n += 1) {
          const day = String((n % 28) + 1).padStart(2, '0');
          insert.run(
            `bulk-${String(n).padStart(4, '0')}`,
            1_000_000 + n,
            n % 3 === 0 ? 'sos' : 'acme',
            (n % 7) + 0.5,
            `2026-02-${day}`,
            `${TRICKY[n % TRICKY.length]} #${n}`,
            '2026-03-01T00:00:00.000Z',
          );
        }
      })();
    });

    it(`streams ${BULK} contributions as CSV completely, and they parse back`, async () => {
      const response = await download('/exports/contributions.csv?partnershipId=bulk').expect(200);
      expect(response.headers['transfer-encoding']).toBe('chunked');
      expect(response.headers['content-length']).toBeUndefined();
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="contributions-${today}.csv"`,
      );
      const records = csvObjects(response.body as string);
      expect(records).toHaveLength(BULK);
      expect(new Set(records.map((r) => r.contributionId)).size).toBe(BULK);
      for (const record of records) {
        const n = Number(record.contributionId.slice('bulk-'.length));
        expect(record.description).toBe(defused(`${TRICKY[n % TRICKY.length]} #${n}`));
        expect(Number(record.valueCents)).toBe(Math.round(((n % 7) + 0.5) * 3150));
        expect(record.rateVersion).toBe('1');
      }
      // In the order of the list: by the day given, then recording order.
      const keys = records.map((r) => `${r.date} ${r.position.padStart(8, '0')}`);
      expect(keys).toEqual([...keys].sort());
    });

    it(`streams ${BULK} contributions as JSON Lines, with the list's filters`, async () => {
      const response = await download(
        '/exports/contributions.jsonl?partnershipId=bulk&partnerId=sos&from=2026-02-10&to=2026-02-20',
      ).expect(200);
      const lines = (response.body as string)
        .trimEnd()
        .split('\n')
        .map(
          (line) => JSON.parse(line) as { partnerId: string; date: string; description: string },
        );
      const expected = Array.from({ length: BULK }, (_, n) => n).filter((n) => {
        const day = (n % 28) + 1;
        return n % 3 === 0 && day >= 10 && day <= 20;
      });
      expect(lines).toHaveLength(expected.length);
      expect(
        lines.every(
          (c) => c.partnerId === 'sos' && c.date >= '2026-02-10' && c.date <= '2026-02-20',
        ),
      ).toBe(true);
      // JSON Lines keeps text as it is: no defusing, newlines escaped inside the line.
      const multiline = expected.find((n) => n % TRICKY.length === 3);
      expect(lines.map((c) => c.description)).toContain(`${TRICKY[3]} #${multiline}`);
    });

    it('values under the policy asked for, and answers 404 for an unknown one', async () => {
      const records = csvObjects(
        (await download('/exports/contributions.csv?partnershipId=tilleuls').expect(200))
          .body as string,
      );
      expect(records).toEqual([
        expect.objectContaining({
          contributionId: 'tilleuls--club',
          description: `'${TRICKY[0]}`,
          valueCents: '37800',
          currency: 'EUR',
        }),
      ]);
      expectProblem(await api.get('/exports/contributions.csv?policyId=nope'), 404, 'not-found');
      expectProblem(await api.get('/exports/contributions.jsonl?kind=gold'), 400, 'bad-request');
    });
  });
});
