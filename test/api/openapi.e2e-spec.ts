import request from 'supertest';
import type { App } from 'supertest/types';
import { startTestLedger, type TestLedger } from '../support/ledger-app';

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  example?: unknown;
  schema?: {
    type?: string;
    $ref?: string;
    allOf?: unknown[];
    oneOf?: unknown[];
    example?: unknown;
  };
}

interface Operation {
  summary?: string;
  requestBody?: unknown;
  responses: Record<string, unknown>;
  parameters?: Parameter[];
  security?: unknown[];
  'x-access'?: string;
}
type OpenApi = { paths: Record<string, Record<string, Operation>> };

describe('OpenAPI document at /docs', () => {
  let ledger: TestLedger;
  let document: OpenApi;

  beforeAll(async () => {
    ledger = await startTestLedger();
    const response = await request(ledger.app.getHttpServer() as App)
      .get('/docs/json')
      .expect(200);
    document = response.body as OpenApi;
  });
  afterAll(() => ledger.close());

  /** Signing in and out is not a command of the ledger: its routes are documented apart. */
  const commandOperations = () =>
    Object.entries(document.paths)
      // Signing in, and the public feedback form, act for nobody yet: they are not commands.
      .filter(([path]) => !path.startsWith('/auth/') && !path.endsWith('/public-feedback'))
      .flatMap(([path, methods]) =>
        Object.entries(methods)
          .filter(([method]) => method === 'post' || method === 'put')
          .map(([method, operation]) => ({ route: `${method.toUpperCase()} ${path}`, operation })),
      );

  it('serves the interactive documentation', async () => {
    await request(ledger.app.getHttpServer() as App)
      .get('/docs')
      .expect(200)
      .expect('content-type', /html/);
  });

  it('documents a command route for every aggregate', () => {
    const prefixes = commandOperations().map(({ route }) => route.split(' ')[1].split('/')[1]);
    expect(new Set(prefixes)).toEqual(
      new Set([
        'partnerships',
        'commitments',
        'contributions',
        'valuation-policies',
        'agreements',
        'conflicts',
        'indicators',
        'feedback',
        'people',
        'erasures',
      ]),
    );
  });

  it('documents, for every command, a summary, its answer and every problem it can return', () => {
    const undocumented = commandOperations().flatMap(({ route, operation }) => {
      const missing = ['400', '401', '403', '404', '409', '422', '503'].filter(
        (status) => !(status in operation.responses),
      );
      const answers = Object.keys(operation.responses).some((status) => /^20[01]$/.test(status));
      return !operation.summary || missing.length > 0 || !answers ? [route] : [];
    });
    expect(undocumented).toEqual([]);
  });

  it('documents what the public feedback form answers, refusals included', () => {
    const operation = document.paths['/partnerships/{partnershipId}/public-feedback']?.post;
    expect(Object.keys(operation?.responses ?? {}).sort()).toEqual(
      expect.arrayContaining(['202', '400', '404', '422', '429', '503']),
    );
  });

  it('documents the request body of every command that takes one', () => {
    const withoutBody = commandOperations()
      .filter(({ operation }) => operation.requestBody === undefined)
      .map(({ route }) => route);
    // Only commands whose whole input is in the path may go without a body.
    const pathOnly =
      /reactivation|acknowledg|expiry|reinstatement|invitation|password-reset|revocation/;
    expect(withoutBody.filter((route) => !pathOnly.test(route))).toEqual([]);
  });

  const operations = () =>
    Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        route: `${method.toUpperCase()} ${path}`,
        operation,
      })),
    );

  it('types every parameter plainly, so that "Try it out" offers a field and sends it', () => {
    const badlyTyped = operations().flatMap(({ route, operation }) =>
      (operation.parameters ?? [])
        .filter(({ schema }) => !schema?.type || schema.$ref || schema.allOf || schema.oneOf)
        .map(({ name }) => `${route} ${name}: ${JSON.stringify(operation.parameters)}`),
    );
    expect(badlyTyped).toEqual([]);
  });

  it('pre-fills no optional query parameter, so that "Try it out" asks exactly what it is given', () => {
    const prefilled = operations().flatMap(({ route, operation }) =>
      (operation.parameters ?? [])
        .filter((parameter) => parameter.in === 'query' && !parameter.required)
        .filter(({ example, schema }) => example !== undefined || schema?.example !== undefined)
        .map(({ name }) => `${route} ${name}`),
    );
    expect(prefilled).toEqual([]);
  });

  it('shows no padlock on public routes (no security requirement)', () => {
    const locked = operations()
      .filter(({ operation }) => operation['x-access'] === 'public')
      .filter(({ operation }) => operation.security === undefined || operation.security.length > 0)
      .map(({ route }) => route);
    expect(locked).toEqual([]);
  });
});
