import type { Page } from 'playwright-core';
import type { ChildLedger } from './child-ledger';
import { ledgerCli } from './ledger-cli';

/** Long enough, not common, without the person's name: the ledger's policy accepts it. */
export const WEB_PASSWORD = 'lantern orchard velvet ferry';

export interface Invitee {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly role: string;
}

/**
 * `npx ledger people invite` (the compiled CLI) beside the running API, on its data directory and
 * public origin, as an operator brings in a fresh ledger's first administrator: the printed link.
 */
export async function inviteWithCli(
  ledger: ChildLedger,
  dataDir: string,
  person: Invitee,
): Promise<string> {
  const run = await ledgerCli(
    [
      'people',
      'invite',
      '--role',
      person.role,
      '--name',
      person.name,
      '--email',
      person.email,
      '--id',
      person.id,
    ],
    { LEDGER_DATA_DIR: dataDir, LEDGER_PUBLIC_ORIGIN: ledger.publicOrigin },
  );
  if (run.code !== 0) throw new Error(`ledger people invite failed: ${run.stderr}`);
  const link = run.stdout.trim();
  await untilTheApiKnows(ledger, link);
  return link;
}

/** The link's token, from its `#token=`. */
const tokenOf = (link: string) => new URLSearchParams(new URL(link).hash.slice(1)).get('token');

/**
 * The API reads the CLI's invitation from the shared log once its read models have caught up (a
 * poll away): waits for that, on the condition itself, with a bound only a stuck ledger reaches.
 */
async function untilTheApiKnows(ledger: ChildLedger, link: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const answer = await fetch(`${ledger.baseUrl}/auth/invitation`, {
      headers: { 'x-link-token': tokenOf(link) ?? '' },
    });
    if (answer.ok) return;
    if (Date.now() > deadline) throw new Error(`the API never knew the link: ${answer.status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Accepts an invitation link through the API (as the invitation page does), choosing a password. */
export async function acceptThroughApi(
  ledger: ChildLedger,
  link: string,
  password = WEB_PASSWORD,
): Promise<void> {
  const token = tokenOf(link);
  const response = await fetch(`${ledger.baseUrl}/auth/invitation/acceptance`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ledger.publicOrigin },
    body: JSON.stringify({ token, password }),
  });
  if (!response.ok)
    throw new Error(`invitation refused: ${response.status} ${await response.text()}`);
}

/** Signs in on the sign-in page with an e-mail and a password, and waits to be let in. */
export async function signInThroughPage(
  page: Page,
  ledger: ChildLedger,
  email: string,
  password = WEB_PASSWORD,
): Promise<void> {
  await page.goto(`${ledger.publicOrigin}/app/sign-in`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/app/sign-in'));
}
