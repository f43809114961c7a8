import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Commitment } from '../../api/types';
import type { Session } from '../../auth/session';
import { fakeAuthentication, renderApp } from '../../test-support/render-app';
import { YOUTH_PARTNERSHIP } from '../../test-support/youth-partnership';

const NADIA: Session = {
  personId: 'nadia',
  displayName: 'Nadia Benali',
  email: 'nadia@maison.example',
  partnerId: 'maison-quartier',
  roles: ['partner'],
  csrfToken: 'csrf',
  method: 'password',
  signedInAt: '2026-12-01T09:00:00.000Z',
  expiresAt: '2026-12-01T21:00:00.000Z',
  timeZone: 'Europe/Paris',
};

const TERMS = {
  backfilled: false,
  backfillReason: null,
  what: 'Quatre mercredis de soutien scolaire',
  dueDate: '2026-12-31',
  unit: 'hours',
  recordedAt: '2026-11-01T09:00:00.000Z',
  effectiveDate: '2026-11-01',
};

function commitmentAt(termsVersion: number, quantity: number): Commitment {
  return {
    ...TERMS,
    commitmentId: 'tutoring',
    position: 4,
    partnershipId: 'youth',
    partnerId: 'maison-quartier',
    objectiveId: null,
    beneficiary: { kind: 'group', name: 'Collégiens des Tilleuls' },
    kind: 'volunteer_time',
    quantity,
    termsVersion,
    status: 'accepted',
    confirmedQuantity: 0,
    acceptedBy: 'city',
    madeAt: '2026-11-01T09:00:00.000Z',
    madeOn: '2026-11-01',
    endedAt: null,
    endedOn: null,
    endReason: null,
    deliveredOn: null,
    fulfilledOnTime: null,
    overdue: false,
    claims: { pending: 0, confirmed: 0, disputed: 0 },
    termsHistory: [{ ...TERMS, version: 1, quantity: 40, amendedBy: null, reason: null }],
    evidence: [],
    statusHistory: [],
  };
}

describe('amending a commitment’s terms', () => {
  it('keeps saying “Recorded.” once the page shows the new terms, its fields starting from them', async () => {
    const amended = { recorded: false };
    const ledger = {
      '/partnerships/youth': YOUTH_PARTNERSHIP,
      get '/commitments/tutoring'() {
        return amended.recorded ? commitmentAt(2, 30) : commitmentAt(1, 40);
      },
      get '/commitments/tutoring/terms'() {
        amended.recorded = true;
        return { id: 'tutoring', stream: 'commitment-tutoring', events: ['CommitmentAmended'] };
      },
    };
    const app = renderApp('/partnerships/youth/commitments/tutoring', {
      locale: 'en',
      ledger,
      authentication: fakeAuthentication(NADIA),
    });
    const amend = await screen.findByRole('form', { name: 'Change the terms' });
    const quantity = within(amend).getByLabelText('Quantity');
    expect(quantity).toHaveProperty('value', '40');
    await userEvent.clear(quantity);
    await userEvent.type(quantity, '30');
    await userEvent.type(within(amend).getByLabelText('Why', { exact: true }), 'Two fewer');
    await userEvent.click(within(amend).getByRole('button', { name: 'Record the new terms' }));

    // Loaded again: the form was emptied (back to version 1's 40), then shows version 2's 30.
    await waitFor(() =>
      expect(
        app.requests.filter((request) => request.url.endsWith('/commitments/tutoring')),
      ).toHaveLength(2),
    );
    await waitFor(() =>
      expect(within(amend).getByLabelText('Quantity')).toHaveProperty('value', '30'),
    );
    expect(within(amend).getByLabelText('Why', { exact: true })).toHaveProperty('value', '');
    expect(within(amend).getByRole('status').textContent).toBe('Recorded.');
    expect(app.messageErrors).toEqual([]);
  });
});
