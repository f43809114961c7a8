import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { ChildLedger } from '../support/child-ledger';
import type { Principal } from '../support/ledger-client';
import {
  type BrowserLocale,
  type InPage,
  type WatchedPage,
  accessibilityViolations,
  openWatchedPage,
  screenshot,
} from '../support/web-browser';
import { signInThroughPage } from '../support/web-sign-in';
import {
  CAMILLE,
  type DemoLedgerInBrowser,
  freshLedgerInBrowser,
  WEB_APP,
} from '../support/web-demo-ledger';

const CATALOGUE_KEYS = Object.keys(
  JSON.parse(readFileSync(join(WEB_APP, 'src', 'i18n', 'en.json'), 'utf8')) as object,
);
/** Reads the log as an auditor would: nothing in these tests writes with it. */
const AUDITOR: Principal = { sub: 'auditor', roles: ['auditor'] };

/** The partnership the journey founds; its id is made from its name by the form. */
const PARTNERSHIP = { id: 'jeunesse-montclair', name: 'Jeunesse Montclair' };
const CITY = { id: 'ville-de-montclair', name: 'Ville de Montclair', kind: 'Local authority' };
const SOS = { id: 'sos-jeunes', name: 'SOS Jeunes', kind: 'Association' };
const PEOPLE = [
  { name: 'Ana Ruiz', email: 'ana@sos.example', partner: SOS, role: 'Partner' },
  { name: 'Bruno Leroy', email: 'bruno@montclair.example', partner: CITY, role: 'Partner' },
  { name: 'Mo Benali', email: 'mo@mediation.example', partner: null, role: 'Mediator' },
] as const;

/** Minutes, not seconds: Chromium and the ledger share two cores with whatever else runs. */
jest.setTimeout(300_000);

interface RecordedEvent {
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly metadata: { readonly actor?: { readonly sub?: string } };
}

/**
 * Journey 1, through the UI only, on a fresh ledger whose only person is its first administrator
 * (Camille, brought in by the CLI's link): she founds the first partnership, admits two partners,
 * invites two of their people and a mediator; then the other administration screens (valuation
 * policies, a partnership's objectives, meetings, status and indicators). Every step is checked
 * on the screen and in the log (read through the API as an auditor).
 */
