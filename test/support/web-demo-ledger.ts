import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import {
  type ChildLedger,
  type CompiledLedger,
  compileLedgerApi,
  startChildLedger,
} from './child-ledger';
import { ledgerCli } from './ledger-cli';
import { launchChromium } from './web-browser';
import { acceptThroughApi, inviteWithCli } from './web-sign-in';

export const WEB_APP = join(__dirname, '..', '..', 'apps', 'ledger-web');

/** The demo ledger's administrator, brought in as on any fresh ledger (see demoLedgerInBrowser). */
export const CAMILLE = {
  id: 'camille-admin',
  name: 'Camille Admin',
  email: 'camille@montclair.example',
  role: 'admin',
};

export interface DemoLedgerInBrowser {
  readonly compiled: CompiledLedger;
  readonly dataDir: string;
  readonly ledger: ChildLedger;
  readonly browser: Browser;
  close(): Promise<void>;
}

/**
 * The demo ledger served by the compiled API as a child process (with `settings`), its first
 * administrator invited through the CLI's link and signed up, and Debian's Chromium to look at it.
 */
export function demoLedgerInBrowser(
  prefix: string,
  settings: Record<string, string> = {},
): Promise<DemoLedgerInBrowser> {
  return ledgerInBrowser(prefix, settings, async (dataDir) => {
    const demo = await ledgerCli(['demo'], { LEDGER_DATA_DIR: dataDir });
    if (demo.code !== 0) throw new Error(`ledger demo failed: ${demo.stderr}`);
  });
}

/**
 * A fresh ledger (nothing recorded but its first administrator, Camille, invited through the CLI
 * and signed up), served as the demo one is: where the journeys start from nothing.
 */
export function freshLedgerInBrowser(
  prefix: string,
  settings: Record<string, string> = {},
): Promise<DemoLedgerInBrowser> {
  return ledgerInBrowser(prefix, settings, () => Promise.resolve());
}

async function ledgerInBrowser(
  prefix: string,
  settings: Record<string, string>,
  prepare: (dataDir: string) => Promise<void>,
): Promise<DemoLedgerInBrowser> {
  if (!existsSync(join(WEB_APP, 'dist', 'index.html'))) {
    throw new Error('the web app is not built: run npm run build:web (npm test does)');
  }
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  const [compiled] = await Promise.all([compileLedgerApi(), prepare(dataDir)]);
  const ledger = await startChildLedger(compiled, dataDir, settings);
  await acceptThroughApi(ledger, await inviteWithCli(ledger, dataDir, CAMILLE));
  const browser = await launchChromium();
  return {
    compiled,
    dataDir,
    ledger,
    browser,
    async close() {
      await browser.close();
      await ledger.kill('SIGTERM');
      compiled.remove();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
