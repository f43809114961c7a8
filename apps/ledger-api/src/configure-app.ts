import type { INestApplication } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import type { LedgerConfig } from '@cohesion/application';
import { applyHttpHardening } from './abuse-limits/http-hardening';
import { createOpenApiDocument } from './openapi/openapi-document';
import { serveWebApp } from './web-app/serve-web-app';

/** What main.ts and the e2e tests both apply to the Nest application. */
export function configureApp(app: INestApplication): INestApplication {
  app.enableShutdownHooks();
  // Before the docs are mounted, so that they are served with the same headers and limits.
  applyHttpHardening(app);
  const config = app.get<ConfigService<LedgerConfig, true>>(ConfigService);
  serveWebApp(app as NestExpressApplication, config.get('LEDGER_WEB_DIR', { infer: true }));
  // Built on the first request for the docs, not at every start (it scans every route: ~0.3 s).
  SwaggerModule.setup('docs', app, () => createOpenApiDocument(app), {
    jsonDocumentUrl: 'docs/json',
  });
  return app;
}
