import type { Locator, Page } from 'playwright-core';
import type { ChildLedger } from '../support/child-ledger';
import { expectCleanPage, settled } from '../support/web-browser';
import { type DemoLedgerInBrowser, freshLedgerInBrowser } from '../support/web-demo-ledger';
import {
  ANA,
  CLAIRE,
  JourneyBrowsers,
  LEO,
  partnershipWithPeople,
  streamEvents,
  submitAndWait,
} from '../support/web-journeys';

/** Minutes, not seconds: Chromium and the ledger share two cores with whatever else runs. */
jest.setTimeout(300_000);

/**
 * A mediator reads the case, not the partnership: the page asks for the partners' names, the
 * ledger answers 403, and the page shows their ids instead. That refusal is expected.
 */
const MEDIATOR_READS_NO_PARTNERSHIP = /status of 403/;

/**
 * Journey 5: a conflict's life through the forms (raised, acknowledged, a mediator proposed and
 * accepted, statements, a session, a resolution accepted by both parties: resolved), each person
 * in their own browser; then the mediator replays the case with the scrubber, by keyboard, and
 * sees the case as it stood at a chosen step. The case's stream is read back through the API.
 */
describe('a mediator replays a resolved conflict (journey 5)', () => {
  let setup: DemoLedgerInBrowser | undefined;
  let ledger: ChildLedger;
  let people: JourneyBrowsers;

  beforeAll(async () => {
    setup = await freshLedgerInBrowser('ledger-web-conflicts-');
    ledger = setup.ledger;
    people = new JourneyBrowsers(setup.browser, ledger);
    // Preconditions through the API (journey 1 shows them in the UI): the partnership, its two
    // members, a person of each and a mediator, signed up with a password.
    await partnershipWithPeople(ledger, [ANA, LEO, CLAIRE]);
  });

  afterAll(async () => {
    await people?.close();
    await setup?.close();
  });

  /** Fills a form's fields by their labels, submits it and waits for the case file to say `said`. */
  async function fillAndSubmit(
    page: Page,
    form: Locator,
    fields: Readonly<Record<string, string>>,
    button: string,
    said: string,
  ): Promise<void> {
    for (const [label, value] of Object.entries(fields)) await form.getByLabel(label).fill(value);
    await submitAndWait(page, form.getByRole('button', { name: button }), said);
    await settled(page);
  }
  /** A one-button act (acknowledge, accept). */
  async function press(page: Page, button: Locator, said: string): Promise<void> {
    await submitAndWait(page, button, said);
    await settled(page);
  }
  const form = (page: Page, name: string) => page.getByRole('form', { name });
  const SUMMARY = 'The hall was locked on two Wednesdays.';

  it('takes the case from raised to resolved through the forms, and replays it at a chosen step', async () => {
    // Ana raises the conflict against the city.
    const ana = await people.signedIn(ANA, 'en-GB');
    await people.openSection(ana.page, 'Conflicts');
    const raising = form(ana.page, 'Raise a conflict');
    await raising.waitFor();
    await expectCleanPage(ana, 'en', 'conflict-raise-en');
    await raising.getByLabel('Ville de Montclair').check();
    await fillAndSubmit(
      ana.page,
      raising,
      { 'What it is about': 'Use of the hall', 'What went wrong': SUMMARY },
      'Raise the conflict',
      'Conflict raised.',
    );
    await ana.page.getByRole('link', { name: SUMMARY }).click();
    await ana.page.waitForURL(/\/app\/conflicts\//);
    const conflictPath = new URL(ana.page.url()).pathname;
    const conflictId = decodeURIComponent(conflictPath.split('/').pop()!);
    // Ana raised it: she may withdraw or escalate it, not acknowledge it.
    await form(ana.page, 'Withdraw the conflict').waitFor();
    expect(await ana.page.getByRole('button', { name: 'Acknowledge the conflict' }).count()).toBe(
      0,
    );

    // Léo, in French, acknowledges it, proposes Claire as mediator and accepts her.
    const leo = await people.signedIn(LEO, 'fr-FR');
    await people.openSection(leo.page, 'Différends');
    await leo.page.getByRole('link', { name: SUMMARY }).click();
    const acknowledge = leo.page.getByRole('button', { name: 'Prendre acte du différend' });
    await acknowledge.waitFor();
    await expectCleanPage(leo, 'fr', 'conflict-acknowledge-fr');
    await press(leo.page, acknowledge, 'Différend reconnu.');
    const proposing = form(leo.page, 'Proposer un médiateur ou une médiatrice');
    await proposing.waitFor();
    await expectCleanPage(leo, 'fr', 'conflict-propose-mediator-fr');
    // He picks her by name from the directory's mediators: he does not know her person id.
    const pick = proposing.getByLabel('Médiateur ou médiatrice');
    expect(await pick.locator('option').allInnerTexts()).toEqual(['Choisir…', CLAIRE.name]);
    await pick.selectOption({ label: CLAIRE.name });
    await submitAndWait(
      leo.page,
      proposing.getByRole('button', { name: 'Proposer cette personne' }),
      'Médiation proposée aux parties.',
    );
    await settled(leo.page);
    const leoAccepts = leo.page.getByRole('button', {
      name: `Accepter ${CLAIRE.name} comme médiateur ou médiatrice`,
    });
    await leoAccepts.waitFor();
    await leo.page
      .getByRole('form', { name: `S’opposer à ${CLAIRE.name} comme médiateur ou médiatrice` })
      .waitFor();
    await expectCleanPage(leo, 'fr', 'conflict-answer-mediator-fr');
    await press(leo.page, leoAccepts, 'Médiation acceptée.');

    // Ana accepts Claire too: mediation begins; each party puts its account on record.
    await ana.page.reload();
    const anaAccepts = ana.page.getByRole('button', { name: `Accept ${CLAIRE.name} as mediator` });
    await anaAccepts.waitFor();
    await ana.page.getByText(`${CLAIRE.name} is proposed as mediator.`).waitFor();
    await form(ana.page, `Object to ${CLAIRE.name} as mediator`).waitFor();
    await expectCleanPage(ana, 'en', 'conflict-answer-mediator-en');
    await press(ana.page, anaAccepts, 'Mediator accepted.');
    const anaStatement = form(ana.page, 'Put your account on record');
    await anaStatement.waitFor();
    // The case file names its mediator.
    await ana.page.locator('dl.facts').first().getByText(CLAIRE.name, { exact: true }).waitFor();
    await expectCleanPage(ana, 'en', 'conflict-in-mediation-en');
    await fillAndSubmit(
      ana.page,
      anaStatement,
      { 'Your account': 'We booked the hall in September.' },
      'Record the statement',
      'Statement recorded.',
    );
    await leo.page.reload();
    const leoStatement = form(leo.page, 'Verser votre version des faits au dossier');
    await leoStatement.waitFor();
    await expectCleanPage(leo, 'fr', 'conflict-in-mediation-fr');
    await fillAndSubmit(
      leo.page,
      leoStatement,
      { 'Votre version des faits': 'La salle était en travaux.' },
      'Enregistrer la déclaration',
      'Déclaration enregistrée.',
    );

    // Claire, from the case's link, records a session and proposes a resolution; she is no
    // party, so she makes no statement.
    const claire = await people.signedIn(CLAIRE, 'en-GB');
    await claire.page.goto(`${ledger.publicOrigin}${conflictPath}`);
    const session = form(claire.page, 'Record a mediation session');
    await session.waitFor();
    expect(await form(claire.page, 'Put your account on record').count()).toBe(0);
    await expectCleanPage(claire, 'en', 'conflict-mediator-en', MEDIATOR_READS_NO_PARTNERSHIP);
    await fillAndSubmit(
      claire.page,
      session,
      { 'What was discussed': 'Both sides agreed on a shared calendar.' },
      'Record the session',
      'Session recorded.',
    );
    await fillAndSubmit(
      claire.page,
      form(claire.page, 'Propose a resolution'),
      { 'The proposed resolution': 'The hall is booked through a shared calendar.' },
      'Propose the resolution',
      'Resolution proposed to the parties.',
    );

    // Both parties accept it: the case is resolved.
    await leo.page.reload();
    const leoAgrees = leo.page.getByRole('button', { name: 'Accepter la résolution proposée' });
    await leoAgrees.waitFor();
    await expectCleanPage(leo, 'fr', 'conflict-answer-resolution-fr');
    await press(leo.page, leoAgrees, 'Résolution acceptée.');
    await ana.page.reload();
    const anaAgrees = ana.page.getByRole('button', { name: 'Accept the proposed resolution' });
    await anaAgrees.waitFor();
    await expectCleanPage(ana, 'en', 'conflict-answer-resolution-en');
    await press(ana.page, anaAgrees, 'Resolution accepted.');
    await form(ana.page, 'Schedule the follow-up review').waitFor();
    await expectCleanPage(ana, 'en', 'conflict-resolved-en');

    // Claire replays the resolved case: by keyboard, from the first step to the eighth.
    await claire.page.reload();
    const facts = claire.page.locator('dl.facts').first();
    await facts.getByText('Resolved', { exact: true }).waitFor();
    const slider = claire.page.getByLabel('Step of the case');
    await slider.focus();
    await slider.press('Home');
    for (let step = 1; step < 8; step++) await slider.press('ArrowRight');
    await claire.page.getByText('Step 8 of 13: ', { exact: false }).first().waitFor();
    const state = claire.page.locator('section.replay-state');
    expect(await state.getByRole('heading', { level: 3 }).innerText()).toMatch(/^The case after/);
    expect(await state.locator('dl.facts').innerText()).toMatch(
      /In mediation[\s\S]*Claire Dubois[\s\S]*2 statements, 0 sessions, 0 proposals/,
    );
    expect(await state.locator('dl.step-details').innerText()).toContain(
      'La salle était en travaux.',
    );
    const timeline = claire.page
      .getByRole('list', { name: 'Steps of the case' })
      .getByRole('button');
    expect(await timeline.nth(7).getAttribute('aria-current')).toBe('step');
    await expectCleanPage(claire, 'en', 'conflict-replay-step-8-en', MEDIATOR_READS_NO_PARTNERSHIP);

    // The same replay in French, in Claire's other browser.
    const claireFr = await people.signedIn(CLAIRE, 'fr-FR');
    await claireFr.page.goto(`${ledger.publicOrigin}${conflictPath}`);
    const curseur = claireFr.page.getByLabel('Étape du dossier');
    await curseur.focus();
    await curseur.press('End');
    for (let step = 13; step > 8; step--) await curseur.press('ArrowLeft');
    await claireFr.page.getByText('Étape 8 sur 13 : ', { exact: false }).first().waitFor();
    expect(await claireFr.page.locator('section.replay-state dl.facts').innerText()).toMatch(
      /En médiation[\s\S]*2 déclarations, 0 séance, 0 proposition/,
    );
    await expectCleanPage(
      claireFr,
      'fr',
      'conflict-replay-step-8-fr',
      MEDIATOR_READS_NO_PARTNERSHIP,
    );

    // The log holds the case's life, each act by the one who did it.
    const events = await streamEvents(ledger, `conflict-${conflictId}`);
    expect(events.map((event) => event.type)).toEqual([
      'ConflictRaised',
      'ConflictAcknowledged',
      'MediatorProposed',
      'MediatorAccepted',
      'MediatorAccepted',
      'MediatorAssigned',
      'StatementRecorded',
      'StatementRecorded',
      'MediationSessionHeld',
      'ResolutionProposed',
      'ResolutionAccepted',
      'ResolutionAccepted',
      'ConflictResolved',
    ]);
    const data = events.map((event) => event.data);
    expect(data[0]).toMatchObject({ raisedBy: 'assoc', parties: ['city'] });
    expect(data[2]).toMatchObject({ mediatorId: CLAIRE.id });
    expect(data[7]).toMatchObject({ partyId: 'city', text: 'La salle était en travaux.' });
    expect(data[8]).toMatchObject({
      recordedBy: CLAIRE.id,
      attendees: ['assoc', 'city', CLAIRE.id],
    });
    expect(data[9]).toMatchObject({ proposedBy: CLAIRE.id });
  });

  it('shows the form to raise a conflict in French, offering only the other members', async () => {
    const leo = await people.signedIn(LEO, 'fr-FR');
    await people.openSection(leo.page, 'Différends');
    const raising = form(leo.page, 'Soulever un différend');
    await raising.waitFor();
    expect(await raising.getByRole('checkbox').count()).toBe(1);
    await raising.getByLabel('Les Tisserands').waitFor();
    await expectCleanPage(leo, 'fr', 'conflict-raise-fr');
  });
});
