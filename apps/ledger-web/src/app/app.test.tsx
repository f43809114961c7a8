import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Session } from '../auth/session';
import en from '../i18n/en.json';
import type { MessageKey } from '../i18n/messages';
import { fakeAuthentication, renderApp } from '../test-support/render-app';

const CAMILLE: Session = {
  personId: 'camille',
  displayName: 'Camille Martin',
  email: 'camille@montclair.example',
  partnerId: null,
  roles: ['admin'],
  csrfToken: 'csrf',
  method: 'password',
  signedInAt: '2026-12-01T09:00:00.000Z',
  expiresAt: '2026-12-01T21:00:00.000Z',
  timeZone: 'Europe/Paris',
};

const LEDGER = {
  '/partnerships': {
    items: [
      {
        partnershipId: 'youth',
        name: 'Youth empowerment',
        purpose: 'Reduce school dropout',
        territory: 'Northside',
        neighbourhoods: ['Les Tilleuls'],
        status: 'active',
        counts: { members: 3 },
      },
    ],
    next: null,
  },
  '/commitments': { items: [], next: null },
};

describe('the app', () => {
  it.each([
    ['fr', 'Se connecter', 'Adresse électronique'],
    ['en', 'Sign in', 'E-mail address'],
  ] as const)(
    'sends a visitor to sign in (%s), then back to the page asked for',
    async (locale, title, email) => {
      const app = renderApp('/verification', {
        locale,
        authentication: fakeAuthentication(null),
      });
      await screen.findByRole('heading', { level: 1, name: title });
      expect(app.router.state.location.pathname).toBe('/sign-in');
      expect(app.router.state.location.search).toBe('?next=%2Fverification');
      expect(screen.getByLabelText(email)).toBeTruthy();
      expect(app.messageErrors).toEqual([]);
    },
  );

  it('says so when the e-mail and password do not match', async () => {
    renderApp('/sign-in', { locale: 'en', authentication: fakeAuthentication(null) });
    await userEvent.type(await screen.findByLabelText('E-mail address'), 'ana@acme.test');
    await userEvent.type(screen.getByLabelText('Password'), 'wrong');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'This e-mail address and password do not match an account.',
    );
  });

  it('signs in and opens the page that was asked for', async () => {
    const app = renderApp('/sign-in?next=%2F', {
      locale: 'fr',
      ledger: LEDGER,
      authentication: fakeAuthentication(null, () =>
        Promise.resolve({ kind: 'signed-in', session: CAMILLE }),
      ),
    });
    await userEvent.type(await screen.findByLabelText('Adresse électronique'), 'camille@city.test');
    await userEvent.type(screen.getByLabelText('Mot de passe'), 'secret');
    await userEvent.click(screen.getByRole('button', { name: 'Se connecter' }));
    await screen.findByRole('heading', { level: 1, name: 'À faire' });
    expect(app.router.state.location.pathname).toBe('/');
    expect(await screen.findByText('Youth empowerment')).toBeTruthy();
    expect(screen.getByText('Connecté·e : Camille Martin')).toBeTruthy();
    expect(app.messageErrors).toEqual([]);
  });

  it('never follows a next address out of the app', async () => {
    const app = renderApp('/sign-in?next=%2F%2Fevil.test', {
      locale: 'en',
      ledger: LEDGER,
      authentication: fakeAuthentication(CAMILLE),
    });
    await screen.findByRole('heading', { level: 1, name: 'To do' });
    expect(app.router.state.location.pathname).toBe('/');
  });

  /**
   * Every message marked ⟦…⟧: any text left unmarked on the page, other than the ledger's own
   * data and each language's name in itself, was written in a component instead of a catalogue.
   */
  it.each(['/sign-in', '/'])('renders no text outside the catalogues on %s', async (path) => {
    const marked = Object.fromEntries(
      Object.entries(en).map(([key, message]) => [key, `⟦${message}⟧`]),
    ) as Record<MessageKey, string>;
    renderApp(path, {
      locale: 'en',
      messages: marked,
      ledger: LEDGER,
      authentication: fakeAuthentication(path === '/' ? CAMILLE : null),
    });
    await screen.findByRole('heading', { level: 1 });
    await waitFor(() => expect(document.querySelector('.loading')).toBeNull());
    const data = new Set(['Youth empowerment', 'Northside', 'Français', 'English']);
    const unmarked = textsOf(document.body).filter(
      (text) => !data.has(text) && !/^[\d\s.,:;%€—–-]*$/.test(text.replace(/⟦[^⟧]*⟧/g, '')),
    );
    expect(unmarked).toEqual([]);
  });
});

/** The text nodes and the accessible names written into attributes, trimmed. */
function textsOf(root: HTMLElement): string[] {
  const texts: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim();
    if (text) texts.push(text);
  }
  for (const element of root.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
    for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
      const value = element.getAttribute(name)?.trim();
      if (value) texts.push(value);
    }
  }
  return texts;
}
