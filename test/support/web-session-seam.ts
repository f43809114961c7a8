import type { BrowserContext } from 'playwright-core';
import type { ChildLedger } from './child-ledger';
import type { Principal } from './ledger-client';

/**
 * Until the ledger's own sign-in exists (`/auth/*`, session cookie), a browser test stands in for
 * it inside its own browser context only: `GET /auth/session` answers the person, and every API
 * request carries a bearer token for them, as the session cookie will. The app's code is the
 * production code, unchanged: nothing here exists outside the test's browser.
 */
export async function signInThroughSeam(
  context: BrowserContext,
  ledger: ChildLedger,
  principal: Principal,
  displayName: string,
): Promise<void> {
  const origin = new URL(ledger.baseUrl).origin;
  const session = {
    person: {
      personId: principal.sub,
      displayName,
      ...(principal.partnerId ? { partnerId: principal.partnerId } : {}),
      roles: principal.roles ?? [],
    },
    csrfToken: 'seam-csrf-token',
  };
  await context.route(
    (url) => url.origin === origin && !url.pathname.startsWith('/app'),
    async (route) => {
      if (new URL(route.request().url()).pathname === '/auth/session') {
        await route.fulfill({ status: 200, contentType: 'application/json', json: session });
        return;
      }
      await route.continue({
        headers: {
          ...route.request().headers(),
          authorization: `Bearer ${ledger.bearer(principal)}`,
        },
      });
    },
  );
}
