import type { Browser, Locator, Page } from 'playwright-core';
import type { ChildLedger } from '../support/child-ledger';
import { admin } from '../support/ledger-client';
import { expectCleanPage, openWatchedPage, screenshot } from '../support/web-browser';
import { signInThroughPage } from '../support/web-sign-in';
import { CAMILLE, type DemoLedgerInBrowser, demoLedgerInBrowser } from '../support/web-demo-ledger';

const PARTNERSHIP = 'avenir-jeunes';
const FORM_PATH = `/app/p/${PARTNERSHIP}/feedback`;
/** Short for the test, but long enough that a fast form fill must wait for it. */
const MIN_FILL_SECONDS = 2;

/** Minutes, not seconds: Chromium and the ledger share two cores with whatever else runs. */
jest.setTimeout(300_000);

interface ImpactSummary {
  feedback: { received: number; byChannel?: Record<string, number> };
}

/**
 * Journey 7: a resident gives feedback through a partnership's public form, without an account,
 * and it appears in the partnership's impact summary; an administrator prints the form's QR code.
 * On the demo ledger, through the real API as a child process, in Debian's Chromium.
 */
describe('the public feedback form in a browser (journey 7)', () => {
  let setup: DemoLedgerInBrowser | undefined;
  let ledger: ChildLedger;
  let browser: Browser;

  beforeAll(async () => {
    setup = await demoLedgerInBrowser('ledger-web-feedback-', {
      LEDGER_PUBLIC_FEEDBACK_MIN_FILL_SECONDS: String(MIN_FILL_SECONDS),
    });
    ({ ledger, browser } = setup);
  });

  afterAll(() => setup?.close());

  const received = async () => {
    const answer = await ledger.get(`/partnerships/${PARTNERSHIP}/impact`, admin);
    expect(answer.status).toBe(200);
    return (answer.body as ImpactSummary).feedback.received;
  };

  it('takes a resident’s feedback without an account, and the impact summary counts it', async () => {
    const before = await received();
    const watched = await openWatchedPage(browser, 'en-GB');
    try {
      const { page } = watched;
      await page.goto(`${ledger.baseUrl}${FORM_PATH}`);
      await page.getByRole('heading', { level: 1, name: 'Give your feedback' }).waitFor();
      await expectCleanPage(watched, 'en', 'public-feedback-en');

      // By keyboard: the text, a rating, consent and an e-mail address; the trap is never reached.
      await page
        .getByLabel('Your feedback')
        .fill('The homework club is great; more evenings, please.');
      await page.getByRole('radio', { name: '4' }).check();
      await page.getByLabel('I agree to be contacted about my feedback').check();
      await page.getByLabel('E-mail address').fill('parent@example.org');
      expect(await page.getByLabel('Leave this field empty').getAttribute('tabindex')).toBe('-1');
      await page.getByRole('button', { name: 'Send my feedback' }).press('Enter');

      // Sent within the minimum fill time, the form waits for it rather than being refused.
      const thanks = page.getByRole('status').filter({ hasText: 'Thank you' });
      await thanks.waitFor({ timeout: 60_000 });
      await expectCleanPage(watched, 'en', 'public-feedback-thanks-en');
    } finally {
      await watched.context.close();
    }
    expect(await received()).toBe(before + 1);
  });

  it('shows the form in French, with the errors next to their field', async () => {
    const watched = await openWatchedPage(browser, 'fr-FR');
    try {
      const { page } = watched;
      await page.goto(`${ledger.baseUrl}${FORM_PATH}`);
      await page.getByRole('heading', { level: 1, name: 'Donnez votre avis' }).waitFor();
      await expectCleanPage(watched, 'fr', 'public-feedback-fr');
      // An empty text is said in French, next to the field, before anything is sent.
      const send = page.getByRole('button', { name: 'Envoyer mon avis' });
      await send.click();
      const text = page.getByLabel('Votre avis');
      await page.getByText('Écrivez votre avis avant de l’envoyer.').waitFor();
      expect(await text.getAttribute('aria-invalid')).toBe('true');
      expect(await describedText(page, text)).toContain('Écrivez votre avis avant de l’envoyer.');
      // What the ledger refuses lands on its field too: a malformed e-mail address.
      await text.fill('Le club de devoirs est super.');
      await page.getByLabel('J’accepte d’être recontacté·e au sujet de mon avis').check();
      const email = page.getByLabel('Adresse e-mail');
      await email.fill('pas une adresse');
      await send.click();
      await page.locator('input[aria-invalid="true"]').waitFor({ timeout: 60_000 });
      expect(await describedText(page, email)).toMatch(/contact\.email must be an email/);
      await expectCleanPage(watched, 'fr', 'public-feedback-errors-fr', /status of 400/);
    } finally {
      await watched.context.close();
    }
  });

  it('gives an administrator the form’s link and a printable QR code', async () => {
    for (const { locale, lang, title } of [
      { locale: 'en-GB', lang: 'en', title: 'Public feedback form' },
      { locale: 'fr-FR', lang: 'fr', title: 'Formulaire d’avis public' },
    ] as const) {
      const watched = await openWatchedPage(browser, locale);
      try {
        const { page } = watched;
        await signInThroughPage(page, ledger, CAMILLE.email);
        await page.goto(`${ledger.publicOrigin}/app/partnerships/${PARTNERSHIP}`);
        await page
          .getByRole('link', { name: lang === 'en' ? 'Public feedback' : 'Avis du public' })
          .click();
        await page.getByRole('heading', { level: 1, name: title }).waitFor();
        const qr = page.locator('img.qr-code');
        await qr.waitFor();
        expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
        expect(
          await qr.evaluate((image) => (image as unknown as { naturalWidth: number }).naturalWidth),
        ).toBeGreaterThan(0);
        const link = page.locator('.qr-link a');
        expect(await link.getAttribute('href')).toBe(`${ledger.publicOrigin}${FORM_PATH}`);
        await expectCleanPage(watched, lang, `public-feedback-qr-${lang}`);
        if (lang === 'en') {
          // Printed, only the poster is left: the heading, the code and the address.
          await page.emulateMedia({ media: 'print' });
          expect(await page.locator('.site-header').isVisible()).toBe(false);
          expect(await page.getByRole('button', { name: 'Print the QR code' }).isVisible()).toBe(
            false,
          );
          expect(await qr.isVisible()).toBe(true);
          await screenshot(page, 'public-feedback-qr-print-en');
          const pdf = await page.pdf({ format: 'A4' });
          expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
        }
      } finally {
        await watched.context.close();
      }
    }
  });
});

/** What assistive technology reads with a field: the texts its aria-describedby names. */
async function describedText(page: Page, field: Locator): Promise<string> {
  const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).innerText()));
  return texts.join('\n');
}
