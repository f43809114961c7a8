import type { ChildLedger } from '../support/child-ledger';
import { expectCleanPage } from '../support/web-browser';
import { type DemoLedgerInBrowser, freshLedgerInBrowser } from '../support/web-demo-ledger';
import {
  ANA,
  JourneyBrowsers,
  LEO,
  PARTNERS,
  partnershipWithPeople,
  streamEvents,
  submitAndWait,
} from '../support/web-journeys';

/** Minutes, not seconds: Chromium and the ledger share two cores with whatever else runs. */
jest.setTimeout(300_000);

const TERMS_V1 =
  'The city lends the hall on Wednesday afternoons.\n\nThe association runs the homework club.';
const TERMS_V2 =
  'The city lends the hall on Wednesday afternoons, except during school holidays.\n\n' +
  'The association runs the homework club.';

/**
 * Journey 4: an agreement is amended after one signature; the old signature shows as void; all
 * sign. Each partner's person in their own browser (Ana in English, Léo in French), through the
 * forms; the agreement's stream read back through the API.
 */
describe('an agreement amended after one signature, then signed by all (journey 4)', () => {
  let setup: DemoLedgerInBrowser | undefined;
  let ledger: ChildLedger;
  let people: JourneyBrowsers;

  beforeAll(async () => {
    setup = await freshLedgerInBrowser('ledger-web-agreements-');
    ledger = setup.ledger;
    people = new JourneyBrowsers(setup.browser, ledger);
    // Preconditions through the API (journey 1 shows them in the UI): the partnership, its two
    // members, and one person of each, signed up with a password.
    await partnershipWithPeople(ledger, [ANA, LEO]);
  });

  afterAll(async () => {
    await people?.close();
    await setup?.close();
  });

  it('records the proposal, a signature voided by an amendment, a stale signature refused, and all signatures', async () => {
    // Ana proposes the agreement between both partners, and signs it.
    const ana = await people.signedIn(ANA, 'en-GB');
    await people.openSection(ana.page, 'Agreements');
    await ana.page.getByRole('heading', { level: 2, name: 'Propose an agreement' }).waitFor();
    await expectCleanPage(ana, 'en', 'agreement-propose-en');
    await ana.page.getByLabel('Title', { exact: true }).fill('Homework club at the hall');
    expect(await ana.page.getByLabel('Les Tisserands').isChecked()).toBe(true);
    await ana.page.getByLabel('Ville de Montclair').check();
    await ana.page.getByLabel('Terms', { exact: true }).fill(TERMS_V1);
    await submitAndWait(
      ana.page,
      ana.page.getByRole('button', { name: 'Propose', exact: true }),
      'Agreement proposed',
    );
    await ana.page.getByRole('link', { name: 'Homework club at the hall' }).click();
    await ana.page.waitForURL(/\/app\/agreements\//);
    const agreementId = decodeURIComponent(new URL(ana.page.url()).pathname.split('/').pop()!);
    await ana.page.getByRole('button', { name: 'Sign version 1' }).waitFor();
    await expectCleanPage(ana, 'en', 'agreement-sign-en');
    await submitAndWait(
      ana.page,
      ana.page.getByRole('button', { name: 'Sign version 1' }),
      'Version 1 signed.',
    );
    // Signed, Ana is no longer asked to sign.
    await ana.page.getByRole('button', { name: 'Sign version 1' }).waitFor({ state: 'detached' });

    // Léo opens it in French: version 1 awaits his signature.
    const leo = await people.signedIn(LEO, 'fr-FR');
    await people.openSection(leo.page, 'Conventions');
    await leo.page.getByRole('link', { name: 'Homework club at the hall' }).click();
    const staleSign = leo.page.getByRole('button', { name: 'Signer la version 1' });
    await staleSign.waitFor();
    await expectCleanPage(leo, 'fr', 'agreement-sign-fr');

    // Meanwhile Ana amends the terms: her signature of version 1 is void.
    await ana.page.getByLabel('New terms').fill(TERMS_V2);
    await ana.page.getByLabel('Why the terms change').fill('No club during school holidays');
    await expectCleanPage(ana, 'en', 'agreement-amend-en');
    await submitAndWait(
      ana.page,
      ana.page.getByRole('button', { name: 'Amend', exact: true }),
      'Terms amended',
    );

    // Léo's page still shows version 1: signing it is refused, in French, with the ledger's own
    // reason folded beneath.
    await staleSign.click();
    const refusal = leo.page
      .getByRole('alert')
      .filter({ hasText: 'Les termes ont changé depuis votre lecture' });
    await refusal.waitFor({ timeout: 60_000 });
    await refusal.getByText('Détail technique').click();
    await refusal.getByText('current version is 2').waitFor({ timeout: 60_000 });
    await expectCleanPage(leo, 'fr', 'agreement-stale-signature-fr');

    // Reloaded, his page shows version 2, and Ana's signature of version 1 as void.
    await leo.page.reload();
    await leo.page.getByRole('button', { name: 'Signer la version 2' }).waitFor();
    await leo.page.getByLabel('Afficher la version').selectOption('1');
    const versionOne = leo.page.getByRole('table', { name: 'Signatures de la version 1' });
    await versionOne.waitFor();
    expect(await versionOne.getByRole('row', { name: /Les Tisserands/ }).innerText()).toMatch(
      /Nulle depuis la version 2/,
    );
    await expectCleanPage(leo, 'fr', 'agreement-void-signature-fr');
    await leo.page.getByLabel('Afficher la version').selectOption('2');
    await submitAndWait(
      leo.page,
      leo.page.getByRole('button', { name: 'Signer la version 2' }),
      'Version 2 signée.',
    );

    // Ana signs version 2 too: the agreement is in force, nobody's signature pending.
    await ana.page.reload();
    await submitAndWait(
      ana.page,
      ana.page.getByRole('button', { name: 'Sign version 2' }),
      'Version 2 signed.',
    );
    await ana.page.getByText('In force', { exact: true }).waitFor({ timeout: 60_000 });
    const versionTwo = ana.page.getByRole('table', { name: 'Signatures of version 2' });
    for (const party of Object.values(PARTNERS)) {
      expect(await versionTwo.getByRole('row', { name: new RegExp(party) }).innerText()).toMatch(
        /Valid/,
      );
    }
    await expectCleanPage(ana, 'en', 'agreement-in-force-en');

    // The log: one signature on version 1, the amendment, the stale one never recorded, both on 2.
    const events = await streamEvents(ledger, `agreement-${agreementId}`);
    expect(events.map((event) => event.type)).toEqual([
      'AgreementProposed',
      'AgreementSigned',
      'AgreementAmended',
      'AgreementSigned',
      'AgreementSigned',
      'AgreementEnteredIntoForce',
    ]);
    const [proposed, first, amended, second, third] = events.map((event) => event.data);
    expect(proposed).toMatchObject({ parties: ['assoc', 'city'] });
    expect(first).toMatchObject({ partyId: 'assoc', version: 1 });
    expect(amended).toMatchObject({ amendedBy: 'assoc', version: 2 });
    expect(second).toMatchObject({ partyId: 'city', version: 2, termsHash: amended.termsHash });
    expect(third).toMatchObject({ partyId: 'assoc', version: 2, termsHash: amended.termsHash });
    expect(first.termsHash).not.toBe(amended.termsHash);
  });

  it('shows the proposal form in French, with the ledger’s reasons next to the fields', async () => {
    const leo = await people.signedIn(LEO, 'fr-FR');
    await people.openSection(leo.page, 'Conventions');
    const proposing = leo.page.getByRole('form', { name: 'Proposer une convention' });
    await proposing.waitFor();
    await expectCleanPage(leo, 'fr', 'agreement-propose-fr');
    // Nothing filled in: the ledger refuses, and says why next to the title.
    await proposing.getByRole('button', { name: 'Proposer', exact: true }).click();
    const title = proposing.getByLabel('Intitulé');
    await proposing.locator('input[aria-invalid="true"]').first().waitFor({ timeout: 60_000 });
    expect(await title.getAttribute('aria-invalid')).toBe('true');
    await expectCleanPage(leo, 'fr', 'agreement-propose-errors-fr', /status of 400/);
  });
});
