import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { LINK_PAGES, WEB_APP_ASSETS, WEB_APP_BASE, WEB_APP_PATH } from './web-app-paths';

/** A year: asset names carry their content hash, so a changed file is a new URL. */
const IMMUTABLE_ASSET_MAX_AGE_MS = 365 * 24 * 3600 * 1000;

/**
 * Serves the built web app (apps/ledger-web, `npm run build:web`) from `directory`, same origin as
 * the API: hashed assets with a long cache, other files (the icon) briefly cached, and index.html,
 * never cached, for `/app` and every page path under it. `/` redirects to `/app/`, and
 * the links given to people (`/invitation`, `/password-reset`) to their pages. Without a
 * build, nothing is served and the API runs as before.
 */
export function serveWebApp(app: NestExpressApplication, directory: string): void {
  const root = resolve(directory);
  const indexFile = join(root, 'index.html');
  if (!existsSync(indexFile)) {
    new Logger('WebApp').warn(
      `No web app at ${root} (run npm run build:web); the API runs without it`,
    );
    return;
  }
  const index = readFileSync(indexFile);
  app.useStaticAssets(join(root, 'assets'), {
    prefix: `${WEB_APP_ASSETS}/`,
    index: false,
    maxAge: IMMUTABLE_ASSET_MAX_AGE_MS,
    immutable: true,
  });
  app.useStaticAssets(root, { prefix: `${WEB_APP_BASE}/`, index: false, maxAge: 3600 * 1000 });
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    if (request.path === '/') return response.redirect(302, `${WEB_APP_BASE}/`);
    if (LINK_PAGES.has(request.path)) {
      return response.redirect(302, `${WEB_APP_BASE}${request.path}`);
    }
    // A missing asset is a 404 like any unknown path, never the page (a script that is HTML).
    if (!WEB_APP_PATH.test(request.path) || request.path.startsWith(`${WEB_APP_ASSETS}/`)) {
      return next();
    }
    response
      .status(200)
      .set({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
      .send(index);
  });
}
