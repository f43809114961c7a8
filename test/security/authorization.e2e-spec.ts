import type { Response } from 'supertest';
import { startTestLedger, type TestLedger } from '../support/ledger-app';
import {
  expectProblem,
  type LedgerClient,
  ledgerClient,
  type Principal,
} from '../support/ledger-client';
import {
  acme,
  admin,
  auditor,
  beta,
  city,
  CONTACT,
  dupont,
  martin,
  recordWorld,
  resident,
  sos,
} from './authorization-world';

/**
 * Who may read and do what, with real tokens against the running app (see authorization-world
 * for the ledger probed). Every refusal also proves that nothing was appended.
 */
describe('authorization', () => {
  let ledger: TestLedger;
  let api: LedgerClient;

  beforeAll(async () => {
    ledger = await startTestLedger({ LEDGER_RATE_LIMIT_PER_MINUTE: '1000000' });
    api = ledgerClient(ledger);
    await recordWorld(api);
  });
  afterAll(() => ledger.close());

  type Call = () => PromiseLike<Response>;
  const get = (path: string, as: Principal) => () => api.get(path, as);
  const post = (path: string, body: object, as: Principal) => () => api.post(path, body, as);

  /** The answer, after checking its status (problem+json when refused) and that nothing was added. */
  async function answered(call: Call, status: number, slug?: string): Promise<Response> {
    const before = await api.logSize();
    const response = await call();
    if (slug) expectProblem(response, status, slug);
    else
      expect({ status: response.status, body: response.body as unknown }).toMatchObject({ status });
    expect(await api.logSize()).toBe(before);
    return response;
  }

  /**
   * A hidden object is answered exactly as an unknown one (status, type, title, and detail but for
   * the id), so that its existence cannot be probed.
   */
  async function expectHidden(path: string, as: Principal, id: string, unknownId: string) {
    const hidden = await answered(get(path, as), 404, 'not-found');
    const unknown = await answered(get(path.replace(id, unknownId), as), 404, 'not-found');
    const shape = (response: Response, named: string) => {
      const { type, title, detail } = response.body as Record<string, string>;
      return { type, title, detail: detail.split(named).join('<id>') };
    };
    expect(shape(hidden, id)).toEqual(shape(unknown, unknownId));
  }

  const idsOf = (response: Response, key: string) =>
    (response.body as { items: Record<string, string>[] }).items.map((item) => item[key]).sort();

  describe('BOLA: partner A (acme) and partner B (sos)', () => {
    it("lets A read B's commitment and contribution in a partnership they share", async () => {
      await answered(get('/commitments/north--promise', acme), 200);
      await answered(get('/streams/contribution-north--gift/events', acme), 200);
      await answered(get('/partnerships/north/contributions?policyId=rates', acme), 200);
    });

    it.each([
      ['commitment', '/commitments/south--promise', 'south--promise'],
      ['commitment stream', '/streams/commitment-south--promise/events', 'south--promise'],
      ['commitment state', '/streams/commitment-south--promise/state', 'south--promise'],
      ['contribution stream', '/streams/contribution-south--gift/events', 'south--gift'],
      ['partnership', '/partnerships/south', 'south'],
      ['partnership stream', '/streams/partnership-south/state', 'south'],
      ['meetings', '/partnerships/south/meetings', 'south'],
      ['accountability', '/partnerships/south/accountability', 'south'],
      ['contributions report', '/partnerships/south/contributions', 'south'],
      ['equity report', '/partnerships/south/equity', 'south'],
      ['impact', '/partnerships/south/impact', 'south'],
      ['conflict', '/conflicts/south--case', 'south--case'],
      ['conflict replay', '/conflicts/south--case/replay', 'south--case'],
      ['conflict stream', '/streams/conflict-south--case/events', 'south--case'],
      ["partner's accountability", '/partners/sos/accountability', 'sos'],
      ["partner's contributions", '/partners/sos/contributions', 'sos'],
    ])("hides B's %s outside A's partnerships (404, as if unknown)", async (_what, path, id) => {
      await expectHidden(path, acme, id, 'ghost');
    });

    it.each([
      ['accept a commitment', '/commitments/south--promise/acceptance', {}],
      ['withdraw a commitment', '/commitments/south--promise/withdrawal', { reason: 'x' }],
      ['claim on a commitment', '/commitments/south--promise/fulfilment-claims', { evidence: 'e' }],
      ['acknowledge a contribution', '/contributions/south--gift/acknowledgements', {}],
      ['reverse a contribution', '/contributions/south--gift/reversal', { reason: 'x' }],
      ['record a statement', '/conflicts/south--case/statements', { text: 'Mine' }],
      ['accept a resolution', '/conflicts/south--case/resolution-proposals/p1/acceptance', {}],
    ])("refuses A to %s of B's outside its partnerships (404)", async (_what, path, body) => {
      await answered(post(path, body, acme), 404, 'not-found');
    });

    it.each([
      ['a commitment', '/commitments', { what: 'x', dueDate: '2099-01-01' }],
      ['a contribution', '/contributions', { kind: 'other', quantity: 1, unit: 'items' }],
      ['an agreement', '/agreements', { title: 't', parties: ['sos', 'beta'], clauses: [] }],
      ['a conflict', '/conflicts', { parties: ['sos'], summary: 's' }],
    ])('refuses A to record %s in a partnership it is not in (403)', async (_what, path, body) => {
      const complete = {
        ...body,
        ...(path === '/commitments'
          ? { beneficiary: { kind: 'group', name: 'g' }, kind: 'other' }
          : {}),
        ...(path === '/contributions' ? { date: '2026-01-01', description: 'd' } : {}),
        ...(path === '/conflicts' ? { subject: { kind: 'free', description: 'd' } } : {}),
      };
      for (const partnershipId of ['south', 'never-founded']) {
        await answered(post(path, { ...complete, partnershipId }, acme), 403, 'forbidden');
      }
    });

    it.each([
      ['set an objective', '/objectives', { title: 't', description: 'd' }],
      ['record a meeting', '/meetings', { heldOn: '2026-01-01', attendees: [], decisions: [] }],
    ])('refuses A to %s in a partnership it is not in (403)', async (_what, path, body) => {
      await answered(post(`/partnerships/south${path}`, body, acme), 403, 'forbidden');
    });

    it.each([
      [
        'make a commitment',
        '/commitments',
        {
          partnershipId: 'north',
          partnerId: 'sos',
          what: 'x',
          dueDate: '2099-01-01',
          beneficiary: { kind: 'group', name: 'g' },
          kind: 'volunteer_time',
        },
      ],
      [
        'claim its delivery',
        '/commitments/north--promise/fulfilment-claims',
        { partnerId: 'sos', evidence: 'Sign-in sheets' },
      ],
      [
        'withdraw its commitment',
        '/commitments/north--promise/withdrawal',
        { partnerId: 'sos', reason: 'r' },
      ],
      ['reverse its contribution', '/contributions/north--gift/reversal', { reason: 'x' }],
      [
        'record its contribution',
        '/contributions',
        {
          partnershipId: 'north',
          partnerId: 'sos',
          kind: 'other',
          quantity: 1,
          unit: 'items',
          date: '2026-01-01',
          description: 'd',
        },
      ],
    ])("refuses A to %s in B's name, in their partnership (403)", async (_what, path, body) => {
      await answered(post(path, body, acme), 403, 'forbidden');
    });

    it("scopes A's lists to its partnerships, and refuses one naming another (403)", async () => {
      const commitments = await answered(get('/commitments', acme), 200);
      expect(idsOf(commitments, 'commitmentId')).toEqual(['north--promise']);
      const contributions = await answered(get('/contributions', acme), 200);
      expect(idsOf(contributions, 'contributionId')).toEqual(['north--gift']);
      const partnerships = await answered(get('/partnerships', acme), 200);
      expect(idsOf(partnerships, 'partnershipId')).toEqual(['north']);
      const exported = await answered(get('/exports/commitments.jsonl', acme), 200);
      expect(exported.text).toContain('north--promise');
      expect(exported.text).not.toContain('south--promise');
      for (const list of [
        'commitments',
        'contributions',
        'agreements',
        'conflicts',
        'indicators',
        'feedback',
        'exports/contributions.csv',
      ]) {
        if (list === 'conflicts') continue; // cases are scoped to their parties, below
        await answered(get(`/${list}?partnershipId=south`, acme), 403, 'forbidden');
      }
    });

    it('lets B read its own reports, and administrators and auditors every one', async () => {
      for (const as of [sos, admin, auditor]) {
        await answered(get('/partners/sos/accountability', as), 200);
        await answered(get('/partners/sos/contributions?policyId=rates', as), 200);
      }
    });
  });

  describe('confidential conflict cases', () => {
    const READS = [
      '/conflicts/north--hall',
      '/conflicts/north--hall/replay',
      '/streams/conflict-north--hall/events',
      '/streams/conflict-north--hall/state',
    ];

    it.each(READS)('hides %s from a member who is no party (404, as if unknown)', async (path) => {
      await expectHidden(path, acme, 'north--hall', 'ghost');
    });

    it.each(READS)('hides %s from a mediator of other cases (404)', async (path) => {
      await expectHidden(path, dupont, 'north--hall', 'ghost');
    });

    it.each([
      ['the raiser', sos],
      ['the party raised against', city],
      ['the mediator', martin],
      ['an administrator', admin],
      ['an auditor', auditor],
    ])('shows the statements and session notes to %s', async (_who, as) => {
      const replay = await answered(get('/conflicts/north--hall/replay', as), 200);
      expect(JSON.stringify(replay.body)).toContain('We were told so');
      expect(JSON.stringify(replay.body)).toContain('Confidential note');
      await answered(get('/streams/conflict-north--hall/events', as), 200);
    });

    it('lists to each only the cases it is party to or mediates', async () => {
      const ids = async (as: Principal) =>
        idsOf(await answered(get('/conflicts', as), 200), 'conflictId');
      expect(await ids(acme)).toEqual([]);
      expect(await ids(city)).toEqual(['north--hall', 'north--pending']);
      expect(await ids(martin)).toEqual(['north--hall']);
      expect(await ids(dupont)).toEqual(['north--pending', 'south--case']);
      expect(await ids(auditor)).toEqual(['north--hall', 'north--pending', 'south--case']);
    });

    it('refuses a member who is no party to act on the case (404)', async () => {
      await answered(
        post('/conflicts/north--hall/statements', { text: 'x' }, acme),
        404,
        'not-found',
      );
      await answered(
        post('/conflicts/north--hall/escalation', { escalatedTo: 'x', reason: 'r' }, acme),
        404,
        'not-found',
      );
    });
  });

  describe('mediators', () => {
    it('lets the proposed mediator read the case it is asked to take', async () => {
      await answered(get('/conflicts/north--pending', dupont), 200);
    });

    it.each([
      ['record a session', 'sessions', { heldOn: '2026-01-01', attendees: [], summary: 's' }],
      ['propose a resolution', 'resolution-proposals', { terms: 'Share the hall' }],
    ])('refuses a mediator to %s on a case that is not theirs (404)', async (_what, path, body) => {
      await answered(post(`/conflicts/south--case/${path}`, body, martin), 404, 'not-found');
      await answered(post(`/conflicts/north--hall/${path}`, body, dupont), 404, 'not-found');
    });

    it("refuses its own case's mediator to act in a party's name (403)", async () => {
      const body = { terms: 'Share the hall', proposedBy: 'sos' };
      await answered(
        post('/conflicts/north--hall/resolution-proposals', body, martin),
        403,
        'forbidden',
      );
    });

    it('refuses a mediator anything but conflicts', async () => {
      await answered(get('/commitments', martin), 403, 'forbidden');
      await answered(get('/partnerships/north', martin), 403, 'forbidden');
      await answered(post('/conflicts/north--hall/acknowledgement', {}, martin), 403, 'forbidden');
      await expectHidden('/streams/partnership-north/state', martin, 'north', 'ghost');
    });
  });

  describe('function level', () => {
    const ADMIN_ROUTES: [string, string, object][] = [
      ['post', '/partnerships', { partnershipId: 'x', name: 'n', purpose: 'p', territory: 't' }],
      ['post', '/partnerships/north/partners', { partnerId: 'x', name: 'x', kind: 'ngo' }],
      ['post', '/partnerships/north/partners/sos/departure', { reason: 'r' }],
      ['put', '/partnerships/north/partners/sos/role', { role: 'r', responsibilities: [] }],
      ['post', '/partnerships/north/suspension', { reason: 'r' }],
      ['post', '/partnerships/north/reactivation', {}],
      ['post', '/partnerships/north/closure', { reason: 'r' }],
      ['post', '/valuation-policies', { policyId: 'x', name: 'n', currency: 'EUR' }],
      ['post', '/valuation-policies/rates/rates', { kind: 'other', unit: 'items' }],
      ['post', '/indicators', { partnershipId: 'north', code: 'X' }],
      ['post', '/indicators/x/measurements', { value: 1 }],
      ['post', '/indicators/x/measurements/m/corrections', { value: 1, reason: 'r' }],
      ['post', '/indicators/x/retirement', { reason: 'r' }],
    ];

    it.each(ADMIN_ROUTES)(
      'refuses partners, mediators and auditors %s %s (403)',
      async (method, path, body) => {
        for (const as of [acme, martin, auditor, resident]) {
          const call = method === 'put' ? () => api.put(path, body, as) : post(path, body, as);
          await answered(call, 403, 'forbidden');
        }
      },
    );

    it('refuses every role the OpenAPI document does not require, on every route (403)', async () => {
      const document = await api.get('/docs/json').expect(200);
      const paths = (document.body as { paths: Record<string, Record<string, Operation>> }).paths;
      const principals: [string, Principal][] = [
        ['partner', acme],
        ['mediator', martin],
        ['auditor', auditor],
        ['admin', admin],
      ];
      const before = await api.logSize();
      const wrong: string[] = [];
      for (const [template, operations] of Object.entries(paths)) {
        for (const [method, operation] of Object.entries(operations)) {
          if (operation['x-access'] !== 'roles') continue;
          const path = template.replace(/\{(\w+)\}/g, (_m, name: string) => SAMPLE_IDS[name]);
          for (const [role, as] of principals) {
            if (operation['x-required-roles'].includes(role)) continue;
            const response = await send(api, method, path, as);
            if (response.status !== 403)
              wrong.push(`${role} ${method} ${path}: ${response.status}`);
          }
        }
      }
      expect(wrong).toEqual([]);
      expect(await api.logSize()).toBe(before);
    });

    it('refuses auditors, who write nothing, the feedback anyone else may give (403)', async () => {
      const body = {
        partnershipId: 'north',
        subject: { kind: 'partnership' },
        text: 'Audit remarks belong elsewhere',
        channel: 'web',
        submitterCategory: 'stakeholder',
      };
      await answered(post('/feedback', body, auditor), 403, 'forbidden');
      const document = (await api.get('/docs/json').expect(200)).body as {
        paths: Record<string, Record<string, Record<string, unknown>>>;
      };
      expect(document.paths['/feedback'].post['x-excluded-roles']).toEqual(['auditor']);
    });

    it('lets anyone authenticated, a resident without role, give feedback', async () => {
      const body = {
        partnershipId: 'north',
        subject: { kind: 'partnership' },
        text: 'More benches, please',
        channel: 'web',
        submitterCategory: 'resident',
      };
      await api.post('/feedback', body, resident).expect(201);
    });
  });

  describe('feedback contact details', () => {
    const events = '/streams/feedback-north--voice/events';
    interface ServedEvent {
      data: Record<string, unknown>;
      metadata: { actor: { sub: string } };
      redacted?: string[];
    }
    const submitted = (response: Response) =>
      (response.body as { events: ServedEvent[] }).events[0];

    it.each([
      ['an administrator', admin],
      ['an auditor', auditor],
    ])('serves them to %s', async (_who, as) => {
      const event = submitted(await answered(get(events, as), 200));
      expect(event.data.contact).toEqual(CONTACT);
      expect(event.metadata.actor.sub).toBe(resident.sub);
    });

    it("strips them for a member partner, and says so; hides another partnership's", async () => {
      const event = submitted(await answered(get(events, acme), 200));
      expect(event.data).not.toHaveProperty('contact');
      expect(event.data.text).toBe('Please keep the childcare corner.');
      // Who submitted it is personal data as much as the contact: withheld too.
      expect(event.metadata.actor.sub).toBe('[withheld]');
      expect(JSON.stringify(event)).not.toContain(resident.sub);
      expect(event.redacted).toEqual(['metadata.actor', 'data.contact']);
      await expectHidden(events, beta, 'north--voice', 'ghost');
    });
  });

  describe('mass assignment', () => {
    const commitment = {
      partnershipId: 'north',
      what: 'x',
      dueDate: '2099-01-01',
      beneficiary: { kind: 'group', name: 'g' },
      kind: 'volunteer_time',
    };
    const EXTRA_FIELDS: [string, unknown][] = [
      ['actor', { sub: 'city-admin', roles: ['admin'] }],
      ['role', 'admin'],
      ['roles', ['admin']],
      ['revision', '0'],
      ['partner', 'sos'],
      ['principal', { sub: 'x' }],
    ];
    const ROUTES: [string, string, object, Principal][] = [
      ['post', '/commitments', commitment, acme],
      ['post', '/commitments/north--promise/acceptance', {}, city],
      ['post', '/conflicts/north--hall/statements', { text: 'Again' }, sos],
      ['post', '/partnerships/north/objectives', { title: 't', description: 'd' }, acme],
      ['put', '/partnerships/north/partners/sos/role', { role: 'r', responsibilities: [] }, admin],
      [
        'post',
        '/feedback',
        {
          partnershipId: 'north',
          subject: { kind: 'partnership' },
          text: 't',
          channel: 'web',
          submitterCategory: 'resident',
        },
        resident,
      ],
    ];
    // Each body is valid but for the one field added (a field the route has is not extra).
    const cases = ROUTES.flatMap(([method, path, body, as]) =>
      EXTRA_FIELDS.filter(([field]) => !(field in body)).map(([field, value]) => [
        method,
        path,
        field,
        { ...body, [field]: value },
        as,
      ]),
    ) as [string, string, string, object, Principal][];

    it.each(cases)(
      'refuses %s %s with `%s` in the body (400)',
      async (method, path, _f, body, as) => {
        const call = method === 'put' ? () => api.put(path, body, as) : post(path, body, as);
        const response = await answered(call, 400, 'bad-request');
        expect(JSON.stringify(response.body)).toMatch(/should not exist/);
      },
    );
  });
});

interface Operation {
  readonly 'x-access': string;
  readonly 'x-required-roles': string[];
}

/** Real ids for the path parameters, so that a 403 is the route rule, not a missing object. */
const SAMPLE_IDS: Record<string, string> = {
  partnershipId: 'north',
  partnerId: 'sos',
  objectiveId: 'dropout',
  commitmentId: 'north--promise',
  claimId: 'claim',
  contributionId: 'north--gift',
  policyId: 'rates',
  agreementId: 'agreement',
  conflictId: 'north--hall',
  mediatorId: encodeURIComponent(martin.sub),
  proposalId: 'proposal',
  indicatorId: 'indicator',
  measurementId: 'measurement',
  feedbackId: 'north--voice',
  stream: 'conflict-north--hall',
};

function send(api: LedgerClient, method: string, path: string, as: Principal) {
  if (method === 'get') return api.get(path, as);
  if (method === 'put') return api.put(path, {}, as);
  return api.post(path, {}, as);
}
