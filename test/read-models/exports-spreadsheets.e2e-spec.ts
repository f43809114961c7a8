import type Database from 'better-sqlite3';
import { READ_MODEL_DATABASE } from '@cohesion/application';
import { currentTermsHash } from '../support/agreements-fixtures';
import { partnershipWith } from '../support/partnership-fixtures';
import { startTestLedger, type TestLedger } from '../support/ledger-app';
import {
  admin,
  expectProblem,
  type LedgerClient,
  ledgerClient,
  partner,
  type Principal,
} from '../support/ledger-client';
import {
  asBytes,
  asFrenchCsvWould,
  spreadsheetCsv,
  type Table,
  UTF8_BOM,
  workbookOf,
} from './exports-files';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SOS_NAME = 'SOS Jeunes; Solidarité';
const MEDIATOR: Principal = { sub: 'claire-mediation', roles: ['mediator'] };
const auditor: Principal = { sub: 'auditor-1', roles: ['auditor'] };
const resident: Principal = { sub: 'resident-7' };
const [ville, sos, acme, other] = ['ville', 'sos', 'acme', 'other'].map(partner);

/** Every export, with the query it needs to have rows (meetings are one partnership's). */
const EXPORTS = {
  commitments: '',
  contributions: '',
  agreements: '',
  conflicts: '',
  indicators: '',
  measurements: '',
  feedback: '',
  partnerships: '',
  meetings: 'partnershipId=tilleuls',
  'audit-trail': '',
  'access-audit': '',
} as const;
type Dataset = keyof typeof EXPORTS;
const DATASETS = Object.keys(EXPORTS) as Dataset[];

/** The list route each export mirrors, read in one page, as its JSON Lines must read. */
const LISTS: Record<Dataset, string> = {
  commitments: '/commitments?limit=500',
  contributions: '/contributions?limit=500',
  agreements: '/agreements?limit=500',
  conflicts: '/conflicts?limit=500',
  indicators: '/indicators?limit=500',
  measurements: '',
  feedback: '/feedback?limit=500',
  partnerships: '/partnerships?limit=500',
  meetings: '/partnerships/tilleuls/meetings?limit=500',
  'audit-trail': '/audit-trail?limit=500',
  'access-audit': '/access-audit?limit=500',
};

