import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import request from 'supertest';
import type { App } from 'supertest/types';
import { EVENT_STORE, type EventStore } from '@cohesion/event-store';
import {
  bodyVariants,
  type CommandRoute,
  commandRoutes,
  contentTypes,
  extraHeaders,
  idempotencyKeys,
  type JsonValue,
  actingFieldsOf,
  matchRoute,
  type OpenApiDocument,
  optionalIdsOf,
  pathValue,
  schemaExample,
} from '../support/http-fuzz';
import { signToken, startTestLedger, type TestLedger } from '../support/ledger-app';
import {
  ACCESS_AUDIT_STREAM_PREFIX,
  admin,
  type LedgerClient,
  ledgerClient,
  partner,
  type Principal,
} from '../support/ledger-client';
import { inPartnership } from '../support/partnership-fixtures';
import { recordScenario } from '../support/scenario';

/*
 * Input fuzzing (issue 6, suite 5). Every POST and PUT of the OpenAPI document gets fast-check
 * requests: near-valid bodies (a valid example with fields of the wrong type, size or alphabet,
 * missing or extra), garbage, odd content types, Idempotency-Keys and tokens, and path
 * parameters that are long, unicode, traversal-like or empty. No answer may be a 5xx, and the
 * log may only grow by the events of the commands that were acknowledged (2xx).
 */

const TAG = 'fz';
/** Requests per route; FUZZ_RUNS_PER_ROUTE and FUZZ_SEED widen or replay a run. */
const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS_PER_ROUTE ?? 50);
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
/** A bound on the whole run, whatever the machine: the requests left are then not sent. */
const DEADLINE_MS = 60_000;

interface Recorded {
  readonly path: string;
  readonly body: Record<string, JsonValue>;
  readonly as: Principal;
}

interface RoutePlan {
  readonly route: CommandRoute;
  readonly params: Readonly<Record<string, string>>;
  /** The partner the route is sent as: its example's, or one of its resource's examples'. */
  readonly partner: Principal;
  /** A valid body as the partner sends it (acting members left to default to the token's). */
  readonly partnerBody: Record<string, JsonValue>;
  /** The same as an administrator sends it: naming the partner it acts for. */
  readonly adminBody: Record<string, JsonValue>;
  readonly optionalIds: readonly string[];
}

type Caller =
  | 'admin'
  | 'partner'
  | 'outsider'
  | 'no-token'
  | 'garbage-token'
  | 'expired'
  | 'foreign-key'
  | 'odd-claims';

interface FuzzRequest {
  readonly params: readonly string[];
  readonly body: string;
  readonly contentType: string;
  readonly key: string | undefined;
  readonly caller: Caller;
  readonly headers: Readonly<Record<string, string>>;
}

interface CommandAnswer {
  readonly stream?: string;
  readonly revision?: string;
  readonly events?: readonly string[];
  readonly fulfilmentClaim?: CommandAnswer;
}

/** An object the scenario creates in its partnership, by the id the ledger records. */
const inScenario = (name: string) => inPartnership(`youth-${TAG}`, `${name}-${TAG}`);

/** The ids of the world the scenario records, for parameters it does not exercise. */
const DEFAULT_IDS: Readonly<Record<string, string>> = {
  partnershipId: `youth-${TAG}`,
  partnerId: `acme-${TAG}`,
  objectiveId: 'dropout',
  commitmentId: inScenario('mentoring'),
  claimId: `contribution-${inScenario('hours-feb')}`,
  contributionId: inScenario('grant'),
  policyId: `policy-${TAG}`,
  agreementId: inScenario('hall'),
  conflictId: inScenario('hall-access'),
  mediatorId: `mediator-${TAG}`,
  proposalId: 'shared',
  indicatorId: `belonging-${TAG}`,
  measurementId: 'h1',
  feedbackId: inScenario('feedback'),
};

