import type { INestApplication } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { RequestHandler } from 'express';
import helmet from 'helmet';
import type { LedgerConfig } from '@cohesion/application';
import { WEB_APP_CSP_DIRECTIVES, WEB_APP_PATH } from '../web-app/web-app-paths';

/** Where SwaggerModule serves the API docs (see configureApp). */
const DOCS_PATH = /^\/docs(\/|$)/;

/**
 * What protects the HTTP server before any route runs: body size limits, security headers and
 * CORS. Applied by `configureApp`, so that the server and the e2e tests get the same; it must run
 * before the API docs are mounted, so that they are served with the same headers.
 */
export function applyHttpHardening(app: INestApplication): void {
  const config = app.get<ConfigService<LedgerConfig, true>>(ConfigService);
  trustProxies(app as NestExpressApplication, config.get('LEDGER_TRUST_PROXY', { infer: true }));
  limitBodies(app as NestExpressApplication, config.get('LEDGER_BODY_LIMIT_KB', { infer: true }));
  app.use(securityHeaders());
  app.use(noStore());
  const origins = corsOrigins(config.get('LEDGER_CORS_ORIGINS', { infer: true }));
  // CORS stays closed (no Access-Control-* header at all) unless origins are configured.
  if (origins.length > 0) {
    app.enableCors({
      origin: origins,
      methods: ['GET', 'POST', 'PUT'],
      exposedHeaders: ['Retry-After', 'X-Read-Model-Position', 'Location'],
      maxAge: 600,
    });
  }
}

/**
 * Behind a reverse proxy every request comes from the proxy: trusting it (and only it) for
 * X-Forwarded-For gives each client its own rate-limit budget again (`request.ip`).
 */
function trustProxies(app: NestExpressApplication, setting: string | undefined): void {
  if (setting === undefined) return;
  app.set(
    'trust proxy',
    /^\d+$/.test(setting) ? Number(setting) : setting.split(',').map((proxy) => proxy.trim()),
  );
}

/**
 * Registered before Nest's default parsers, which then leave JSON and urlencoded alone (Nest
 * skips a parser already in place): a larger body is a 413 problem before any route runs.
 */
function limitBodies(app: NestExpressApplication, limitKb: number): void {
  const limit = limitKb * 1024;
  app.useBodyParser('json', { limit });
  app.useBodyParser('urlencoded', { limit, extended: true });
}

/**
 * helmet's headers everywhere. The API answers only JSON, so its pages may load nothing at all;
 * the docs page (Swagger UI) loads its own scripts, styles and data: images, so it gets helmet's
 * default policy instead, without upgrade-insecure-requests, which would break it wherever the
 * ledger is reached over plain HTTP (TLS is usually a proxy's job). The web app (under /app, and
 * `/`, which redirects there) loads its own scripts, styles and data, and nothing inline.
 */
function securityHeaders(): RequestHandler {
  const forApi = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    },
  });
  const forDocs = helmet({
    contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } },
  });
  const forWebApp = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: WEB_APP_CSP_DIRECTIVES },
  });
  return (request, response, next) => {
    const { path } = request;
    if (DOCS_PATH.test(path)) return forDocs(request, response, next);
    if (path === '/' || WEB_APP_PATH.test(path)) return forWebApp(request, response, next);
    return forApi(request, response, next);
  };
}

/**
 * The API's answers are for their caller only (a conflict case, a partner's report): no cache,
 * shared or private, keeps them. The static files of the docs page and of the web app say how
 * long they may be cached themselves (serve-static keeps a header already set, so it is not set
 * for them here; the web app's index.html says no-store itself).
 */
function noStore(): RequestHandler {
  return (request, response, next) => {
    const { path } = request;
    if (!DOCS_PATH.test(path) && !WEB_APP_PATH.test(path)) {
      response.setHeader('Cache-Control', 'no-store');
    }
    next();
  };
}

export function corsOrigins(setting: string | undefined): string[] {
  return (setting ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
}
