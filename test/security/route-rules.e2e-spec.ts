import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { ROUTE_RULE, type RouteRule } from '../../apps/ledger-api/src/authorization/route-rule';
import { IS_PUBLIC } from '../../apps/ledger-api/src/principal/public.decorator';
import { startTestLedger, type TestLedger } from '../support/ledger-app';
import { ledgerClient, type LedgerClient, type Principal } from '../support/ledger-client';

/**
 * Every route of the running app states who may call it, and the OpenAPI document says the same.
 * The routes are read three ways (Nest's controllers, Express's router, the OpenAPI document) so
 * that a route added by any means, without a rule, fails here.
 */

interface DiscoveredRoute {
  readonly method: string;
  readonly path: string;
  readonly handler: string;
  readonly rule?: RouteRule;
  readonly isPublic: boolean;
}

type Handler = (...args: unknown[]) => unknown;

/** Every route handler of every controller the running app has, with its rule. */
function controllerRoutes(ledger: TestLedger): DiscoveredRoute[] {
  const routes: DiscoveredRoute[] = [];
  for (const module of ledger.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!controller) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      const classPublic = Reflect.getMetadata(IS_PUBLIC, controller) === true;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (typeof handler !== 'function' || name === 'constructor') continue;
        const path: unknown = Reflect.getMetadata(PATH_METADATA, handler as Handler);
        if (typeof path !== 'string') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler as Handler) as RequestMethod;
        routes.push({
          method: RequestMethod[method].toLowerCase(),
          path: joinPath(base, path),
          handler: `${controller.name}.${name}`,
          rule: Reflect.getMetadata(ROUTE_RULE, handler as Handler) as RouteRule | undefined,
          isPublic: classPublic || Reflect.getMetadata(IS_PUBLIC, handler as Handler) === true,
        });
      }
    }
  }
  return routes;
}

function joinPath(base: string, path: string): string {
  const joined = `/${[base, path].map((part) => part.replace(/^\/+|\/+$/g, '')).join('/')}`;
  return joined.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');
}

interface ExpressLayer {
  readonly route?: { readonly path: string; readonly methods: Record<string, boolean> };
}

/**
 * Every endpoint Express would serve. The API documents are mounted outside Nest (public by
 * design), and `/{*path}` layers are the middleware Nest binds to every route (logging, limits).
 */
function routerRoutes(ledger: TestLedger): string[] {
  const express = ledger.app.getHttpAdapter().getInstance() as {
    router: { stack: ExpressLayer[] };
  };
  return express.router.stack
    .flatMap(({ route }) => (route ? [route] : []))
    .filter(({ path }) => !path.startsWith('/docs') && path !== '/{*path}')
    .flatMap(({ path, methods }) => Object.keys(methods).map((method) => `${method} ${path}`));
}

interface OpenApiOperation {
  readonly description?: string;
  readonly 'x-required-roles'?: unknown;
  readonly 'x-access'?: unknown;
}

const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');
const key = ({ method, path }: { method: string; path: string }) => `${method} ${path}`;