/** Two partnerships: everything happens in Les Tilleuls, and a little in La Source. */
async function recordPartnerships(api: LedgerClient): Promise<void> {
  const ok = async (call: PromiseLike<{ status: number; body: unknown }>) => {
    const response = await call;
    if (response.status >= 300)
      throw new Error(`refused: ${response.status} ${JSON.stringify(response.body)}`);
  };
  const post = (path: string, body: object, as: Principal = admin) => ok(api.post(path, body, as));

  await post('/partnerships', {
    partnershipId: 'tilleuls',
    name: 'Les Tilleuls ensemble',
    purpose: 'Reduce school dropout',
    territory: 'Northside',
    neighbourhoods: ['Les Tilleuls', 'La Source'],
  });
  for (const [partnerId, name, kind] of [
    ['ville', 'Ville de Northside', 'local_authority'],
    ['sos', SOS_NAME, 'ngo'],
    ['acme', 'ACME Fondation', 'company'],
  ]) {
    await post('/partnerships/tilleuls/partners', {
      partnerId,
      name,
      kind,
      role: 'member',
      responsibilities: ['evaluation'],
    });
  }
  await post('/partnerships/tilleuls/objectives', {
    objectiveId: 'dropout',
    title: 'Halve school dropout',
    description: 'Among 15-18 year olds',
  });
  await post('/partnerships/tilleuls/meetings', {
    meetingId: 'kick-off',
    heldOn: '2026-01-15',
    attendees: ['ville', 'sos'],
    decisions: ['Tutoring starts in February', 'The hall on Wednesdays, not Fridays'],
  });
  await post('/valuation-policies', { policyId: 'default', name: 'Default', currency: 'EUR' });
  await post('/valuation-policies/default/rates', {
    kind: 'volunteer_time',
    unit: 'hours',
    effectiveFrom: '2020-01-01',
    rate: 31.5,
    currency: 'EUR',
    source: 'National volunteering study',
  });
  await post(
    '/commitments',
    {
      commitmentId: 'mentoring',
      partnershipId: 'tilleuls',
      objectiveId: 'dropout',
      what: '40 hours of mentoring',
      dueDate: '2099-06-30',
      quantity: 40,
      unit: 'hours',
      beneficiary: { kind: 'partner', partnerId: 'sos' },
      kind: 'volunteer_time',
    },
    acme,
  );
  await post('/commitments/tilleuls--mentoring/acceptance', {}, sos);
  await post(
    '/contributions',
    {
      contributionId: 'hours-feb',
      partnershipId: 'tilleuls',
      kind: 'volunteer_time',
      quantity: 12,
      unit: 'hours',
      date: '2026-02-20',
      description: 'Mentoring sessions in February',
    },
    acme,
  );
  await post(
    '/contributions',
    {
      contributionId: 'grant',
      partnershipId: 'tilleuls',
      kind: 'money',
      quantity: 1234.5,
      unit: 'EUR',
      date: '2026-03-01',
      description: '=HYPERLINK("http://evil.example","grant")',
    },
    ville,
  );
  await post('/contributions/tilleuls--grant/acknowledgements', {}, sos);
  await post(
    '/agreements',
    {
      agreementId: 'hall',
      partnershipId: 'tilleuls',
      title: 'Use of the community hall',
      parties: ['ville', 'sos'],
      clauses: [{ clauseId: 'c1', text: 'The city lends the hall on Wednesday afternoons.' }],
    },
    ville,
  );
  await post(
    '/agreements/tilleuls--hall/signatures',
    { termsHash: await currentTermsHash(api, 'tilleuls--hall') },
    ville,
  );
  await post(
    '/conflicts',
    {
      conflictId: 'hall-access',
      partnershipId: 'tilleuls',
      parties: ['ville'],
      subject: { kind: 'agreement_clause', agreementId: 'tilleuls--hall', clauseId: 'c1' },
      summary: 'The hall was locked on two Wednesdays',
    },
    sos,
  );
  await post('/conflicts/tilleuls--hall-access/acknowledgement', {}, ville);
  await post('/conflicts/tilleuls--hall-access/mediator-proposals', { mediatorId: MEDIATOR.sub });
  await post('/indicators', {
    indicatorId: 'belonging',
    partnershipId: 'tilleuls',
    code: 'BELONG',
    name: 'Sense of belonging',
    unit: { kind: 'likert', scale: { min: 1, max: 5 } },
    baseline: { value: 2.8, date: '2026-01-01' },
    target: { value: 3.6, date: '2028-12-31' },
    direction: 'up',
    frequency: 'semiannual',
    dimensions: ['neighbourhood'],
  });
  await post('/indicators/belonging/measurements', {
    measurementId: 'h1',
    period: { from: '2026-01-01', to: '2026-06-30' },
    value: 3.1,
    disaggregation: [{ dimensions: { neighbourhood: 'Les Tilleuls' }, value: 3.25 }],
    source: 'Resident survey',
    meansOfVerification: 'Survey dataset archived by the city',
  });
  await post(
    '/feedback',
    {
      feedbackId: 'evening',
      partnershipId: 'tilleuls',
      subject: { kind: 'objective', objectiveId: 'dropout' },
      rating: 4,
      text: 'Evening meetings; easier to attend',
      channel: 'web',
      submitterCategory: 'resident',
      contact: { name: 'A. Resident', email: 'resident@example.org' },
    },
    resident,
  );

  await partnershipWith(api, 'source', ['other']);
  await post(
    '/commitments',
    {
      commitmentId: 'other-promise',
      partnershipId: 'source',
      what: 'Open the library on Saturdays',
      dueDate: '2099-06-30',
      beneficiary: { kind: 'group', name: 'Families of La Source' },
      kind: 'volunteer_time',
    },
    other,
  );
}

