import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../auth/session';
import { fakeAuthentication, renderApp } from '../../test-support/render-app';

const AUDITOR: Session = {
  personId: 'ines',
  displayName: 'Inès',
  email: 'ines@cour-des-comptes.example',
  partnerId: null,
  roles: ['auditor'],
  csrfToken: 'csrf',
  method: 'password',
  signedInAt: '2026-12-01T09:00:00.000Z',
  expiresAt: '2026-12-01T21:00:00.000Z',
  timeZone: 'Europe/Paris',
};

describe('the People page', () => {
  it('shows an erased person’s name and e-mail address as erased, on which day', async () => {
    renderApp('/admin/people', {
      locale: 'fr',
      authentication: fakeAuthentication(AUDITOR),
      ledger: {
        '/partnerships': { items: [], next: null },
        '/people': {
          items: [
            {
              personId: 'sam',
              displayName: '[erased 2026-12-02]',
              email: '[erased 2026-12-02]',
              partnerId: null,
              roles: [],
              status: 'removed',
              identityProviderSubject: null,
              invitedAt: '2026-11-02T09:00:00.000Z',
              invitedBy: 'camille',
              updatedAt: '2026-12-02T09:00:00.000Z',
            },
          ],
          next: null,
        },
      },
    });
    const table = await screen.findByRole('table', { name: 'Personnes de l’annuaire' });
    const erased = within(table).getAllByTitle('[erased 2026-12-02]');
    expect(erased.map((cell) => cell.textContent)).toEqual([
      'effacé le 2 décembre 2026',
      'effacé le 2 décembre 2026',
    ]);
  });
});