describe('route rules', () => {
  let ledger: TestLedger;
  let api: LedgerClient;
  let routes: DiscoveredRoute[];
  let operations: Record<string, Record<string, OpenApiOperation>>;

  beforeAll(async () => {
    ledger = await startTestLedger({ LEDGER_RATE_LIMIT_PER_MINUTE: '1000000' });
    api = ledgerClient(ledger);
    routes = controllerRoutes(ledger);
    const document = await api.get('/docs/json').expect(200);
    operations = (document.body as { paths: typeof operations }).paths;
  });
  afterAll(() => ledger.close());

  /** Signing in needs no principal yet: each of these routes was reviewed as public (issue 16). */
  const SIGNING_IN = [
    'get /auth/methods',
    'post /auth/sign-in',
    'get /auth/invitation',
    'post /auth/invitation/acceptance',
    'get /auth/password-reset',
    'post /auth/password-reset',
    'get /auth/oidc/start',
    'get /auth/oidc/callback',
    'post /auth/passkeys/authentication-options',
    'post /auth/passkeys/authentication',
  ];
  /**
   * The public feedback form of a partnership, for residents without an account (issue 17): its
   * limits per address and per partnership are tested in test/api/public-feedback.e2e-spec.ts.
   */
  const PUBLIC_FEEDBACK = [
    'get /partnerships/:partnershipId/public-feedback',
    'post /partnerships/:partnershipId/public-feedback',
  ];
  /** A person's own session, passkeys and personal tokens, whatever their roles (issue 16). */
  const OWN_IDENTITY = [
    'get /auth/session',
    'post /auth/sign-out',
    'post /auth/sign-out-everywhere',
    'post /auth/passkeys/registration-options',
    'post /auth/passkeys',
    'get /auth/passkeys',
    'post /auth/passkeys/:credentialId/removal',
    'get /people/:personId',
    'get /people/:personId/tokens',
    'post /people/:personId/tokens',
    'post /people/:personId/tokens/:tokenId/revocation',
  ];

  it('finds the routes of the running app (and the same ones as its router)', () => {
    expect(routes.length).toBeGreaterThan(80);
    expect(routes.map(key).sort()).toEqual([...new Set(routerRoutes(ledger))].sort());
  });

  it('has a route rule, or is public, on every route', () => {
    const unruled = routes.filter((route) => route.rule === undefined && !route.isPublic);
    expect(unruled.map((route) => `${key(route)} (${route.handler})`)).toEqual([]);
  });

  it('keeps public routes to the health check, signing in and the public feedback form', () => {
    const open = routes.filter((route) => route.isPublic || route.rule?.access === 'public');
    expect(open.map(key).sort()).toEqual(['get /health', ...SIGNING_IN, ...PUBLIC_FEEDBACK].sort());
  });

  it("lets only feedback, and a person's own identity, go without a role", () => {
    const anyone = routes.filter((route) => route.rule?.access === 'authenticated');
    expect(anyone.map(key).sort()).toEqual(['post /feedback', ...OWN_IDENTITY].sort());
  });

  it('lets auditors call no route that writes', () => {
    const writes = routes.filter((route) => route.method !== 'get');
    const auditorWrites = writes.filter(
      (route) => route.rule?.access !== 'roles' || route.rule.roles.includes('auditor'),
    );
    // Signing in and out, and their own passkeys and tokens, are not writes to the ledger's facts.
    const identity = [...SIGNING_IN, ...OWN_IDENTITY].filter((route) => !route.startsWith('get '));
    const publicForm = PUBLIC_FEEDBACK.filter((route) => !route.startsWith('get '));
    expect(auditorWrites.map(key).sort()).toEqual(
      ['post /feedback', ...publicForm, ...identity].sort(),
    );
  });

  it("states every route's required roles in the OpenAPI document", () => {
    const undocumented = routes.flatMap((route) => {
      const operation = operations[openApiPath(route.path)]?.[route.method];
      const rule = route.rule ?? { access: 'public' as const };
      const roles = rule.access === 'roles' ? [...rule.roles] : [];
      const documented =
        operation !== undefined &&
        operation['x-access'] === rule.access &&
        JSON.stringify(operation['x-required-roles']) === JSON.stringify(roles) &&
        /Access: (public|any authenticated principal|requires (the role|one of the roles))/.test(
          operation.description ?? '',
        );
      return documented ? [] : [key(route)];
    });
    expect(undocumented).toEqual([]);
  });

  it('documents no operation that is not a route', () => {
    const documented = Object.entries(operations).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method} ${path}`),
    );
    const served = routes.map((route) => `${route.method} ${openApiPath(route.path)}`);
    expect(documented.sort()).toEqual(served.sort());
  });

  it('enforces the rule on every route of the running app: no role is 403, nothing recorded', async () => {
    // A resident: authenticated, without any role.
    const nobody: Principal = { sub: 'resident-7' };
    const before = await api.logSize();
    const answers: string[] = [];
    for (const route of routes.filter((candidate) => candidate.rule?.access === 'roles')) {
      const path = route.path.replace(/:(\w+)/g, (_match, name: string) =>
        name === 'stream' ? 'partnership-anything' : 'anything',
      );
      const response =
        route.method === 'get'
          ? await api.get(path, nobody)
          : route.method === 'put'
            ? await api.put(path, {}, nobody)
            : await api.post(path, {}, nobody);
      if (response.status !== 403) answers.push(`${key(route)} answered ${response.status}`);
    }
    expect(answers).toEqual([]);
    expect(await api.logSize()).toBe(before);
  });
});
