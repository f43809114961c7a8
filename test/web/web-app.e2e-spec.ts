import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { type ChildLedger, type CompiledLedger, startChildLedger } from '../support/child-ledger';
import {
  type BrowserLocale,
  type InPage,
  accessibilityViolations,
  expectCleanPage,
  openWatchedPage,
  settled,
} from '../support/web-browser';
import { admin } from '../support/ledger-client';
import {
  WEB_PASSWORD,
  acceptThroughApi,
  inviteWithCli,
  signInThroughPage,
} from '../support/web-sign-in';
import { CAMILLE, type DemoLedgerInBrowser, demoLedgerInBrowser } from '../support/web-demo-ledger';

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
  let setup: DemoLedgerInBrowser | undefined;
  let compiled: CompiledLedger;
  let ledger: ChildLedger;
  let browser: Browser;

  beforeAll(async () => {
    setup = await demoLedgerInBrowser('ledger-web-');
    ({ compiled, ledger, browser } = setup);
  });

  afterAll(() => setup?.close());

  describe.each(LANGUAGES)('signed out, browser in $locale', ({ locale, lang, appName }) => {
    it('opens the sign-in page from the root address, in the browser’s language', async () => {
      const watched = await openWatchedPage(browser, locale);
      try {
        const { page } = watched;
        await page.goto(`${ledger.publicOrigin}/`);
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
      await page.goto(`${ledger.publicOrigin}/app/sign-in`);
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
      await page.goto(`${ledger.publicOrigin}/app/sign-in`);
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
      await page.goto(`${ledger.publicOrigin}/app/sign-in`);
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
      await page.goto(`${ledger.publicOrigin}/app/sign-in`);
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

  describe('pages, signed in as an admin through the sign-in page', () => {
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
      ['account', '/app/account'],
      ['people', '/app/admin/people'],
      ['personal-data', '/app/admin/personal-data'],
    ] as const;

    describe.each(LANGUAGES)('in $locale', ({ locale, lang }) => {
      it.each(PAGES)(
        'shows %s with no accessibility, CSP or translation fault',
        async (name, path) => {
          const watched = await openWatchedPage(browser, locale);
          try {
            await signInThroughPage(watched.page, ledger, CAMILLE.email);
            await watched.page.goto(`${ledger.publicOrigin}${path}`);
            await watched.page.locator('h1').waitFor();
            await expectCleanPage(watched, lang, `${name}-${lang}`);
          } finally {
            await watched.context.close();
          }
        },
      );
    });

    it('shows when each commitment was made and delivered, and that the demo entered it later', async () => {
      const watched = await openWatchedPage(browser, 'en-GB');
      try {
        const { page } = watched;
        await signInThroughPage(page, ledger, CAMILLE.email);
        await page.goto(`${ledger.publicOrigin}/app/partnerships/avenir-jeunes/accountability`);
        const mentoring = page.getByRole('row', { name: /120 hours of mentoring/ });
        await mentoring.waitFor();
        const cells = await mentoring.locator('td').allInnerTexts();
        expect(cells).toEqual(
          expect.arrayContaining([
            '15 Sept 2025, entered later',
            'Fulfilled, on time (delivered 26 Jun 2026)',
          ]),
        );
      } finally {
        await watched.context.close();
      }
    });

    it('replays a conflict step by step with the keyboard', async () => {
      const watched = await openWatchedPage(browser, 'en-GB');
      try {
        const { page } = watched;
        await signInThroughPage(page, ledger, CAMILLE.email);
        await page.goto(`${ledger.publicOrigin}/app/conflicts/salle-tilleuls-fermee`);
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

    it('journey 6: an auditor saves a head, more is recorded, and the page proves today’s log extends it; a forged head is refused', async () => {
      const auditor = { email: 'ines@cour-des-comptes.example', name: 'Inès Auditrice' };
      const invited = await ledger.post(
        '/people',
        { displayName: auditor.name, email: auditor.email, roles: ['auditor'] },
        admin,
        randomUUID(),
      );
      expect(invited.status).toBe(201);
      await acceptThroughApi(
        ledger,
        (invited.body as { invitation: { url: string } }).invitation.url,
      );
      const watched = await openWatchedPage(browser, 'en-GB');
      const folder = mkdtempSync(join(tmpdir(), 'ledger-web-head-'));
      try {
        const { page } = watched;
        await signInThroughPage(page, ledger, auditor.email);
        await page.goto(`${ledger.publicOrigin}/app/verification`);
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

        // More is recorded after the auditor saved the head (by someone else, through the API).
        const objective = await ledger.post(
          '/partnerships/avenir-jeunes/objectives',
          {
            title: 'Ouvrir le club le samedi',
            description: 'Un deuxième jour de soutien scolaire',
          },
          admin,
          randomUUID(),
        );
        expect(objective.status).toBe(201);
        const treeSize = async () =>
          ((await ledger.get('/verifiable-history/tree-head')).body as { treeSize: number })
            .treeSize;
        // The head is signed as the log grows: wait for one that covers the new event.
        while ((await treeSize()) <= head.treeSize) await new Promise((r) => setTimeout(r, 200));
        await page.reload();

        const upload = page.getByLabel('Signed head file (JSON)');
        await upload.setInputFiles(saved);
        const verdict = page.getByText(/^Verified: today’s log/);
        await verdict.waitFor();
        const [, now, then] =
          /\((\d+) events\).*\((\d+) events\)/.exec(await verdict.innerText()) ?? [];
        expect(Number(then)).toBe(head.treeSize);
        expect(Number(now)).toBeGreaterThan(head.treeSize);

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

  /**
   * Sign-in journeys on a fresh ledger of their own (no demo): the first administrator comes in
   * through the CLI's link, invites people from the People page, and they come in through theirs.
   */
  describe('journeys on a fresh ledger', () => {
    let freshDir: string;
    let fresh: ChildLedger;
    const ANA = { name: 'Ana Ruiz', email: 'ana@acme.example', partnerId: 'acme' };
    const SAM = { name: 'Sam Diallo', email: 'sam@sos.example', partnerId: 'sos-jeunes' };
    const MO = { name: 'Mo Benali', email: 'mo@mediation.example' };
    const links = new Map<string, string>();

    beforeAll(async () => {
      freshDir = mkdtempSync(join(tmpdir(), 'ledger-web-fresh-'));
      fresh = await startChildLedger(compiled, freshDir);
    });

    afterAll(async () => {
      await fresh?.kill('SIGTERM');
      if (freshDir) rmSync(freshDir, { recursive: true, force: true });
    });

    /** Fills the People page's invitation form, and answers the link it shows to copy. */
    async function inviteOnPeoplePage(
      page: Page,
      person: { name: string; email: string; partnerId?: string },
      role: 'Partner' | 'Mediator',
    ): Promise<string> {
      const form = page.locator('form', { has: page.getByRole('button', { name: 'Invite' }) });
      await form.getByLabel('Name').fill(person.name);
      await form.getByLabel('E-mail address').fill(person.email);
      const partner = form.getByRole('combobox', { name: 'Partner' });
      if (person.partnerId) {
        await partner.locator(`option[value="${person.partnerId}"]`).waitFor({ state: 'attached' });
      }
      await partner.selectOption(person.partnerId ?? '');
      await form.getByRole('checkbox', { name: role, exact: true }).check();
      await form.getByRole('button', { name: 'Invite' }).click();
      const link = page.getByRole('textbox', { name: 'Link to give' });
      await page.getByText(`Link for ${person.name}`).waitFor();
      return link.inputValue();
    }

    it('journey 1: the first admin comes in with the CLI’s link, sets up a partnership and invites two partners and a mediator', async () => {
      const link = await inviteWithCli(fresh, freshDir, {
        id: 'camille',
        name: 'Camille Martin',
        email: 'camille@montclair.example',
        role: 'admin',
      });
      expect(link).toMatch(new RegExp(`^${fresh.publicOrigin}/invitation#token=[\\w-]{43}$`));
      const watched = await openWatchedPage(browser, 'en-GB');
      try {
        const { page } = watched;
        await page.goto(link);
        await page.waitForURL(/\/app\/invitation$/);
        await page
          .getByText('This invitation is for Camille Martin (camille@montclair.example)')
          .waitFor();
        await expectCleanPage(watched, 'en', 'invitation-en');
        // The policy's refusal is shown at the field, in the reader's language.
        await page.getByLabel('New password').fill('password1234');
        await page.getByRole('button', { name: 'Set my password and sign in' }).click();
        await page
          .getByText('This password is among the most common ones: choose another.')
          .waitFor();
        await page.getByLabel('New password').fill(WEB_PASSWORD);
        await page.getByRole('button', { name: 'Set my password and sign in' }).click();
        await page.getByText('Signed in as Camille Martin').waitFor();
        expect(new URL(page.url()).pathname).toMatch(/^\/app\/?$/);

        // The partnership and its partners are this journey's preconditions, set up through the
        // API with a personal token made on the account page (shown once); founding one through
        // the screens is journey-administration's subject.
        await page.getByRole('link', { name: 'Signed in as Camille Martin' }).click();
        await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
        await page.getByLabel('What the new token is for').fill('set-up script');
        await page.getByRole('button', { name: 'Create a token' }).click();
        const token = await page.getByLabel('The new token', { exact: true }).innerText();
        expect(token).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
        await page.getByRole('button', { name: 'Revoke set-up script' }).waitFor();
        await expectCleanPage(watched, 'en', 'account-en');
        const founded = await fetch(`${fresh.baseUrl}/partnerships`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            partnershipId: 'youth',
            name: 'Youth empowerment',
            purpose: 'Reduce school dropout',
            territory: 'Northside',
            neighbourhoods: ['Les Tilleuls'],
          }),
        });
        expect(founded.status).toBe(201);
        for (const partnerId of [ANA.partnerId, SAM.partnerId]) {
          const joined = await fetch(`${fresh.baseUrl}/partnerships/youth/partners`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify({
              partnerId,
              name: partnerId,
              kind: 'association',
              role: 'member',
              responsibilities: ['mentoring'],
            }),
          });
          expect(joined.status).toBe(201);
        }

        await page.getByRole('link', { name: 'People' }).click();
        await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
        links.set(ANA.email, await inviteOnPeoplePage(page, ANA, 'Partner'));
        links.set(SAM.email, await inviteOnPeoplePage(page, SAM, 'Partner'));
        links.set(MO.email, await inviteOnPeoplePage(page, MO, 'Mediator'));
        for (const given of links.values()) {
          expect(given).toMatch(new RegExp(`^${fresh.publicOrigin}/invitation#token=[\\w-]{43}$`));
        }
        await page.getByRole('row', { name: /Mo Benali/ }).waitFor();
        await expectCleanPage(watched, 'en', 'people-en');

        // What the ledger holds: the people, invited by Camille; the log, her acts.
        const people = await fresh.get('/people?limit=50', { sub: 'auditor', roles: ['auditor'] });
        expect(people.body).toMatchObject({
          items: [
            { personId: 'camille', status: 'active', roles: ['admin'], invitedBy: 'ledger-cli' },
            { displayName: ANA.name, status: 'invited', partnerId: 'acme', invitedBy: 'camille' },
            {
              displayName: SAM.name,
              status: 'invited',
              partnerId: 'sos-jeunes',
              invitedBy: 'camille',
            },
            { displayName: MO.name, status: 'invited', roles: ['mediator'], invitedBy: 'camille' },
          ],
        });
        const partnership = await fresh.get('/streams/partnership-youth/events', {
          sub: 'auditor',
          roles: ['auditor'],
        });
        expect(partnership.body).toMatchObject({
          events: [
            { type: 'PartnershipFounded', metadata: { actor: { sub: 'camille' } } },
            { type: 'PartnerJoined', data: { partnerId: ANA.partnerId } },
            { type: 'PartnerJoined', data: { partnerId: SAM.partnerId } },
          ],
        });
      } finally {
        await watched.context.close();
      }
    });

    it('journey 1, continued: a partner accepts in French and sees their own name', async () => {
      const watched = await openWatchedPage(browser, 'fr-FR');
      try {
        const { page } = watched;
        await page.goto(links.get(ANA.email) ?? 'journey 1 gave no link');
        await page
          .getByText('Cette invitation est destinée à Ana Ruiz (ana@acme.example).', {
            exact: false,
          })
          .waitFor();
        await expectCleanPage(watched, 'fr', 'invitation-fr');
        await page.getByLabel('Nouveau mot de passe').fill(WEB_PASSWORD);
        await page
          .getByRole('button', { name: 'Définir mon mot de passe et me connecter' })
          .click();
        await page.getByText('Connecté·e : Ana Ruiz').waitFor();
        // A used link is used up.
        const again = await openWatchedPage(browser, 'fr-FR');
        try {
          await again.page.goto(links.get(ANA.email) ?? '');
          await again.page
            .getByText('Ce lien est inconnu, déjà utilisé ou expiré.', { exact: false })
            .waitFor();
        } finally {
          await again.context.close();
        }
      } finally {
        await watched.context.close();
      }
      const ana = await fresh.get('/people?limit=50', { sub: 'auditor', roles: ['auditor'] });
      expect(ana.body).toMatchObject({
        items: expect.arrayContaining([
          expect.objectContaining({ displayName: ANA.name, status: 'active' }),
        ]) as unknown,
      });
    });

    it('passkey: a partner adds one on the account page, signs out, and signs in with it', async () => {
      const watched = await openWatchedPage(browser, 'en-GB');
      try {
        const { page, context } = watched;
        const cdp = await context.newCDPSession(page);
        await cdp.send('WebAuthn.enable');
        const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
          options: {
            protocol: 'ctap2',
            transport: 'internal',
            hasResidentKey: true,
            hasUserVerification: true,
            isUserVerified: true,
            automaticPresenceSimulation: true,
          },
        });
        await signInThroughPage(page, fresh, ANA.email);
        await page.goto(`${fresh.publicOrigin}/app/account`);
        await page.getByLabel('Name of the new passkey (e.g. work laptop)').fill('test laptop');
        await page.getByRole('button', { name: 'Add a passkey' }).click();
        await page.getByText('Passkey added. You can now sign in with it.').waitFor();
        await page.getByRole('button', { name: 'Remove test laptop' }).waitFor();
        // The browser's authenticator holds it: a discoverable credential for this site.
        const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
        expect(credentials).toEqual([
          expect.objectContaining({ isResidentCredential: true, rpId: 'localhost' }),
        ]);

        await page.getByRole('button', { name: 'Sign out', exact: true }).click();
        await page.waitForURL(/\/app\/sign-in/);
        await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
        await page.getByText('Signed in as Ana Ruiz').waitFor();
        await page.goto(`${fresh.publicOrigin}/app/account`);
        await page.getByText(/^Signed in with a passkey, since/).waitFor();
        await expectCleanPage(watched, 'en', 'account-passkey-en');
      } finally {
        await watched.context.close();
      }
    });

    it('an admin suspends and reinstates a partner, and gives her a password-reset link she uses', async () => {
      const watched = await openWatchedPage(browser, 'en-GB');
      let resetLink = '';
      try {
        const { page } = watched;
        await signInThroughPage(page, fresh, 'camille@montclair.example');
        await page.goto(`${fresh.publicOrigin}/app/admin/people`);
        await page.getByRole('button', { name: 'Manage Ana Ruiz' }).click();
        await page.getByLabel('Reason').fill('Away for the summer');
        await page.getByRole('button', { name: 'Suspend' }).click();
        await page.getByRole('row', { name: /Ana Ruiz.*Suspended/ }).waitFor();
        await page.getByRole('button', { name: 'Reinstate' }).click();
        await page.getByRole('row', { name: /Ana Ruiz.*Active/ }).waitFor();
        await page.getByRole('button', { name: 'Password-reset link' }).click();
        await page.getByText('Link for Ana Ruiz').waitFor();
        resetLink = await page.getByRole('textbox', { name: 'Link to give' }).inputValue();
        expect(resetLink).toMatch(
          new RegExp(`^${fresh.publicOrigin}/password-reset#token=[\\w-]{43}$`),
        );
        await expectCleanPage(watched, 'en', 'people-manage-en');
      } finally {
        await watched.context.close();
      }

      const ana = await openWatchedPage(browser, 'fr-FR');
      try {
        const { page } = ana;
        await page.goto(resetLink);
        await page
          .getByText('Ce lien réinitialise le mot de passe de Ana Ruiz', { exact: false })
          .waitFor();
        await expectCleanPage(ana, 'fr', 'password-reset-fr');
        await page.getByLabel('Nouveau mot de passe').fill('quiet meadow copper kite');
        await page
          .getByRole('button', { name: 'Définir mon nouveau mot de passe et me connecter' })
          .click();
        await page.getByText('Connecté·e : Ana Ruiz').waitFor();
      } finally {
        await ana.context.close();
      }
      const events = await fresh.get('/streams/person-' + (await anaId()) + '/events', {
        sub: 'auditor',
        roles: ['auditor'],
      });
      expect(JSON.stringify(events.body)).toMatch(/PersonSuspended[\s\S]*PersonReinstated/);
    });

    /** Ana's person id (the People page generated it). */
    async function anaId(): Promise<string> {
      const people = await fresh.get('/people?limit=50', { sub: 'auditor', roles: ['auditor'] });
      const items = (people.body as { items: Array<{ personId: string; email: string }> }).items;
      return items.find((person) => person.email === ANA.email)?.personId ?? 'unknown';
    }
  });
});
