import type { Browser, Locator, Page } from 'playwright-core';
import type { ChildLedger } from './child-ledger';
import type { Principal } from './ledger-client';
import { type BrowserLocale, type WatchedPage, openWatchedPage, settled } from './web-browser';
import { CAMILLE } from './web-demo-ledger';
import { acceptThroughApi, signInThroughPage } from './web-sign-in';

/** The fresh ledger's administrator, as the API's bearer tokens name her. */
export const CAMILLE_ADMIN: Principal = { sub: CAMILLE.id, roles: ['admin'] };

/** A person of a journey: signed up with the test password, acting for `partnerId` or for none. */
export interface JourneyPerson {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly partnerId: string | null;
  readonly role: 'partner' | 'mediator';
}

/** The journeys' partnership: two members, a person of each, and a mediator of neither. */
export const PARTNERSHIP = 'harmony';
export const PARTNERS = { assoc: 'Les Tisserands', city: 'Ville de Montclair' };
export const ANA: JourneyPerson = {
  id: 'ana-assoc',
  name: 'Ana Ruiz',
  email: 'ana@tisserands.example',
  partnerId: 'assoc',
  role: 'partner',
};
export const LEO: JourneyPerson = {
  id: 'leo-city',
  name: 'Léo Martin',
  email: 'leo@montclair.example',
  partnerId: 'city',
  role: 'partner',
};
export const CLAIRE: JourneyPerson = {
  id: 'claire-mediator',
  name: 'Claire Dubois',
  email: 'claire@mediation.example',
  partnerId: null,
  role: 'mediator',
};

/** Each person of a journey in a browser of their own, signed in; all closed at the end. */
export class JourneyBrowsers {
  private readonly opened: WatchedPage[] = [];

  constructor(
    private readonly browser: Browser,
    private readonly ledger: ChildLedger,
  ) {}

  async signedIn(person: JourneyPerson, locale: BrowserLocale): Promise<WatchedPage> {
    const watched = await openWatchedPage(this.browser, locale);
    this.opened.push(watched);
    await signInThroughPage(watched.page, this.ledger, person.email);
    return watched;
  }

  /** One of the partnership's sections, through its navigation (`section` as the link reads). */
  async openSection(page: Page, section: string): Promise<void> {
    await page.goto(`${this.ledger.publicOrigin}/app/partnerships/${PARTNERSHIP}`);
    await page.getByRole('link', { name: section, exact: true }).click();
    await settled(page);
  }

  async close(): Promise<void> {
    await Promise.all(this.opened.map((watched) => watched.context.close()));
  }
}

/** Clicks a form's button and waits until the page says `said` (a role=status). */
export async function submitAndWait(page: Page, button: Locator, said: string): Promise<void> {
  await button.click();
  await page.getByRole('status').filter({ hasText: said }).waitFor({ timeout: 60_000 });
}

let keys = 0;
/** A command through the API as `as`, which must be recorded (preconditions, not the journey). */
export async function recorded(
  ledger: ChildLedger,
  path: string,
  body: object,
  as: Principal = CAMILLE_ADMIN,
): Promise<unknown> {
  const answer = await ledger.post(path, body, as, `journey-${process.pid}-${++keys}`);
  if (answer.status !== 201 && answer.status !== 200) {
    throw new Error(`${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  }
  return answer.body;
}

/**
 * Preconditions set up through the API (journey 1 does them through the UI): an active
 * partnership whose members are `partners` (id → name), and `people` invited by the administrator
 * and signed up with the test password, as they would by following their invitation link.
 */
export async function partnershipWithPeople(
  ledger: ChildLedger,
  people: readonly JourneyPerson[],
  partnershipId = PARTNERSHIP,
  partners: Readonly<Record<string, string>> = PARTNERS,
): Promise<void> {
  await recorded(ledger, '/partnerships', {
    partnershipId,
    name: `Partnership ${partnershipId}`,
    purpose: 'Strengthen social cohesion across the neighbourhoods of Northside',
    territory: 'Northside',
    neighbourhoods: ['Les Tilleuls'],
  });
  for (const [partnerId, name] of Object.entries(partners)) {
    await recorded(ledger, `/partnerships/${partnershipId}/partners`, {
      partnerId,
      name,
      kind: 'association',
      role: 'member',
      responsibilities: ['evaluation'],
    });
  }
  for (const person of people) {
    const answer = (await recorded(ledger, '/people', {
      personId: person.id,
      displayName: person.name,
      email: person.email,
      roles: [person.role],
      ...(person.partnerId ? { partnerId: person.partnerId } : {}),
    })) as { invitation: { url: string } };
    await acceptThroughApi(ledger, answer.invitation.url);
  }
}

export interface StreamEvent {
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly metadata?: Record<string, unknown>;
}

/** A stream's events as the API serves them (its first page: a journey's streams are short). */
export async function streamEvents(
  ledger: ChildLedger,
  stream: string,
  as: Principal = CAMILLE_ADMIN,
): Promise<StreamEvent[]> {
  const answer = await ledger.get(`/streams/${stream}/events?limit=100`, as);
  if (answer.status !== 200) throw new Error(`${stream} answered ${answer.status}`);
  return (answer.body as { events: StreamEvent[] }).events;
}
