import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../../auth/session';
import { fakeAuthentication, renderApp } from '../../../test-support/render-app';

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
  '/partnerships/youth': {
    partnershipId: 'youth',
    name: 'Youth empowerment',
    purpose: 'Reduce school dropout',
    territory: 'Northside',
    neighbourhoods: ['Les Tilleuls'],
    status: 'founded',
    statusReason: null,
    defaultValuationPolicyId: null,
    foundedOn: '2026-12-01',
    revision: '0',
    partners: [],
    formerPartners: [],
    objectives: [],
  },
  '/partnerships/youth/meetings': { items: [], next: null },
  '/valuation-policies': { items: [], next: null },
  '/partnerships/youth/partners': Response.json(
    { id: 'association-sos-jeunes', stream: 'partnership-youth', events: ['PartnerJoined'] },
    { status: 201 },
  ),
};

describe('a partnership’s Manage page', () => {
  it('admits a partner, its id made from its name, once, and loads the partnership again', async () => {
    const app = renderApp('/partnerships/youth/manage', {
      locale: 'en',
      ledger: LEDGER,
      authentication: fakeAuthentication(CAMILLE),
    });
    await screen.findByRole('heading', { level: 1, name: 'Manage the partnership' });
    await userEvent.type(
      screen.getByLabelText('Name of the organisation or group'),
      'Association « SOS Jeunes »',
    );
    await userEvent.selectOptions(screen.getByLabelText('Kind'), 'association');
    await userEvent.type(screen.getByLabelText('Role'), 'member');
    await userEvent.type(screen.getByLabelText('Responsibilities'), 'mentoring{Enter}tutoring');
    await userEvent.dblClick(screen.getByRole('button', { name: 'Admit the partner' }));
    await screen.findByText('Partner admitted.');

    const admissions = app.requests.filter((request) => request.method === 'POST');
    expect(admissions).toHaveLength(1);
    const [admission] = admissions;
    expect(new URL(admission?.url ?? '').pathname).toBe('/partnerships/youth/partners');
    expect(admission?.headers.get('Idempotency-Key')).toMatch(/^[\w-]{8,}$/);
    expect(await admission?.clone().json()).toEqual({
      partnerId: 'association-sos-jeunes',
      name: 'Association « SOS Jeunes »',
      kind: 'association',
      role: 'member',
      responsibilities: ['mentoring', 'tutoring'],
    });
    await waitFor(() =>
      expect(
        app.requests.filter((request) => new URL(request.url).pathname === '/partnerships/youth'),
      ).toHaveLength(2),
    );
  });

  it('is for administrators only: a partner sees neither the section nor its forms', async () => {
    renderApp('/partnerships/youth/manage', {
      locale: 'en',
      ledger: LEDGER,
      authentication: fakeAuthentication({ ...CAMILLE, roles: ['partner'], partnerId: 'sos' }),
    });
    await screen.findByText('Only administrators may use this page.');
    expect(screen.queryByRole('link', { name: 'Manage' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Admit the partner' })).toBeNull();
  });
});
