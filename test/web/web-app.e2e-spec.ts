import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  type ChildLedger,
  type CompiledLedger,
  compileLedgerApi,
  startChildLedger,
} from '../support/child-ledger';
import { ledgerCli } from '../support/ledger-cli';
import { admin } from '../support/ledger-client';
import {
  type BrowserLocale,
  type InPage,
  type WatchedPage,
  accessibilityViolations,
  launchChromium,
  openWatchedPage,
  screenshot,
} from '../support/web-browser';
import { signInThroughSeam } from '../support/web-session-seam';

const WEB_APP = join(__dirname, '..', '..', 'apps', 'ledger-web');
const CATALOGUE_KEYS = Object.keys(
  JSON.parse(readFileSync(join(WEB_APP, 'src', 'i18n', 'en.json'), 'utf8')) as object,
);
const LANGUAGES: ReadonlyArray<{ locale: BrowserLocale; lang: 'fr' | 'en'; appName: string }> = [
  { locale: 'fr-FR', lang: 'fr', appName: 'Registre de cohésion' },
  { locale: 'en-GB', lang: 'en', appName: 'Cohesion Ledger' },
];

/** Minutes, not seconds: Chromium and the ledger share two cores with whatever else runs. */
jest.setTimeout(300_000);

/**
 * The web app in a real browser (Debian's Chromium through playwright-core), served by the real
 * API as a child process, on the demo ledger: every page in French and in English, with axe-core
 * finding no WCAG 2.1 AA violation, no CSP violation and no untranslated text, and a screenshot
 * of each in test-artefacts/web.
 */
