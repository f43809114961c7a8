import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeAuthentication, renderApp } from '../../test-support/render-app';

const TOKEN = 'kq3J2vR0x7-6n0m0nQm1bqv7WcI9W1rT9yq7m3o0c2A';
const HOLDER = {
  personId: 'ana',
  displayName: 'Ana Ruiz',
  email: 'ana@acme.example',
  partnerId: 'acme',
  roles: ['partner'],
  expiresAt: '2026-12-04T09:00:00.000Z',
};
const refusal = (detail: string) =>
  Response.json(
    { status: 422, title: 'Unprocessable Entity', rule: 'password-refused', detail },
    { status: 422 },
  );

describe('the sign-in pages', () => {
  it('offer the organisation’s provider when the ledger has one, coming back to the page asked for', async () => {
    renderApp('/sign-in?next=%2Fverification', {
      locale: 'en',
      authentication: fakeAuthentication(null, undefined, {
        password: true,
        passkeys: true,
        oidc: { enabled: true, displayName: 'Ville de Montclair' },
      }),
    });
    const link = await screen.findByRole('link', { name: 'Sign in with Ville de Montclair' });
    expect(link.getAttribute('href')).toBe('/auth/oidc/start?returnTo=%2Fverification');
    expect(screen.getByRole('button', { name: 'Sign in with a passkey' })).toBeTruthy();
  });

  it('show whom an invitation is for, sending its token in the header', async () => {
    const app = renderApp(`/invitation#token=${TOKEN}`, {
      locale: 'en',
      authentication: fakeAuthentication(null),
      ledger: { '/auth/invitation': HOLDER },
    });
    await screen.findByText(
      'This invitation is for Ana Ruiz (ana@acme.example). Choose a password to sign in.',
    );
    const asked = app.requests.find((request) => request.url.endsWith('/auth/invitation'));
    expect(asked?.headers.get('x-link-token')).toBe(TOKEN);
    expect(app.messageErrors).toEqual([]);
  });

  it('put the password policy’s refusal at the field, in the reader’s language', async () => {
    renderApp(`/invitation#token=${TOKEN}`, {
      locale: 'fr',
      authentication: fakeAuthentication(null),
      ledger: {
        '/auth/invitation': HOLDER,
        '/auth/invitation/acceptance': refusal(
          'This password is among the most common ones: choose another',
        ),
      },
    });
    await userEvent.type(await screen.findByLabelText('Nouveau mot de passe'), 'password1234');
    await userEvent.click(
      screen.getByRole('button', { name: 'Définir mon mot de passe et me connecter' }),
    );
    const field = await screen.findByLabelText('Nouveau mot de passe');
    await screen.findByText(
      'Ce mot de passe fait partie des plus courants : choisissez-en un autre.',
    );
    expect(field.getAttribute('aria-invalid')).toBe('true');
  });

  it('say when a link is used up or unknown', async () => {
    renderApp(`/password-reset#token=${TOKEN}`, {
      locale: 'en',
      authentication: fakeAuthentication(null),
    });
    expect((await screen.findByRole('alert')).textContent).toContain(
      'This link is unknown, already used or expired.',
    );
  });
});