describe('administration in a browser (journey 1)', () => {
  let setup: DemoLedgerInBrowser | undefined;
  let ledger: ChildLedger;
  let browser: Browser;

  beforeAll(async () => {
    setup = await freshLedgerInBrowser('ledger-web-admin-');
    ({ ledger, browser } = setup);
  });

  afterAll(() => setup?.close());

  const eventsOf = async (stream: string): Promise<RecordedEvent[]> => {
    const answer = await ledger.get(`/streams/${stream}/events`, AUDITOR);
    expect(answer.status).toBe(200);
    return (answer.body as { events: RecordedEvent[] }).events;
  };

  /** `expected` names console errors the test caused on purpose (a refusal it asked for). */
  async function expectClean(watched: WatchedPage, lang: string, name: string, expected?: RegExp) {
    const { page, trouble } = watched;
    await settled(page);
    expect(await page.locator('html').getAttribute('lang')).toBe(lang);
    const text = await page.locator('body').innerText();
    expect(CATALOGUE_KEYS.filter((key) => text.includes(key))).toEqual([]);
    await screenshot(page, name);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(trouble.cspViolations).toEqual([]);
    expect(trouble.errors.filter((error) => !expected?.test(error))).toEqual([]);
  }

  /** Signed in as Camille through the sign-in page, in a fresh browser context. */
  async function asCamille(locale: BrowserLocale): Promise<WatchedPage> {
    const watched = await openWatchedPage(browser, locale);
    await signInThroughPage(watched.page, ledger, CAMILLE.email);
    return watched;
  }

  it('founds the first partnership, admits two partners, and invites their people and a mediator', async () => {
    const watched = await asCamille('en-GB');
    const links = new Map<string, string>();
    try {
      const { page } = watched;
      // From the To do page, by the link an administrator sees there.
      await page.getByRole('heading', { level: 1, name: 'To do' }).waitFor();
      await page.getByText('You take part in no partnership yet.').waitFor();
      await page.getByRole('link', { name: 'New partnership' }).click();
      await page.getByRole('heading', { level: 1, name: 'New partnership' }).waitFor();
      await expectClean(watched, 'en', 'journey1-new-partnership-en');
      await page.getByLabel('Name of the partnership').fill(PARTNERSHIP.name);
      await page.getByLabel('Purpose').fill('Reduce school dropout in Montclair’s north side');
      await page.getByLabel('Territory').fill('Montclair Nord');
      await page.getByLabel('Neighbourhoods').fill('Les Tilleuls\nLa Source');
      await page.getByRole('button', { name: 'Found the partnership' }).click();
      await page.waitForURL(new RegExp(`/app/partnerships/${PARTNERSHIP.id}$`));
      await page.getByRole('heading', { level: 1, name: PARTNERSHIP.name }).waitFor();
      expect(await page.locator('dl.facts').innerText()).toContain('Les Tilleuls, La Source');

      // Its Manage section: two partners admitted, each id made from the name.
      await page.getByRole('link', { name: 'Manage' }).click();
      await page.getByRole('heading', { level: 1, name: 'Manage the partnership' }).waitFor();
      await expectClean(watched, 'en', 'journey1-manage-en');
      await admit(page, CITY, 'lead', 'funding\nvenues');
      await admit(page, SOS, 'member', 'mentoring');

      await page.getByRole('link', { name: 'Overview' }).click();
      await page.getByRole('heading', { level: 1, name: PARTNERSHIP.name }).waitFor();
      const partners = page.locator('table', { hasText: 'Responsibilities' });
      expect(await partners.getByRole('row', { name: new RegExp(CITY.name) }).innerText()).toMatch(
        /Ville de Montclair\s+Local authority\s+lead\s+funding, venues/,
      );
      expect(await partners.getByRole('row', { name: new RegExp(SOS.name) }).innerText()).toMatch(
        /SOS Jeunes\s+Association\s+member\s+mentoring/,
      );
      await expectClean(watched, 'en', 'journey1-overview-partners-en');

      // People: two partners' people (their partner picked from a list) and a mediator.
      await page.getByRole('link', { name: 'People' }).click();
      await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
      for (const person of PEOPLE) links.set(person.email, await invite(page, person));
      for (const link of links.values()) {
        expect(link).toMatch(new RegExp(`^${ledger.publicOrigin}/invitation#token=[\\w-]{43}$`));
      }
      await page.getByRole('row', { name: /Mo Benali/ }).waitFor();
      // The directory names each person's partner, not its id.
      expect(await page.getByRole('row', { name: /Ana Ruiz/ }).innerText()).toContain(
        `${SOS.name} (${PARTNERSHIP.name})`,
      );
      await expectClean(watched, 'en', 'journey1-people-invited-en');
    } finally {
      await watched.context.close();
    }

    // The log: the partnership founded and joined, by Camille; the people invited by her.
    const partnership = await eventsOf(`partnership-${PARTNERSHIP.id}`);
    expect(partnership.map((event) => event.type)).toEqual([
      'PartnershipFounded',
      'PartnerJoined',
      'PartnerJoined',
    ]);
    expect(partnership.map((event) => event.metadata.actor?.sub)).toEqual([
      CAMILLE.id,
      CAMILLE.id,
      CAMILLE.id,
    ]);
    expect(partnership.map((event) => event.data)).toEqual([
      expect.objectContaining({
        partnershipId: PARTNERSHIP.id,
        name: PARTNERSHIP.name,
        territory: 'Montclair Nord',
        neighbourhoods: ['Les Tilleuls', 'La Source'],
      }),
      expect.objectContaining({ partnerId: CITY.id, kind: 'local_authority', role: 'lead' }),
      expect.objectContaining({ partnerId: SOS.id, kind: 'association', role: 'member' }),
    ]);
    const people = await ledger.get('/people?limit=50', AUDITOR);
    const invited = (people.body as { items: Array<Record<string, unknown>> }).items;
    for (const person of PEOPLE) {
      expect(invited).toContainEqual(
        expect.objectContaining({
          displayName: person.name,
          status: 'invited',
          invitedBy: CAMILLE.id,
          ...(person.partner ? { partnerId: person.partner.id } : {}),
          roles: [person.role.toLowerCase()],
        }),
      );
    }
  });

  it('defines a valuation policy and its rate, and makes it the partnership’s default', async () => {
    const watched = await asCamille('en-GB');
    try {
      const { page } = watched;
      await page.getByRole('link', { name: 'Valuation policies' }).click();
      await page.getByRole('heading', { level: 1, name: 'Valuation policies' }).waitFor();
      await page.getByText('No valuation policy is defined yet.').waitFor();
      await expectClean(watched, 'en', 'journey1-valuation-policies-empty-en');
      await page.getByLabel('Name of the policy').fill('Barème Montclair 2026');
      await page.getByRole('button', { name: 'Define the policy' }).click();
      await page.getByRole('heading', { level: 2, name: 'Barème Montclair 2026 (EUR)' }).waitFor();

      // A refusal lands next to its field: a rate set without its value.
      const setRate = page.locator('form', {
        has: page.getByRole('button', { name: 'Set the rate' }),
      });
      await setRate.getByLabel('Valuation policy').selectOption({ label: 'Barème Montclair 2026' });
      await setRate.getByLabel('Kind of contribution').selectOption({ label: 'Volunteer time' });
      await setRate.getByLabel('Unit', { exact: true }).fill('hours');
      await setRate.getByLabel('In force from').fill('2026-01-01');
      await setRate.getByLabel('Source of the rate').fill('National volunteering study 2025');
      await setRate.getByRole('button', { name: 'Set the rate' }).click();
      const rate = setRate.getByLabel('Value of one unit');
      await setRate.locator('input[name="rate"][aria-invalid="true"]').waitFor();
      await rate.fill('15.5');
      await setRate.getByRole('button', { name: 'Set the rate' }).click();
      await page
        .getByRole('row', { name: /Volunteer time \(hours\).*15\.5 EUR per hours/ })
        .waitFor();
      await expectClean(watched, 'en', 'journey1-valuation-policies-en', /status of 400/);

      await page.goto(`${ledger.publicOrigin}/app/partnerships/${PARTNERSHIP.id}/manage`);
      await page.getByRole('heading', { level: 1, name: 'Manage the partnership' }).waitFor();
      await page
        .getByLabel('Valuation policy', { exact: true })
        .selectOption({ label: 'Barème Montclair 2026 (EUR)' });
      await page.getByRole('button', { name: 'Use this policy' }).click();
      const valuation = page.locator('form', {
        has: page.getByRole('button', { name: 'Use this policy' }),
      });
      await valuation.getByText('Recorded.').waitFor();
      expect((await overview()).defaultValuationPolicyId).toBe('bareme-montclair-2026');
    } finally {
      await watched.context.close();
    }
    const policy = await eventsOf('valuation-policy-bareme-montclair-2026');
    expect(policy.map((event) => [event.type, event.metadata.actor?.sub])).toEqual([
      ['ValuationPolicyDefined', CAMILLE.id],
      ['ValuationRateSet', CAMILLE.id],
    ]);
    expect(policy[1]?.data).toMatchObject({ kind: 'volunteer_time', unit: 'hours', rate: 15.5 });
  });

  it('sets an objective, records a meeting with its decisions, changes a role, suspends and reactivates', async () => {
    const watched = await asCamille('en-GB');
    try {
      const { page } = watched;
      await page.goto(`${ledger.publicOrigin}/app/partnerships/${PARTNERSHIP.id}/manage`);
      await page.getByRole('heading', { level: 1, name: 'Manage the partnership' }).waitFor();
      const objective = page.locator('form', {
        has: page.getByRole('button', { name: 'Set the objective' }),
      });
      await objective.getByLabel('Objective', { exact: true }).fill('Halve school dropout');
      await objective.getByLabel('Description').fill('Among 15-18 year olds, by 2028');
      await objective.getByRole('button', { name: 'Set the objective' }).click();
      await objective.getByText('Recorded.').waitFor();

      const meeting = page.locator('form', {
        has: page.getByRole('button', { name: 'Record the meeting' }),
      });
      await meeting.getByLabel('Held on').fill('2026-11-20');
      await meeting.getByRole('checkbox', { name: CITY.name }).check();
      await meeting.getByRole('checkbox', { name: SOS.name }).check();
      await meeting
        .getByLabel('Decisions taken')
        .fill('Start tutoring in January\nOpen on Saturdays');
      await meeting.getByRole('button', { name: 'Record the meeting' }).click();
      await page
        .getByRole('row', {
          name: /Ville de Montclair, SOS Jeunes.*Start tutoring in January; Open on Saturdays/,
        })
        .waitFor();

      const change = page.locator('form', {
        has: page.getByRole('button', { name: 'Change the role' }),
      });
      await change.getByLabel('Partner', { exact: true }).selectOption({ label: SOS.name });
      await change.getByLabel('New role').fill('co-lead');
      await change.getByLabel('New responsibilities').fill('mentoring\ncoordination');
      await change.getByRole('button', { name: 'Change the role' }).click();
      await change.getByText('Recorded.').waitFor();

      await page.getByLabel('Why it is suspended').fill('Funding under review');
      await page.getByRole('button', { name: 'Suspend the partnership' }).click();
      await page.getByText('Status: Suspended. Reason: Funding under review').waitFor();
      await expectClean(watched, 'en', 'journey1-manage-suspended-en');
      await page.getByRole('button', { name: 'Reactivate the partnership' }).click();
      await page.getByRole('button', { name: 'Suspend the partnership' }).waitFor();
      expect((await overview()).status).toBe('active');
    } finally {
      await watched.context.close();
    }
    const partnership = await eventsOf(`partnership-${PARTNERSHIP.id}`);
    expect(partnership.slice(3).map((event) => event.type)).toEqual([
      'DefaultValuationPolicySet',
      'ObjectiveSet',
      'MeetingHeld',
      'PartnerRoleChanged',
      'PartnershipSuspended',
      'PartnershipReactivated',
    ]);
    expect(partnership[6]?.data).toMatchObject({
      partnerId: SOS.id,
      role: 'co-lead',
      responsibilities: ['mentoring', 'coordination'],
    });
    expect(partnership[5]?.data).toMatchObject({
      attendees: [CITY.id, SOS.id],
      decisions: ['Start tutoring in January', 'Open on Saturdays'],
    });
  });

  it('defines an indicator for the objective, records a measurement and corrects it', async () => {
    const watched = await asCamille('en-GB');
    try {
      const { page } = watched;
      await page.goto(`${ledger.publicOrigin}/app/partnerships/${PARTNERSHIP.id}`);
      await page.getByRole('link', { name: 'Indicators' }).click();
      await page.getByRole('heading', { level: 1, name: 'Indicators' }).waitFor();
      const define = page.locator('form', {
        has: page.getByRole('button', { name: 'Define the indicator' }),
      });
      await define.getByLabel('Name of the indicator').fill('School dropout rate');
      await define.getByLabel('Short code').fill('DROPOUT');
      await define
        .getByLabel('Objective it measures')
        .selectOption({ label: 'Halve school dropout' });
      await define.getByLabel('Unit', { exact: true }).selectOption({ label: 'Percentage' });
      await define.getByRole('group', { name: 'Baseline' }).getByLabel('Value').fill('12');
      await define.getByLabel('Date of the baseline').fill('2026-01-01');
      await define.getByRole('group', { name: 'Target' }).getByLabel('Value').fill('6');
      await define.getByLabel('Date of the target').fill('2028-06-30');
      await define.getByLabel('Which way is better').selectOption({ label: 'Lower is better' });
      await define.getByLabel('How often it is measured').selectOption({ label: 'Yearly' });
      await define.getByRole('button', { name: 'Define the indicator' }).click();
      await page.getByRole('row', { name: /School dropout rate \(DROPOUT\)/ }).waitFor();

      const measure = page.locator('form', {
        has: page.getByRole('button', { name: 'Record the measurement' }),
      });
      await measure.getByLabel('Indicator').selectOption({ label: 'School dropout rate' });
      await measure.getByLabel('First day covered').fill('2026-01-01');
      await measure.getByLabel('Last day covered').fill('2026-06-30');
      await measure.getByLabel('Value for the whole period').fill('11');
      await measure.getByLabel('Where the figure comes from').fill('Rectorat, first half of 2026');
      await measure
        .getByLabel('How a third party can check it')
        .fill('Published school statistics');
      await measure.getByRole('button', { name: 'Record the measurement' }).click();
      await page.getByRole('row', { name: /School dropout rate.*Percentage\s+1\s+11/ }).waitFor();

      const correct = page.locator('form', {
        has: page.getByRole('button', { name: 'Correct the measurement' }),
      });
      await correct.getByLabel('Measurement').selectOption({ index: 1 });
      await correct.getByLabel('Corrected value').fill('10.5');
      await correct.getByLabel('Why the value was wrong').fill('One school was counted twice');
      await correct.getByRole('button', { name: 'Correct the measurement' }).click();
      await page
        .getByRole('row', { name: /School dropout rate.*Percentage\s+1\s+10\.5/ })
        .waitFor();
      await expectClean(watched, 'en', 'journey1-indicators-en');
    } finally {
      await watched.context.close();
    }
    const indicator = await eventsOf('indicator-dropout');
    expect(indicator.map((event) => [event.type, event.metadata.actor?.sub])).toEqual([
      ['IndicatorDefined', CAMILLE.id],
      ['MeasurementRecorded', CAMILLE.id],
      ['MeasurementCorrected', CAMILLE.id],
    ]);
    const [objective] = (await overview()).objectives;
    expect(indicator[0]?.data).toMatchObject({
      partnershipId: PARTNERSHIP.id,
      objectiveId: objective?.objectiveId,
      unit: { kind: 'percent' },
      baseline: { value: 12, date: '2026-01-01' },
      target: { value: 6, date: '2028-06-30' },
      direction: 'down',
    });
    expect(indicator[2]?.data).toMatchObject({ value: 10.5 });
  });

  describe.each([
    { locale: 'fr-FR', lang: 'fr' },
    { locale: 'en-GB', lang: 'en' },
  ] as const)('the administration pages in $locale', ({ locale, lang }) => {
    it.each([
      ['admin-new-partnership', '/app/admin/partnerships/new'],
      ['admin-manage', `/app/partnerships/${PARTNERSHIP.id}/manage`],
      ['admin-indicators', `/app/partnerships/${PARTNERSHIP.id}/indicators`],
      ['admin-valuation-policies', '/app/admin/valuation-policies'],
      ['admin-people', '/app/admin/people'],
    ])('shows %s with no accessibility, CSP or translation fault', async (name, path) => {
      const watched = await asCamille(locale);
      try {
        await watched.page.goto(`${ledger.publicOrigin}${path}`);
        await watched.page.locator('h1').waitFor();
        await expectClean(watched, lang, `${name}-${lang}`);
      } finally {
        await watched.context.close();
      }
    });
  });

  const overview = async () => {
    const answer = await ledger.get(`/partnerships/${PARTNERSHIP.id}`, AUDITOR);
    expect(answer.status).toBe(200);
    return answer.body as {
      status: string;
      defaultValuationPolicyId: string | null;
      objectives: Array<{ objectiveId: string }>;
    };
  };
});