describe('exports for spreadsheets, for every read model', () => {
  let ledger: TestLedger;
  let api: LedgerClient;
  const download = (path: string, as: Principal = admin) =>
    api.get(path, as).buffer(true).parse(asBytes);
  const pathOf = (dataset: Dataset, extension: string, dialect = '') =>
    `/exports/${dataset}.${extension}?${[EXPORTS[dataset], dialect].filter(Boolean).join('&')}`;
  const frenchCsv = async (dataset: Dataset, as: Principal = admin): Promise<Table<string>> =>
    spreadsheetCsv(
      (await download(pathOf(dataset, 'csv', 'dialect=excel-fr'), as).expect(200)).body as Buffer,
    );
  const workbook = async (dataset: Dataset, as: Principal = admin) =>
    workbookOf((await download(pathOf(dataset, 'xlsx'), as).expect(200)).body as Buffer);

  beforeAll(async () => {
    ledger = await startTestLedger({ LEDGER_RATE_LIMIT_PER_MINUTE: '1000000' });
    api = ledgerClient(ledger);
    await recordPartnerships(api);
    // A refusal, so that the access audit has something to export.
    await api.get('/audit-trail', ville).expect(403);
  });
  afterAll(() => ledger.close());

  describe('the CSV for French spreadsheets (?dialect=excel-fr)', () => {
    it('starts with a byte order mark, separates with semicolons, puts names beside ids', async () => {
      const response = await download(
        '/exports/commitments.csv?dialect=excel-fr&partnershipId=tilleuls',
      ).expect(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
      expect(response.headers['content-disposition']).toMatch(
        /^attachment; filename="commitments-\d{4}-\d{2}-\d{2}\.csv"$/,
      );
      const bytes = response.body as Buffer;
      expect(bytes.subarray(0, 3)).toEqual(UTF8_BOM);
      const text = bytes.subarray(3).toString('utf8');
      expect(text.split('\r\n')[0]).toBe(
        'commitmentId;partnershipId;partnershipName;partnerId;partnerName;objectiveId;' +
          'objectiveTitle;beneficiaryKind;beneficiary;beneficiaryName;kind;what;dueDate;termsVersion;' +
          'status;overdue;quantity;unit;confirmedQuantity;acceptedBy;acceptedByName;madeAt;' +
          'endedAt;endReason;fulfilledOnTime;claimsPending;claimsConfirmed;claimsDisputed;position',
      );
      // A name holding the separator is quoted.
      expect(text).toContain(`;sos;"${SOS_NAME}";`);
      const { rows } = spreadsheetCsv(bytes);
      expect(rows).toEqual([
        expect.objectContaining({
          commitmentId: 'tilleuls--mentoring',
          partnershipName: 'Les Tilleuls ensemble',
          partnerId: 'acme',
          partnerName: 'ACME Fondation',
          objectiveTitle: 'Halve school dropout',
          beneficiary: 'sos',
          beneficiaryName: SOS_NAME,
          kind: 'volunteer_time',
          acceptedByName: SOS_NAME,
          dueDate: '2099-06-30',
          overdue: 'FAUX',
          quantity: '40',
          madeAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/) as unknown,
        }),
      ]);
    });

    it('writes amounts in euros with a decimal comma, and defuses formulas', async () => {
      const { rows } = await frenchCsv('contributions');
      const byId = Object.fromEntries(rows.map((row) => [row.contributionId, row]));
      expect(byId['tilleuls--hours-feb']).toMatchObject({
        partnerName: 'ACME Fondation',
        quantity: '12',
        date: '2026-02-20',
        value: '378,00',
        currency: 'EUR',
        rate: '31,5',
      });
      expect(byId['tilleuls--grant']).toMatchObject({
        partnerName: 'Ville de Northside',
        quantity: '1234,5',
        value: '1234,50',
        description: `'=HYPERLINK("http://evil.example","grant")`,
        acknowledgedBy: 'sos',
        acknowledgedByNames: SOS_NAME,
      });
    });

    it('names the partners of every other read model', async () => {
      const named = async (dataset: Dataset) => (await frenchCsv(dataset)).rows;
      expect(await named('agreements')).toEqual([
        expect.objectContaining({
          agreementId: 'tilleuls--hall',
          partnershipName: 'Les Tilleuls ensemble',
          parties: 'ville sos',
          partyNames: `Ville de Northside, ${SOS_NAME}`,
          signatoryNames: 'Ville de Northside',
          pendingSignatureNames: SOS_NAME,
        }),
      ]);
      expect(await named('conflicts')).toEqual([
        expect.objectContaining({
          conflictId: 'tilleuls--hall-access',
          raisedByName: SOS_NAME,
          partyNames: 'Ville de Northside',
          subjectKind: 'agreement_clause',
          subjectId: 'tilleuls--hall',
          subjectClauseId: 'c1',
          proposedMediatorId: MEDIATOR.sub,
          open: 'VRAI',
        }),
      ]);
      expect(await named('indicators')).toEqual([
        expect.objectContaining({
          indicatorId: 'belonging',
          partnershipName: 'Les Tilleuls ensemble',
          unit: 'likert 1-5',
          baselineValue: '2,8',
          latestValue: '3,1',
          progress: expect.stringMatching(/^0,37/) as unknown,
        }),
      ]);
      expect(await named('measurements')).toEqual([
        expect.objectContaining({
          indicatorId: 'belonging',
          indicatorName: 'Sense of belonging',
          measurementId: 'h1',
          periodFrom: '2026-01-01',
          periodTo: '2026-06-30',
          value: '3,1',
          breakdown: 'neighbourhood=Les Tilleuls: 3.25',
        }),
      ]);
      expect(await named('feedback')).toEqual([
        expect.objectContaining({
          feedbackId: 'tilleuls--evening',
          partnershipName: 'Les Tilleuls ensemble',
          subjectName: 'Halve school dropout',
          text: 'Evening meetings; easier to attend',
          hasContact: 'VRAI',
        }),
      ]);
      expect(await named('meetings')).toEqual([
        expect.objectContaining({
          meetingId: 'kick-off',
          attendeeNames: `Ville de Northside, ${SOS_NAME}`,
          decisions: 'Tutoring starts in February\nThe hall on Wednesdays, not Fridays',
        }),
      ]);
      const trail = await named('audit-trail');
      expect(trail.find((row) => row.type === 'CommitmentMade')).toMatchObject({
        actor: 'acme-officer',
        actorPartnerId: 'acme',
        actorPartnerName: 'ACME Fondation',
      });
      const accesses = await named('access-audit');
      expect(accesses.find((row) => row.outcome === 'denied')).toMatchObject({
        sub: 'ville-officer',
        partnerName: 'Ville de Northside',
        route: '/audit-trail',
        status: '403',
      });
      expect(await named('partnerships')).toEqual([
        expect.objectContaining({ partnershipId: 'source', name: 'Partnership source' }),
        expect.objectContaining({
          partnershipId: 'tilleuls',
          name: 'Les Tilleuls ensemble',
          neighbourhoods: 'Les Tilleuls, La Source',
          members: '3',
        }),
      ]);
    });

    it('never holds the contact details of who gave feedback, in any format', async () => {
      for (const extension of ['csv', 'jsonl', 'xlsx']) {
        const bytes = (await download(`/exports/feedback.${extension}`).expect(200)).body as Buffer;
        expect(bytes.includes('resident@example.org')).toBe(false);
        expect(bytes.includes('A. Resident')).toBe(false);
      }
    });
  });

  describe('the machine formats', () => {
    it('keeps the CSV for programs as it was: ids only, amounts in cents', async () => {
      const text = (
        (await download('/exports/contributions.csv').expect(200)).body as Buffer
      ).toString('utf8');
      expect(text.startsWith('contributionId,partnershipId,partnerId,kind,')).toBe(true);
      expect(text).not.toContain('ACME Fondation');
      expect(text).toContain(',37800,EUR,31.5,1,');
    });

    it.each(DATASETS.filter((dataset) => dataset !== 'measurements'))(
      'exports %s as JSON Lines: exactly what its list route answers',
      async (dataset) => {
        const listed = (await api.get(LISTS[dataset]).expect(200)).body as { items: unknown[] };
        const lines = ((await download(pathOf(dataset, 'jsonl')).expect(200)).body as Buffer)
          .toString('utf8')
          .trimEnd()
          .split('\n')
          .map((line) => JSON.parse(line) as unknown);
        expect(listed.items.length).toBeGreaterThan(0);
        expect(lines).toEqual(listed.items);
      },
    );

    it('exports measurements as JSON Lines: each with the values it had', async () => {
      const detail = (await api.get('/indicators/belonging').expect(200)).body as {
        series: unknown[];
      };
      const [line] = ((await download('/exports/measurements.jsonl').expect(200)).body as Buffer)
        .toString('utf8')
        .trimEnd()
        .split('\n')
        .map((text) => JSON.parse(text) as Record<string, unknown>);
      const { indicatorId, partnershipId, code, indicatorName, unit, ...measurement } = line;
      expect({ indicatorId, partnershipId, code, indicatorName, unit }).toEqual({
        indicatorId: 'belonging',
        partnershipId: 'tilleuls',
        code: 'BELONG',
        indicatorName: 'Sense of belonging',
        unit: { kind: 'likert', scale: { min: 1, max: 5 } },
      });
      expect([measurement]).toEqual(detail.series);
    });
  });

  describe('the workbook (.xlsx)', () => {
    it('holds typed cells: numbers, amounts in euros, dates, booleans', async () => {
      const response = await download('/exports/contributions.xlsx').expect(200);
      expect(response.headers['content-type']).toBe(XLSX_TYPE);
      expect(response.headers['content-disposition']).toMatch(
        /^attachment; filename="contributions-\d{4}-\d{2}-\d{2}\.xlsx"$/,
      );
      const { sheet, header, rows } = await workbookOf(response.body as Buffer);
      expect(sheet.name).toBe('contributions');
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.getRow(1).getCell(1).font).toMatchObject({ bold: true });
      expect(header).toEqual([
        'contributionId',
        'partnershipId',
        'partnershipName',
        'partnerId',
        'partnerName',
        'kind',
        'quantity',
        'unit',
        'date',
        'description',
        'commitmentId',
        'status',
        'acknowledgedBy',
        'acknowledgedByNames',
        'recordedAt',
        'reversedAt',
        'reversalReason',
        'value',
        'currency',
        'rate',
        'rateVersion',
        'position',
      ]);
      const grant = rows.find((row) => row.contributionId === 'tilleuls--grant');
      expect(grant).toEqual({
        contributionId: 'tilleuls--grant',
        partnershipId: 'tilleuls',
        partnershipName: 'Les Tilleuls ensemble',
        partnerId: 'ville',
        partnerName: 'Ville de Northside',
        kind: 'money',
        quantity: 1234.5,
        unit: 'EUR',
        date: new Date('2026-03-01T00:00:00Z'),
        // Text is text in a workbook: nothing is run, so nothing needs defusing.
        description: '=HYPERLINK("http://evil.example","grant")',
        commitmentId: null,
        status: 'acknowledged',
        acknowledgedBy: 'sos',
        acknowledgedByNames: SOS_NAME,
        recordedAt: expect.any(Date) as unknown,
        reversedAt: null,
        reversalReason: null,
        value: 1234.5,
        currency: 'EUR',
        rate: 1,
        rateVersion: null,
        position: expect.any(Number) as unknown,
      });
      const row = sheet.getRow(1 + rows.indexOf(grant!) + 1);
      const cell = (name: string) => row.getCell(header.indexOf(name) + 1);
      expect(cell('value').numFmt).toBe('#,##0.00 "€"');
      expect(cell('date').numFmt).toBe('mm-dd-yy');
      expect(cell('recordedAt').numFmt).toBe('yyyy-mm-dd hh:mm:ss');
      const hours = rows.find((r) => r.contributionId === 'tilleuls--hours-feb');
      expect(hours).toMatchObject({ quantity: 12, value: 378, rate: 31.5, rateVersion: 1 });
    });

    it.each(DATASETS)(
      'says cell by cell what the spreadsheet CSV says, for %s',
      async (dataset) => {
        const csv = await frenchCsv(dataset);
        const { sheet, header, rows } = await workbook(dataset);
        expect(sheet.name).toBe(dataset);
        expect(header).toEqual(csv.header);
        expect(rows.length).toBe(csv.rows.length);
        expect(rows.length).toBeGreaterThan(0);
        rows.forEach((row, index) => {
          const cells = sheet.getRow(index + 2);
          const shown = Object.fromEntries(
            header.map((name, column) => [
              name,
              asFrenchCsvWould(row[name], cells.getCell(column + 1).numFmt),
            ]),
          );
          expect(shown).toEqual(csv.rows[index]);
        });
      },
    );

    it('streams a large export, chunked, to its last row', async () => {
      const bulk = 5000;
      const db = ledger.app.get<Database.Database>(READ_MODEL_DATABASE);
      const insert = db.prepare(
        `INSERT INTO contribution_recognition_contributions (contribution_id, position,
           partnership_id, partner_id, kind, quantity, unit, date, description, status,
           recorded_at)
         VALUES (?, ?, 'bulk', 'acme', 'volunteer_time', ?, 'hours', '2026-02-01', ?, 'recorded',
           '2026-03-01T00:00:00.000Z')`,
      );
      db.transaction(() => {
        for (let n = 0; n < bulk; n += 1)
          insert.run(`bulk-${String(n).padStart(4, '0')}`, 1_000_000 + n, n + 0.5, `Bulk #${n}`);
      })();

      const response = await download('/exports/contributions.xlsx?partnershipId=bulk').expect(200);
      expect(response.headers['transfer-encoding']).toBe('chunked');
      expect(response.headers['content-length']).toBeUndefined();
      const { rows } = await workbookOf(response.body as Buffer);
      expect(rows).toHaveLength(bulk);
      expect(rows[bulk - 1]).toMatchObject({
        contributionId: 'bulk-4999',
        quantity: 4999.5,
        value: Math.round(4999.5 * 3150) / 100,
        description: 'Bulk #4999',
      });

      const csv = await download(
        '/exports/contributions.csv?dialect=excel-fr&partnershipId=bulk',
      ).expect(200);
      expect(csv.headers['transfer-encoding']).toBe('chunked');
      expect(spreadsheetCsv(csv.body as Buffer).rows).toHaveLength(bulk);
    });
  });

  describe('access: each export applies the rules of the list it mirrors', () => {
    const SCOPED: Dataset[] = [
      'commitments',
      'contributions',
      'agreements',
      'indicators',
      'measurements',
      'feedback',
      'partnerships',
    ];

    it('gives a partner of another partnership nothing of this one, in any format', async () => {
      for (const dataset of [...SCOPED, 'conflicts' as const]) {
        for (const extension of ['csv', 'jsonl', 'xlsx']) {
          const bytes = (await download(pathOf(dataset, extension), other).expect(200))
            .body as Buffer;
          const text = extension === 'xlsx' ? '' : bytes.toString('utf8');
          expect({ dataset, extension, leaks: text.includes('tilleuls') }).toEqual({
            dataset,
            extension,
            leaks: false,
          });
        }
        const { rows } = await workbook(dataset, other);
        expect({
          dataset,
          tilleuls: rows.filter((row) => row.partnershipId === 'tilleuls'),
        }).toEqual({ dataset, tilleuls: [] });
      }
      // Its own partnership's, it has.
      expect((await frenchCsv('commitments', other)).rows).toEqual([
        expect.objectContaining({ commitmentId: 'source--other-promise', partnerName: 'other' }),
      ]);
    });

    it('refuses a partner that names another partnership (403), or its meetings (404)', async () => {
      for (const dataset of SCOPED.filter((name) => name !== 'partnerships')) {
        for (const extension of ['csv', 'xlsx']) {
          expectProblem(
            await api.get(`/exports/${dataset}.${extension}?partnershipId=tilleuls`, other),
            403,
            'forbidden',
          );
        }
      }
      expectProblem(
        await api.get('/exports/meetings.xlsx?partnershipId=tilleuls', other),
        404,
        'not-found',
      );
    });

    it('shows a conflict case only to its parties, its mediator, administrators and auditors', async () => {
      const cases = async (as: Principal) =>
        (await frenchCsv('conflicts', as)).rows.map((row) => row.conflictId);
      for (const as of [sos, ville, MEDIATOR, admin, auditor])
        expect(await cases(as)).toEqual(['tilleuls--hall-access']);
      for (const as of [acme, other, { ...MEDIATOR, sub: 'another-mediation' }])
        expect(await cases(as)).toEqual([]);
    });

    it('keeps the audits to administrators and auditors', async () => {
      for (const dataset of ['audit-trail', 'access-audit'] as const) {
        for (const as of [ville, MEDIATOR, resident])
          expectProblem(await api.get(`/exports/${dataset}.xlsx`, as), 403, 'forbidden');
        await download(`/exports/${dataset}.xlsx`, auditor).expect(200);
      }
    });

    it('refuses every export to a principal without a role, and the mediator what is not cases', async () => {
      for (const dataset of DATASETS)
        expectProblem(await api.get(pathOf(dataset, 'csv'), resident), 403, 'forbidden');
      for (const dataset of DATASETS.filter((name) => name !== 'conflicts'))
        expectProblem(await api.get(pathOf(dataset, 'csv'), MEDIATOR), 403, 'forbidden');
    });
  });

  describe('bad requests', () => {
    it.each([
      ['an unknown format', '/exports/commitments.xls'],
      ['a dialect for a workbook', '/exports/commitments.xlsx?dialect=excel-fr'],
      ['a dialect for JSON Lines', '/exports/agreements.jsonl?dialect=rfc4180'],
      ['an unknown dialect', '/exports/commitments.csv?dialect=excel-de'],
      ['paging', '/exports/feedback.csv?limit=10'],
      ['meetings of no partnership', '/exports/meetings.csv'],
      ['a filter the list refuses', '/exports/conflicts.xlsx?status=late'],
      ['a bad time range', '/exports/audit-trail.csv?from=yesterday'],
    ])('answers 400 for %s', async (_case, path) => {
      expectProblem(await api.get(path), 400, 'bad-request');
    });
  });
});
