import { Controller, Get, type INestApplication } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import type { App } from 'supertest/types';
import { type Principal } from '@cohesion/application';
import { PRINCIPAL, type RequestWithPrincipal } from '../principal/request-principal';
import { Public } from '../principal/public.decorator';
import { Authorize, AuthorizeAnyoneWriting, PublicRoute } from './authorize.decorator';
import { RouteRuleGuard } from './route-rule.guard';

@Controller()
class SampleController {
  @Get('forgotten')
  forgotten() {
    return 'served';
  }

  @Authorize(['admin'])
  @Get('administrators')
  administrators() {
    return 'served';
  }

  @Authorize(['admin', 'auditor'])
  @Get('readers')
  readers() {
    return 'served';
  }

  @AuthorizeAnyoneWriting()
  @Get('anyone')
  anyone() {
    return 'served';
  }

  @PublicRoute()
  @Get('open')
  open() {
    return 'served';
  }

  @Public()
  @Get('public-without-rule')
  publicWithoutRule() {
    return 'served';
  }
}

/** The guard alone, behind a stand-in for authentication that takes the principal from a header. */
async function appWithGuard(): Promise<INestApplication<App>> {
  const moduleRef = await Test.createTestingModule({
    controllers: [SampleController],
    providers: [{ provide: APP_GUARD, useClass: RouteRuleGuard }],
  }).compile();
  const app = moduleRef.createNestApplication<INestApplication<App>>({ logger: false });
  app.use(
    (
      incoming: RequestWithPrincipal & { headers: Record<string, string | undefined> },
      _response: unknown,
      next: () => void,
    ) => {
      const principal = incoming.headers['x-test-principal'];
      if (principal !== undefined) incoming[PRINCIPAL] = JSON.parse(principal) as Principal;
      next();
    },
  );
  await app.init();
  return app;
}

describe('RouteRuleGuard', () => {
  let app: INestApplication<App>;
  const as = (path: string, principal?: Principal) => {
    const call = request(app.getHttpServer()).get(path);
    return principal ? call.set('x-test-principal', JSON.stringify(principal)) : call;
  };
  const admin: Principal = { sub: 'a', roles: ['admin'] };
  const auditor: Principal = { sub: 'b', roles: ['auditor'] };
  const partner: Principal = { sub: 'c', partnerId: 'p', roles: ['partner'] };
  const resident: Principal = { sub: 'd' };

  beforeAll(async () => {
    app = await appWithGuard();
  });
  afterAll(() => app.close());

  it('fails closed: a route without a rule is refused, even to an administrator', async () => {
    await as('/forgotten', admin).expect(403);
  });

  it('lets through a principal holding any one of the roles', async () => {
    await as('/administrators', admin).expect(200);
    await as('/readers', auditor).expect(200);
    await as('/readers', admin).expect(200);
  });

  it('refuses a principal holding none of them, or no role at all', async () => {
    await as('/administrators', partner).expect(403);
    await as('/administrators', auditor).expect(403);
    await as('/readers', resident).expect(403);
  });

  it('lets any authenticated principal call a route open to anyone who writes', async () => {
    await as('/anyone', resident).expect(200);
    await as('/anyone', partner).expect(200);
    await as('/anyone', { ...auditor, roles: ['auditor', 'partner'], partnerId: 'p' }).expect(200);
  });

  it('refuses auditors, who write nothing, on a route open to anyone who writes', async () => {
    await as('/anyone', auditor).expect(403);
  });

  it('answers 401 when no principal was established on a route that needs one', async () => {
    await as('/anyone').expect(401);
    await as('/administrators').expect(401);
  });

  it('serves public routes without a principal', async () => {
    await as('/open').expect(200);
    await as('/public-without-rule').expect(200);
  });
});
