import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';

const REPOSITORY = join(__dirname, '..', '..');
/** PNG screenshots of every page a browser test opens (git-ignored), to look at. */
export const SCREENSHOTS = join(REPOSITORY, 'test-artefacts', 'web');

/**
 * Debian's Chromium, headless (`.ci/run` installs it when missing): playwright-core drives it and
 * never downloads a browser of its own.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export type BrowserLocale = 'fr-FR' | 'en-GB';

/** What went wrong in the page while a test used it: CSP violations, errors, failed messages. */
export interface PageTrouble {
  readonly cspViolations: string[];
  readonly errors: string[];
}

export interface WatchedPage {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly trouble: PageTrouble;
}

/**
 * A fresh browser context (no cookies, no storage) whose languages are `locale`'s (and whose
 * clock is in `timezoneId`, the machine's by default), with every CSP violation, uncaught error
 * and console error recorded. A resource the server refused (a 401, 404 or 422 the page handles
 * and shows) is the page's business, not an error here.
 */
export async function openWatchedPage(
  browser: Browser,
  locale: BrowserLocale,
  timezoneId?: string,
): Promise<WatchedPage> {
  const context = await browser.newContext({
    locale,
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    ...(timezoneId ? { timezoneId } : {}),
  });
  // Waits on conditions, bounded only for a page that is stuck: the machine may be loaded.
  context.setDefaultTimeout(120_000);
  const page = await context.newPage();
  const trouble: PageTrouble = { cspViolations: [], errors: [] };
  await page.exposeFunction('reportCspViolation', (violation: string) =>
    trouble.cspViolations.push(violation),
  );
  await page.addInitScript(() => {
    const browser = globalThis as unknown as InPage;
    browser.document.addEventListener('securitypolicyviolation', (event) => {
      browser.reportCspViolation(
        `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  page.on('pageerror', (error) => trouble.errors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (/Content Security Policy/i.test(text)) trouble.cspViolations.push(text);
    else if (
      !/^Failed to load resource: the server responded with a status of (401|404|422)/.test(text)
    ) {
      trouble.errors.push(`console: ${text}`);
    }
  });
  return { context, page, trouble };
}

/** The day (YYYY-MM-DD) in `timeZone` now. */
const dayIn = (timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, dateStyle: 'short' }).format(new Date());

/**
 * A time zone whose day, now, is not the one in `ledgerZone`: a browser at one end of the world's
 * offsets (UTC-12 or UTC+14), for pages that must read the ledger's calendar, not the browser's.
 */
export function aZoneADayOff(ledgerZone = 'Europe/Paris'): string {
  const zone = ['Etc/GMT+12', 'Etc/GMT-14'].find((z) => dayIn(z) !== dayIn(ledgerZone));
  if (!zone) throw new Error(`no zone a day off ${ledgerZone}`);
  return zone;
}

/** axe-core's WCAG 2.1 A and AA rules on the page as it is now: the violations, readable. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help} — ${violation.nodes
        .slice(0, 5)
        .map((node) => node.target.join(' '))
        .join(', ')}`,
  );
}

/**
 * The few browser globals tests read inside a page: the test code compiles without the DOM
 * library, and `page.evaluate` runs the function in the browser, where they exist.
 */
export interface InPage {
  readonly document: {
    readonly activeElement: { readonly id: string; readonly textContent: string | null } | null;
    readonly fonts: { readonly ready: Promise<unknown> };
    querySelector(selector: string): unknown;
    addEventListener(
      type: 'securitypolicyviolation',
      listener: (event: {
        violatedDirective: string;
        blockedURI: string;
        sourceFile: string;
        lineNumber: number;
      }) => void,
    ): void;
  };
  reportCspViolation(text: string): void;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** The page has its data (no loading line left, no chart still drawing), and fonts are ready. */
export async function settled(page: Page): Promise<void> {
  // Runs in the page, where the cast's globals exist (see InPage).
  await page.waitForFunction(
    () => !(globalThis as unknown as InPage).document.querySelector('.loading, .chart-loading'),
  );
  await page.evaluate(() =>
    (globalThis as unknown as InPage).document.fonts.ready.then(() => undefined),
  );
}

const CATALOGUE_KEYS = Object.keys(
  JSON.parse(
    readFileSync(join(REPOSITORY, 'apps', 'ledger-web', 'src', 'i18n', 'en.json'), 'utf8'),
  ) as object,
);

/**
 * What every page a test shows must be: in `lang`, no catalogue key left untranslated, nothing
 * in the browser's storage but the chosen language, no WCAG
 * 2.1 AA violation that axe-core finds, no CSP violation, no error (but those `expected` names,
 * which the test caused on purpose); and a screenshot named `name` to look at.
 */
export async function expectCleanPage(
  watched: WatchedPage,
  lang: string,
  name: string,
  expected?: RegExp,
): Promise<void> {
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
  expect(trouble.errors.filter((error) => !expected?.test(error))).toEqual([]);
}
