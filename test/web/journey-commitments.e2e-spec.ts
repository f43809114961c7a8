import type { Browser, Page } from 'playwright-core';
import type { ChildLedger } from '../support/child-ledger';
import { admin } from '../support/ledger-client';
import {
  aZoneADayOff,
  expectCleanPage,
  openWatchedPage,
  type WatchedPage,
} from '../support/web-browser';
import { type DemoLedgerInBrowser, freshLedgerInBrowser } from '../support/web-demo-ledger';
import { chooseWithKeys, pressWithKeys, typeInto } from '../support/web-keyboard';
import {
  type JourneyPerson,
  partnershipWithPeople,
  recorded,
  streamEvents,
} from '../support/web-journeys';
import { signInThroughPage } from '../support/web-sign-in';

/** Minutes, not seconds: Chromium and the ledger share two cores with whatever else runs. */
jest.setTimeout(300_000);

const PARTNERSHIP = 'tilleuls-ensemble';
/** Nadia acts for the neighbourhood centre, in French; Louis for the school, in English. */
const NADIA: JourneyPerson = {
  id: 'nadia',
  email: 'nadia@maison-quartier.example',
  name: 'Nadia Benali',
  partnerId: 'maison-quartier',
  role: 'partner',
};
const LOUIS: JourneyPerson = {
  id: 'louis',
  email: 'louis@college-jaures.example',
  name: 'Louis Martin',
  partnerId: 'college',
  role: 'partner',
};
const PARTNERS = { 'maison-quartier': 'Maison de quartier', college: 'Collège Jaurès' };
const WHAT = 'Soutien scolaire du mercredi';
/** A contribution recorded twice by mistake, then reversed. */
const DOUBLE = 'Quatre mercredis (saisis deux fois)';

/**
 * Journeys 2 and 3 of the web app, on a fresh ledger, through the screens only: a partner makes
 * a commitment (with the keyboard alone), the beneficiary accepts it from its To do; the partner
 * records a contribution that delivers part of it, the beneficiary confirms, and the
 * accountability and contributions pages show it, valued. The partnership, its partners, the
 * valuation policy and the two partner people are set up through the API beforehand: they are
 * the administration journey's subject, not these.
 */