describe('reliability: input fuzzing', () => {
  let ledger: TestLedger;
  let server: App;

  beforeAll(async () => {
    ledger = await startTestLedger({ LEDGER_RATE_LIMIT_PER_MINUTE: '1000000' });
    server = ledger.app.getHttpServer() as App;
  });
  afterAll(() => ledger.close());

  /** Records the scenario, keeping each command it sends: valid example bodies per route. */
  async function recordWorld(api: LedgerClient): Promise<Recorded[]> {
    const recorded: Recorded[] = [];
    const recording: LedgerClient = {
      ...api,
      post: (path, body, as = admin, extra) => {
        recorded.push({ path, body: structuredClone(body) as Recorded['body'], as });
        return api.post(path, body, as, extra);
      },
    };
    await recordScenario(recording, TAG);
    return recorded;
  }

  function planRoutes(
    routes: readonly CommandRoute[],
    recorded: readonly Recorded[],
    document: OpenApiDocument,
  ): RoutePlan[] {
    const resourceOf = (path: string) => path.split('/')[1];
    return routes.map((route) => {
      const example = recorded.flatMap((sent) => {
        const params = matchRoute(route, sent.path);
        return params ? [{ ...sent, params }] : [];
      })[0];
      const partnerOfResource = recorded.find(
        (sent) => resourceOf(sent.path) === resourceOf(route.template) && sent.as.partnerId,
      )?.as;
      const partnerPrincipal =
        example?.as.partnerId !== undefined
          ? example.as
          : (partnerOfResource ?? partner(DEFAULT_IDS.partnerId));
      const params =
        example?.params ??
        Object.fromEntries(route.params.map((name) => [name, DEFAULT_IDS[name]]));
      const body =
        example?.body ??
        ((route.schema ? schemaExample(route.schema, document, DEFAULT_IDS) : {}) as Record<
          string,
          JsonValue
        >);
      const acting = actingFieldsOf(route.schema, document);
      const partnerBody = Object.fromEntries(
        Object.entries(body).filter(([key]) => !acting.includes(key)),
      );
      const actsFor = partnerPrincipal.partnerId ?? DEFAULT_IDS.partnerId;
      const adminBody = {
        ...partnerBody,
        ...Object.fromEntries(acting.map((key) => [key, actsFor])),
      };
      const optionalIds = optionalIdsOf(route.schema, document);
      return { route, params, partner: partnerPrincipal, partnerBody, adminBody, optionalIds };
    });
  }

  /**
   * Routes that end what the others act on (closing, withdrawing, retiring…) come last, those of
   * the partnership itself at the very end, so that the others meet a world still open.
   */
  function finalityOf({ template }: CommandRoute): number {
    if (
      /\/partnerships\/\{partnershipId\}\/(closure|suspension|partners\/\{partnerId\}\/departure)$/.test(
        template,
      )
    ) {
      return 2;
    }
    const ending =
      /\/(closure|withdrawal|release|partial-closure|termination|decline|expiry|retirement|escalation|reversal)$/;
    return ending.test(template) ? 1 : 0;
  }

  function requestsFor(plan: RoutePlan): fc.Arbitrary<FuzzRequest> {
    const otherIds = Object.values(DEFAULT_IDS);
    const callerAndBody = fc
      .oneof(
        { weight: 10, arbitrary: fc.constantFrom<Caller>('admin', 'partner') },
        {
          weight: 3,
          arbitrary: fc.constantFrom<Caller>(
            'outsider',
            'no-token',
            'garbage-token',
            'expired',
            'foreign-key',
            'odd-claims',
          ),
        },
      )
      .chain((caller) =>
        bodyVariants(caller === 'admin' ? plan.adminBody : plan.partnerBody, plan.optionalIds).map(
          (body) => ({ caller, body }),
        ),
      );
    return fc
      .record({
        params: fc.tuple(
          ...plan.route.params.map((name) => pathValue(plan.params[name], otherIds)),
        ),
        callerAndBody,
        contentType: contentTypes,
        key: idempotencyKeys,
        headers: extraHeaders,
      })
      .map(({ callerAndBody: { caller, body }, ...rest }) => ({ ...rest, caller, body }));
  }

  const foreignKey = generateKeyPairSync('ed25519').privateKey;

  function authorization(caller: Caller, plan: RoutePlan): string | undefined {
    const now = Math.floor(Date.now() / 1000);
    switch (caller) {
      case 'admin':
        return `Bearer ${ledger.token(admin)}`;
      case 'partner':
        return `Bearer ${ledger.token(plan.partner)}`;
      case 'outsider':
        return `Bearer ${ledger.token(partner('nobody'))}`;
      case 'no-token':
        return undefined;
      case 'garbage-token':
        return 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.';
      case 'expired':
        return `Bearer ${ledger.token(admin, { iat: now - 7200, exp: now - 3600 })}`;
      case 'foreign-key':
        return `Bearer ${signToken(foreignKey, { iss: 'cohesion-ledger', aud: 'cohesion-ledger-api', sub: 'x', roles: ['admin'], iat: now, exp: now + 600 })}`;
      case 'odd-claims':
        return `Bearer ${ledger.token({ sub: '' }, { roles: 'admin', partner_id: ['../x'] })}`;
    }
  }

  function send(plan: RoutePlan, fuzz: FuzzRequest) {
    let path = plan.route.template;
    plan.route.params.forEach((name, index) => {
      path = path.replace(`{${name}}`, fuzz.params[index]);
    });
    let call = request(server)[plan.route.method](path).timeout(15_000);
    const auth = authorization(fuzz.caller, plan);
    if (auth !== undefined) call = call.set('authorization', auth);
    if (fuzz.key !== undefined) call = call.set('idempotency-key', fuzz.key);
    if (Object.keys(fuzz.headers).length > 0) call = call.set(fuzz.headers);
    if (fuzz.contentType === 'none') return { path, response: call };
    return { path, response: call.set('content-type', fuzz.contentType).send(fuzz.body) };
  }

  it('answers every fuzzed command below 500, and records nothing for a refusal', async () => {
    const api = ledgerClient(ledger);
    const store = ledger.app.get<EventStore>(EVENT_STORE);
    const recorded = await recordWorld(api);
    const document = (await request(server).get('/docs/json').expect(200)).body as OpenApiDocument;
    const routes = commandRoutes(document);
    expect(routes.length).toBeGreaterThanOrEqual(50);
    const plans = planRoutes(routes, recorded, document).sort(
      (a, b) => finalityOf(a.route) - finalityOf(b.route),
    );

    const headBefore = await store.headPosition();
    const logBefore = await api.logSize();
    const statuses = new Map<number, number>();
    const perClass = new Map<string, number>();
    const serverErrors: string[] = [];
    /** The events the 2xx answers name, as `stream@revision`. */
    const acknowledged = new Set<string>();
    let requests = 0;
    let answered2xx = 0;
    const started = Date.now();

    for (const [index, plan] of plans.entries()) {
      const samples = fc.sample(requestsFor(plan), { numRuns: RUNS_PER_ROUTE, seed: SEED + index });
      for (const fuzz of samples) {
        if (Date.now() - started > DEADLINE_MS) break;
        const { path, response } = send(plan, fuzz);
        const answer = await response;
        requests += 1;
        const routeClass = `${plan.route.method.toUpperCase()} /${plan.route.template.split('/')[1]}`;
        perClass.set(routeClass, (perClass.get(routeClass) ?? 0) + 1);
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        if (answer.status >= 500) {
          serverErrors.push(
            `${answer.status} ${plan.route.method.toUpperCase()} ${path.slice(0, 200)} as ${fuzz.caller} ` +
              `[${fuzz.contentType}, key ${String(fuzz.key)}, ${JSON.stringify(fuzz.headers)}] ${fuzz.body.slice(0, 160)} → ${JSON.stringify(answer.body).slice(0, 160)}`,
          );
        }
        if (answer.status >= 200 && answer.status < 300) {
          answered2xx += 1;
          const body = answer.body as CommandAnswer;
          for (const part of [body, body.fulfilmentClaim]) {
            for (const event of eventsOf(part)) acknowledged.add(event);
          }
        }
      }
    }

    const appended: string[] = [];
    for await (const event of store.readAll({ fromPosition: headBefore })) {
      if (!event.stream.startsWith(ACCESS_AUDIT_STREAM_PREFIX)) {
        appended.push(`${event.stream}@${event.revision}`);
      }
    }
    const logAfter = await api.logSize();
    const unacknowledged = appended.filter((event) => !acknowledged.has(event));
    const logged = new Set<string>();
    for await (const event of store.readAll()) logged.add(`${event.stream}@${event.revision}`);
    const missing = [...acknowledged].filter((event) => !logged.has(event));
    console.log(
      [
        `input fuzzing: seed ${SEED}, ${requests} requests over ${routes.length} routes in ${Date.now() - started} ms`,
        `  per route class: ${JSON.stringify(Object.fromEntries(perClass))}`,
        `  statuses: ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`,
        `  2xx: ${answered2xx}, business events appended: ${logAfter - logBefore}, by refused requests: ${unacknowledged.length}, 5xx: ${serverErrors.length}`,
        ...serverErrors.slice(0, 10).map((line) => `  ${line}`),
      ].join('\n'),
    );
    expect(serverErrors).toEqual([]);
    expect(unacknowledged).toEqual([]);
    expect(missing).toEqual([]);
    expect(logAfter - logBefore).toBe(appended.length);
    // The fuzz reached the handlers: some commands were valid enough to be recorded.
    expect(answered2xx).toBeGreaterThan(0);
  }, 150_000);
});

/**
 * A command's events as `stream@revision`: contiguous in its stream, ending at `revision`. (Not
 * by log position: a contribution that claims a fulfilment answers the position of the claim,
 * the last event written, not of its own event.)
 */
function eventsOf(answer: CommandAnswer | undefined): string[] {
  const events = answer?.events ?? [];
  if (answer?.stream === undefined || answer.revision === undefined) return [];
  const last = BigInt(answer.revision);
  return events.map((_, index) => `${answer.stream}@${last - BigInt(events.length - 1 - index)}`);
}
