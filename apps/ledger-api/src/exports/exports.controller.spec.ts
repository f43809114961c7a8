import { Readable } from 'node:stream';
import type { INestApplication } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import type { App } from 'supertest/types';
import { PRINCIPAL, type RequestWithPrincipal } from '../principal/request-principal';
import { ExportsController } from './exports.controller';
import type { ExportFile } from '@cohesion/application';

/** The controller alone, over a query bus that answers this file. */
async function serving(chunks: () => Generator<string>): Promise<INestApplication<App>> {
  const file = (): ExportFile => ({
    filename: 'commitments-2026-01-01.csv',
    contentType: 'text/csv; charset=utf-8; header=present',
    stream: Readable.from(chunks(), { objectMode: false }),
  });
  const moduleRef = await Test.createTestingModule({
    controllers: [ExportsController],
    providers: [{ provide: QueryBus, useValue: { execute: () => Promise.resolve(file()) } }],
  }).compile();
  const app = moduleRef.createNestApplication<INestApplication<App>>({ logger: false });
  // Without the app's guards, the principal authentication would have established.
  app.use((request: RequestWithPrincipal, _response: unknown, next: () => void) => {
    request[PRINCIPAL] = { sub: 'city-admin', roles: ['admin'] };
    next();
  });
  await app.init();
  return app;
}

describe('exports controller', () => {
  it('streams the file with its type and name', async () => {
    const app = await serving(function* () {
      yield 'a,b\r\n';
      yield '1,2\r\n';
    });
    const response = await request(app.getHttpServer()).get('/exports/commitments.csv').expect(200);
    expect(response.text).toBe('a,b\r\n1,2\r\n');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="commitments-2026-01-01.csv"',
    );
    await app.close();
  });

  it('aborts the transfer when reading fails after the first bytes: no truncated file ends well', async () => {
    const app = await serving(function* () {
      yield 'a,b\r\n';
      throw new Error('the read model went away');
    });
    const failure = await request(app.getHttpServer())
      .get('/exports/commitments.csv')
      .then(
        () => undefined,
        (error: Error) => error,
      );
    expect(failure?.message).toMatch(/aborted|socket hang up|ECONNRESET/);
    await app.close();
  });

  it('answers a 500 problem when reading fails before the first byte', async () => {
    const app = await serving(function* () {
      yield* []; // nothing before the failure
      throw new Error('the read model went away');
    });
    const response = await request(app.getHttpServer()).get('/exports/commitments.csv');
    expect(response.status).toBe(500);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.headers['content-disposition']).toBeUndefined();
    expect(response.body).toMatchObject({ status: 500, title: 'Internal error' });
    await app.close();
  });
});