describe('journeys: a commitment made, accepted, partly delivered, confirmed and corrected, in a browser', () => {
  let setup: DemoLedgerInBrowser | undefined;
  let ledger: ChildLedger;
  let browser: Browser;
  let nadia: WatchedPage;
  let louis: WatchedPage;

  beforeAll(async () => {
    setup = await freshLedgerInBrowser('ledger-journey-commitments-');
    ({ ledger, browser } = setup);
    await partnershipWithPeople(ledger, [NADIA, LOUIS], PARTNERSHIP, PARTNERS);
    await volunteerTimeValued(ledger);
    // Nadia's browser is a day off the ledger's calendar (Europe/Paris): the pages go by the
    // ledger's today, not hers, whatever the hour the suite runs at.
    nadia = await openWatchedPage(browser, 'fr-FR', aZoneADayOff());
    louis = await openWatchedPage(browser, 'en-GB');
    await signInThroughPage(nadia.page, ledger, NADIA.email);
    await signInThroughPage(louis.page, ledger, LOUIS.email);
  });

  afterAll(async () => {
    await nadia?.context.close();
    await louis?.context.close();
    await setup?.close();
  });

  const commitmentStream = async () => {
    const list = await ledger.get(`/commitments?partnershipId=${PARTNERSHIP}`, admin);
    const [commitment] = (list.body as { items: Array<{ commitmentId: string }> }).items;
    return `commitment-${commitment?.commitmentId ?? 'none'}`;
  };
  const eventsOf = (stream: string) => streamEvents(ledger, stream);

  it('journey 2: Nadia makes a commitment with the keyboard alone; Louis accepts it from his To do', async () => {
    const { page } = nadia;
    await page.goto(`${ledger.publicOrigin}/app/partnerships/${PARTNERSHIP}/accountability`);
    const form = page.getByRole('form', { name: 'Prendre un engagement' });
    await page.getByRole('heading', { name: 'Prendre un engagement' }).waitFor();
    await expectCleanPage(nadia, 'fr', 'journey-commitment-form-fr');
    await typeInto(page, form.getByLabel('Engagement', { exact: true }), WHAT);
    await chooseWithKeys(page, form.getByLabel('Nature'), 'Bénévolat');
    // The same day and month: typed right whether the browser orders dates day or month first.
    await typeInto(page, form.getByLabel('Échéance'), '06062027');
    await typeInto(page, form.getByLabel('Quantité'), '40');
    await typeInto(page, form.getByLabel('Unité'), 'hours');
    await chooseWithKeys(page, form.getByLabel('Pour', { exact: true }), 'Collège Jaurès');
    await pressWithKeys(page, form.getByRole('button', { name: 'Enregistrer l’engagement' }));
    await form.getByRole('status').getByText('Engagement pris.').waitFor();
    await page.getByRole('link', { name: WHAT }).waitFor();

    const { page: louisPage } = louis;
    await louisPage.goto(`${ledger.publicOrigin}/app/`);
    const toAccept = louisPage.getByRole('region', { name: '1 commitment to accept' });
    await toAccept.getByRole('link', { name: WHAT }).waitFor();
    await expectCleanPage(louis, 'en', 'journey-todo-accept-en');
    await toAccept.getByRole('button', { name: 'Accept' }).click();
    await louisPage.getByRole('status').getByText(`Accepted: ${WHAT}.`).waitFor();
    await louisPage.getByRole('region', { name: 'No commitment to accept' }).waitFor();

    const events = await eventsOf(await commitmentStream());
    expect(events.map((event) => event.type)).toEqual(['CommitmentMade', 'CommitmentAccepted']);
    expect(events[0]?.data).toMatchObject({
      what: WHAT,
      kind: 'volunteer_time',
      dueDate: '2027-06-06',
      quantity: 40,
      unit: 'hours',
      partnerId: NADIA.partnerId,
      beneficiary: { kind: 'partner', partnerId: LOUIS.partnerId },
    });
    expect(events[1]?.data).toMatchObject({ acceptedBy: LOUIS.partnerId });
  });

  it('journey 3: Nadia records 15 hours against it; Louis confirms; both pages show them, valued', async () => {
    const { page } = nadia;
    await page.goto(`${ledger.publicOrigin}/app/partnerships/${PARTNERSHIP}/contributions`);
    const form = page.getByRole('form', { name: 'Enregistrer une contribution' });
    await form.getByLabel('Livre l’engagement').locator('option', { hasText: WHAT }).waitFor({
      state: 'attached',
    });
    await form.getByLabel('Nature').selectOption({ label: 'Bénévolat' });
    await form.getByLabel('Quantité').fill('15');
    await form.getByLabel('Unité').fill('hours');
    await form.getByLabel('Ce qui a été apporté').fill('Quatre mercredis de soutien scolaire');
    await form.getByLabel('Livre l’engagement').selectOption({ label: WHAT });
    await form.getByRole('button', { name: 'Enregistrer la contribution' }).click();
    await form.getByRole('status').getByText('Contribution enregistrée.').waitFor();

    const { page: louisPage } = louis;
    await louisPage.goto(`${ledger.publicOrigin}/app/`);
    const toConfirm = louisPage.getByRole('region', { name: '1 delivery to confirm' });
    await toConfirm.getByText('Quatre mercredis de soutien scolaire').waitFor();
    await expectCleanPage(louis, 'en', 'journey-todo-confirm-en');
    await toConfirm.getByRole('button', { name: 'Confirm' }).click();
    await louisPage.getByRole('region', { name: 'No delivery to confirm' }).waitFor();

    await louisPage.goto(`${ledger.publicOrigin}/app/partnerships/${PARTNERSHIP}/accountability`);
    const commitments = louisPage.getByRole('table', { name: 'Commitments of Maison de quartier' });
    await expect(rowText(commitments, WHAT)).resolves.toContain('15 of 40 hours');
    await louisPage.getByRole('link', { name: WHAT }).click();
    await louisPage.getByRole('heading', { level: 1, name: WHAT }).waitFor();
    const claims = louisPage.getByRole('table', { name: 'Deliveries reported' });
    await expect(rowText(claims, 'Quatre mercredis')).resolves.toContain('Confirmed');
    await expectCleanPage(louis, 'en', 'journey-commitment-history-en');

    await louisPage.goto(`${ledger.publicOrigin}/app/partnerships/${PARTNERSHIP}/contributions`);
    // 15 hours at the policy's 20 € an hour.
    const byPartner = louisPage.getByRole('table', { name: /by partner and kind/i });
    await expect(rowText(byPartner, 'Maison de quartier')).resolves.toMatch(/€300\.00|300\.00 €/);
    await louisPage.locator('figure canvas, figure svg').first().waitFor();
    await expectCleanPage(louis, 'en', 'journey-contributions-valued-en');
    const thanks = louisPage.getByRole('form', {
      name: 'Thank the contributor for: Quatre mercredis de soutien scolaire',
    });
    await thanks.getByLabel('A word of thanks (optional)').fill('Merci pour les mercredis !');
    await thanks.getByRole('button', { name: 'Acknowledge' }).click();
    await louisPage
      .getByRole('table', { name: 'Contributions by partner and kind, raw and valued' })
      .waitFor();
    await louisPage
      .getByRole('form', { name: /^Thank the contributor/ })
      .waitFor({ state: 'detached' });

    const commitmentEvents = await eventsOf(await commitmentStream());
    expect(commitmentEvents.map((event) => event.type)).toEqual([
      'CommitmentMade',
      'CommitmentAccepted',
      'FulfilmentClaimed',
      'FulfilmentConfirmed',
    ]);
    expect(commitmentEvents[2]?.data).toMatchObject({ quantity: 15, unit: 'hours' });
    expect(commitmentEvents[3]?.data).toMatchObject({ confirmedBy: LOUIS.partnerId });
    const contributionId = (commitmentEvents[2]?.data as { contributionId: string }).contributionId;
    const contributionEvents = await eventsOf(`contribution-${contributionId}`);
    expect(contributionEvents.map((event) => [event.type, event.data.note])).toEqual([
      ['ContributionRecorded', undefined],
      ['ContributionAcknowledged', 'Merci pour les mercredis !'],
    ]);
  });

  it('corrections: Nadia reverses a contribution recorded twice and changes the terms; Louis closes the commitment as partly delivered', async () => {
    // The mistake itself is set up through the API: recorded twice, by Nadia.
    await recorded(
      ledger,
      '/contributions',
      {
        partnershipId: PARTNERSHIP,
        partnerId: NADIA.partnerId,
        kind: 'volunteer_time',
        quantity: 15,
        unit: 'hours',
        date: '2026-11-04',
        description: DOUBLE,
      },
      { sub: NADIA.id, partnerId: 'maison-quartier', roles: ['partner'] },
    );
    const { page } = nadia;
    await page.goto(`${ledger.publicOrigin}/app/partnerships/${PARTNERSHIP}/contributions`);
    const reverse = page.getByRole('form', { name: `Annuler la contribution : ${DOUBLE}` });
    await reverse.getByLabel('Motif de l’annulation').fill('Saisie en double');
    await reverse.getByRole('button', { name: 'Annuler' }).click();
    const reversed = page.getByRole('table', { name: 'Contributions annulées' });
    await expect(rowText(reversed, 'Saisie en double')).resolves.toContain('15');
    await expectCleanPage(nadia, 'fr', 'journey-contribution-reversed-fr');

    await page.goto(`${ledger.publicOrigin}/app/partnerships/${PARTNERSHIP}/accountability`);
    await page.getByRole('link', { name: WHAT }).click();
    const amend = page.getByRole('form', { name: 'Modifier les termes' });
    await amend.getByLabel('Quantité').fill('30');
    await amend
      .getByLabel('Pourquoi', { exact: true })
      .fill('Vacances scolaires : deux mercredis de moins');
    await amend.getByRole('button', { name: 'Enregistrer les nouveaux termes' }).click();
    await amend.getByRole('status').getByText('Enregistré.').waitFor();

    const { page: louisPage } = louis;
    await louisPage.goto(page.url());
    const end = louisPage.getByRole('form', { name: 'End this commitment' });
    await end.getByLabel('How it ends').selectOption({ label: 'Closed with what was delivered' });
    await end.getByLabel('Reason', { exact: true }).fill('The school year ends');
    await end.getByRole('button', { name: 'End the commitment' }).click();
    await end.waitFor({ state: 'detached' });
    await expectCleanPage(louis, 'en', 'journey-commitment-closed-en');

    const commitmentEvents = await eventsOf(await commitmentStream());
    expect(commitmentEvents.slice(-2)).toEqual([
      expect.objectContaining({
        type: 'CommitmentAmended',
        data: expect.objectContaining({
          quantity: 30,
          amendedBy: NADIA.partnerId,
          reason: 'Vacances scolaires : deux mercredis de moins',
        }) as unknown,
      }),
      expect.objectContaining({
        type: 'CommitmentClosedAsPartial',
        data: expect.objectContaining({ reason: 'The school year ends' }) as unknown,
      }),
    ]);
    const list = await ledger.get(
      `/contributions?partnershipId=${PARTNERSHIP}&status=reversed`,
      admin,
    );
    const [double] = (list.body as { items: Array<{ contributionId: string }> }).items;
    const doubleEvents = await eventsOf(`contribution-${double?.contributionId ?? 'none'}`);
    expect(doubleEvents.map((event) => [event.type, event.data.reason])).toEqual([
      ['ContributionRecorded', undefined],
      ['ContributionReversed', 'Saisie en double'],
    ]);
  });
});

/** The text of the table row that names `name` (its row header, or any cell). */
async function rowText(table: ReturnType<Page['getByRole']>, name: string): Promise<string> {
  const row = table.getByRole('row').filter({ hasText: name }).first();
  await row.waitFor();
  return row.innerText();
}

/** A valuation policy for volunteer time (20 € an hour), the partnership's default. */
async function volunteerTimeValued(ledger: ChildLedger): Promise<void> {
  await recorded(ledger, '/valuation-policies', {
    policyId: 'tilleuls-rates',
    name: 'Barème des Tilleuls',
    currency: 'EUR',
  });
  await recorded(ledger, '/valuation-policies/tilleuls-rates/rates', {
    kind: 'volunteer_time',
    unit: 'hours',
    effectiveFrom: '2026-01-01',
    rate: 20,
    currency: 'EUR',
    source: 'Barème municipal du bénévolat 2026',
  });
  await recorded(ledger, `/partnerships/${PARTNERSHIP}/default-valuation-policy`, {
    policyId: 'tilleuls-rates',
  });
}