/** Fills the Manage page's admission form, and waits until the partner can be picked. */
async function admit(
  page: Page,
  partner: { readonly name: string; readonly kind: string },
  role: string,
  responsibilities: string,
): Promise<void> {
  const form = page.locator('form', {
    has: page.getByRole('button', { name: 'Admit the partner' }),
  });
  await form.getByLabel('Name of the organisation or group').fill(partner.name);
  await form.getByLabel('Kind', { exact: true }).selectOption({ label: partner.kind });
  await form.getByLabel('Role', { exact: true }).fill(role);
  await form.getByLabel('Responsibilities', { exact: true }).fill(responsibilities);
  await form.getByRole('button', { name: 'Admit the partner' }).click();
  await form.getByText('Partner admitted.').waitFor();
  // The overview was loaded again: the other forms offer the new partner.
  await page
    .getByLabel('Partner who leaves')
    .locator('option', { hasText: partner.name })
    .waitFor({ state: 'attached' });
}

/** Fills the People page's invitation form, and answers the link it shows to copy. */
async function invite(page: Page, person: (typeof PEOPLE)[number]): Promise<string> {
  const form = page.locator('form', { has: page.getByRole('button', { name: 'Invite' }) });
  await form.getByLabel('Name', { exact: true }).fill(person.name);
  await form.getByLabel('E-mail address').fill(person.email);
  const partner = form.getByRole('combobox', { name: 'Partner' });
  // The pick-list offers the partners by name, with their partnership.
  await partner
    .locator('option', { hasText: `${SOS.name} (${PARTNERSHIP.name})` })
    .waitFor({ state: 'attached' });
  await partner.selectOption(
    person.partner ? { label: `${person.partner.name} (${PARTNERSHIP.name})` } : { value: '' },
  );
  await form.getByRole('checkbox', { name: person.role, exact: true }).check();
  await form.getByRole('button', { name: 'Invite' }).click();
  await page.getByText(`Link for ${person.name}`).waitFor();
  return page.getByRole('textbox', { name: 'Link to give' }).inputValue();
}

/** The page has its data (no loading line left), and fonts are ready. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => !(globalThis as unknown as InPage).document.querySelector('.loading'),
  );
  await page.evaluate(() =>
    (globalThis as unknown as InPage).document.fonts.ready.then(() => undefined),
  );
}