describe('web app in a browser', () => {
  let compiled: CompiledLedger;
  let dataDir: string;
  let ledger: ChildLedger;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(join(WEB_APP, 'dist', 'index.html'))) {
      throw new Error('the web app is not built: run npm run build:web (npm test does)');
    }
    dataDir = mkdtempSync(join(tmpdir(), 'ledger-web-'));
    const [build, demo] = await Promise.all([
      compileLedgerApi(),
      ledgerCli(['demo'], { LEDGER_DATA_DIR: dataDir }),
    ]);
    compiled = build;
    if (demo.code !== 0) throw new Error(`ledger demo failed: ${demo.stderr}`);
    ledger = await startChildLedger(compiled, dataDir);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await ledger?.kill('SIGTERM');
    compiled?.remove();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  async function expectCleanPage(watched: WatchedPage, lang: string, name: string) {
    const { page, trouble } = watched;
    await settled(page);
    expect(await page.locator('html').getAttribute('lang')).toBe(lang);
    const text = await page.locator('body').innerText();
    expect(CATALOGUE_KEYS.filter((key) => text.includes(key))).toEqual([]);
    // No token or session in the browser's storage: only the chosen language may be kept there.
    const stored = await page.evaluate(
      '[...Object.keys(localStorage), ...Object.keys(sessionStorage)]',
    );
    expect((stored as string[]).filter((key) => key !== 'cohesion-ledger.locale')).toEqual([]);
    await screenshot(page, name);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(trouble.cspViolations).toEqual([]);
    expect(trouble.errors).toEqual([]);
  }

  describe.each(LANGUAGES)('signed out, browser in $locale', ({ locale, lang, appName }) => {
    it('opens the sign-in page from the root address, in the browser’s language', async () => {
      const watched = await openWatchedPage(browser, locale);
      try {
        const { page } = watched;
        await page.goto(`${ledger.baseUrl}/`);
        await page.waitForURL(/\/app\/sign-in\?next=%2F$/);
        await page.getByLabel(lang === 'fr' ? 'Adresse électronique' : 'E-mail address').waitFor();
        expect(await page.title()).toMatch(new RegExp(`— ${appName}$`));
        await expectCleanPage(watched, lang, `sign-in-${lang}`);
      } finally {
        await watched.context.close();
      }
    });
  });

  it('serves index.html uncached and hashed assets for a year, and keeps API paths for the API', async () => {
    const page = await fetch(`${ledger.baseUrl}/app/partnerships/anything`);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    const script = /src="(\/app\/assets\/[^"]+\.js)"/.exec(await page.text())?.[1];
    const asset = await fetch(`${ledger.baseUrl}${script ?? 'missing'}`);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const missing = await fetch(`${ledger.baseUrl}/app/assets/no-such-file.js`);
    expect(missing.status).toBe(404);
    expect((await fetch(`${ledger.baseUrl}/partnerships`)).status).toBe(401);
  });

  it('switches language on request, and keeps the choice', async () => {
    const watched = await openWatchedPage(browser, 'fr-FR');
    try {
      const { page } = watched;
      await page.goto(`${ledger.baseUrl}/app/sign-in`);
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
    } finally {
      await watched.context.close();
    }
  });

  it('enforces the CSP in the browser, and the watcher sees a violation (so it can fail)', async () => {
    const watched = await openWatchedPage(browser, 'en-GB');
    try {
      const { page, trouble } = watched;
      await page.goto(`${ledger.baseUrl}/app/sign-in`);
      await settled(page);
      // An inline <style>, as a library that injects styles would add: refused by style-src.
      const directive = await page.evaluate(`new Promise((resolve) => {
        document.addEventListener('securitypolicyviolation', (event) => resolve(event.violatedDirective), { once: true });
        const style = document.createElement('style');
        style.textContent = 'body { color: red }';
        document.head.appendChild(style);
      })`);
      expect(directive).toBe('style-src-elem');
      await page.evaluate('0');
      expect(trouble.cspViolations).toEqual(
        expect.arrayContaining([expect.stringContaining('style-src-elem blocked inline')]),
      );
    } finally {
      await watched.context.close();
    }
  });

  it('has axe-core find a fault when there is one (so the page checks can fail)', async () => {
    const watched = await openWatchedPage(browser, 'en-GB');
    try {
      const { page } = watched;
      await page.goto(`${ledger.baseUrl}/app/sign-in`);
      await settled(page);
      await page.evaluate(
        `document.querySelector('main').appendChild(document.createElement('input'))`,
      );
      expect(await accessibilityViolations(page)).toEqual([expect.stringMatching(/^label /)]);
    } finally {
      await watched.context.close();
    }
  });

  it('makes the skip link the first stop of the keyboard, leading to the content', async () => {
    const watched = await openWatchedPage(browser, 'en-GB');
    try {
      const { page } = watched;
      await page.goto(`${ledger.baseUrl}/app/sign-in`);
      await settled(page);
      await page.keyboard.press('Tab');
      expect(
        await page.evaluate(
          () => (globalThis as unknown as InPage).document.activeElement?.textContent,
        ),
      ).toBe('Skip to content');
      await page.keyboard.press('Enter');
      expect(
        await page.evaluate(() => (globalThis as unknown as InPage).document.activeElement?.id),
      ).toBe('main');
    } finally {
      await watched.context.close();
    }
  });

  describe('read pages, signed in as an admin through the test seam', () => {
    const PAGES = [
      ['todo', '/app/'],
      ['partnership-overview', '/app/partnerships/avenir-jeunes'],
      ['accountability', '/app/partnerships/avenir-jeunes/accountability?asOf=2026-11-01'],
      [
        'contributions',
        '/app/partnerships/avenir-jeunes/contributions?policyId=montclair-valorisation',
      ],
      ['agreements', '/app/partnerships/avenir-jeunes/agreements'],
      ['agreement', '/app/agreements/salle-tilleuls'],
      ['conflicts', '/app/partnerships/avenir-jeunes/conflicts'],
      ['conflict-replay', '/app/conflicts/salle-tilleuls-fermee'],
      ['impact', '/app/partnerships/avenir-jeunes/impact'],
      ['verification', '/app/verification'],
    ] as const;

    describe.each(LANGUAGES)('in $locale', ({ locale, lang }) => {
      it.each(PAGES)(
        'shows %s with no accessibility, CSP or translation fault',
        async (name, path) => {
          const watched = await openWatchedPage(browser, locale);
          try {
            await signInThroughSeam(watched.context, ledger, admin, 'Camille Admin');
            await watched.page.goto(`${ledger.baseUrl}${path}`);
            await watched.page.locator('h1').waitFor();
            await expectCleanPage(watched, lang, `${name}-${lang}`);
          } finally {
            await watched.context.close();
          }
        },
      );
    });

    it('replays a conflict step by step with the keyboard', async () => {
      const watched = await openWatchedPage(browser, 'en-GB');
      try {
        const { page } = watched;
        await signInThroughSeam(watched.context, ledger, admin, 'Camille Admin');
        await page.goto(`${ledger.baseUrl}/app/conflicts/salle-tilleuls-fermee`);
        const slider = page.getByRole('slider', { name: 'Step of the case' });
        await slider.focus();
        await page.keyboard.press('Home');
        await page.getByText('Step 1 of 16: Conflict raised').first().waitFor();
        expect(await page.locator('.replay-state dd').first().innerText()).toBe('Raised');
        await page.keyboard.press('ArrowRight');
        await page.getByText('Step 2 of 16: Conflict acknowledged').first().waitFor();
        await page.keyboard.press('End');
        expect(await page.locator('.replay-state dd').first().innerText()).toBe('Resolved');
      } finally {
        await watched.context.close();
      }
    });

    it('checks in the browser that today’s log extends a head saved earlier, and refuses a forged one', async () => {
      const watched = await openWatchedPage(browser, 'en-GB');
      const folder = mkdtempSync(join(tmpdir(), 'ledger-web-head-'));
      try {
        const { page } = watched;
        await signInThroughSeam(watched.context, ledger, admin, 'Camille Admin');
        await page.goto(`${ledger.baseUrl}/app/verification`);
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('link', { name: 'Download this signed head' }).click(),
        ]);
        const saved = join(folder, 'head.json');
        await download.saveAs(saved);
        const head = JSON.parse(readFileSync(saved, 'utf8')) as {
          treeSize: number;
          rootHash: string;
        };
        expect(head.treeSize).toBeGreaterThan(0);

        const upload = page.getByLabel('Signed head file (JSON)');
        await upload.setInputFiles(saved);
        await page.getByText(/^Verified: today’s log/).waitFor();

        const forged = join(folder, 'forged.json');
        writeFileSync(
          forged,
          JSON.stringify({ ...head, rootHash: Buffer.alloc(32, 7).toString('base64') }),
        );
        await upload.setInputFiles(forged);
        await page.getByText('Warning: the signature does not match the ledger’s key.').waitFor();
        expect(watched.trouble.errors).toEqual([]);
      } finally {
        await watched.context.close();
        rmSync(folder, { recursive: true, force: true });
      }
    });
  });
});

/** The page has its data and its charts (no loading line left), and fonts are ready. */
async function settled(page: Page): Promise<void> {
  // Runs in the page, where the cast's globals exist (see InPage).
  await page.waitForFunction(
    () => !(globalThis as unknown as InPage).document.querySelector('.loading, .chart-loading'),
  );
  await page.evaluate(() =>
    (globalThis as unknown as InPage).document.fonts.ready.then(() => undefined),
  );
}
