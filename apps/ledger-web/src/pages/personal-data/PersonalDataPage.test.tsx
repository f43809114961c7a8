import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../auth/session';
import { type FakeLedger, fakeAuthentication, renderApp } from '../../test-support/render-app';

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
const INES: Session = { ...CAMILLE, personId: 'ines', displayName: 'Inès', roles: ['auditor'] };

const person = (personId: string, displayName: string, email: string, status: string) => ({
  personId,
  displayName,
  email,
  partnerId: null,
  roles: [],
  status,
  identityProviderSubject: null,
  invitedAt: '2026-11-02T09:00:00.000Z',
  invitedBy: 'camille',
  updatedAt: '2026-11-30T09:00:00.000Z',
});
const step = (at: string, reason: string) => ({ by: 'camille', at, reason });

const LEDGER: FakeLedger = {
  '/erasures': {
    items: [
      {
        erasureId: 'e-ana',
        dataSubject: { kind: 'person', personId: 'ana' },
        subjects: ['ana'],
        status: 'requested',
        requested: step('2026-12-01T10:00:00.000Z', 'Letter of 28 November 2026'),
        carriedOut: null,
        declined: null,
      },
      {
        erasureId: 'e-sam',
        dataSubject: { kind: 'person', personId: 'sam' },
        subjects: ['sam'],
        status: 'carried_out',
        requested: step('2026-12-01T11:00:00.000Z', 'Asked at the front desk'),
        carriedOut: step('2026-12-02T09:00:00.000Z', 'Nothing to keep'),
        declined: null,
      },
      {
        erasureId: 'e-resident',
        dataSubject: { kind: 'resident', feedbackId: 'northside--childcare' },
        subjects: ['resident-northside--childcare', 'resident-northside--childcare-contact'],
        status: 'declined',
        requested: step('2026-12-01T12:00:00.000Z', 'E-mail of 30 November 2026'),
        carriedOut: null,
        declined: step('2026-12-02T10:00:00.000Z', 'Kept 10 years by law'),
      },
    ],
    next: null,
  },
  '/people': {
    items: [
      person('camille', 'Camille Martin', 'camille@montclair.example', 'active'),
      person('ana', 'Ana Lopes', 'ana@sos.example', 'removed'),
      person('sam', '[erased 2026-12-02]', '[erased 2026-12-02]', 'removed'),
    ],
    next: null,
  },
};

const recorded = (id: string) =>
  Response.json(
    { id, stream: `erasure-${id}`, revision: '1', position: '42', events: [] },
    { status: 201 },
  );

/** The commands the page sent: their paths and bodies, in order. */
const commandsOf = async (requests: readonly Request[]) =>
  Promise.all(
    requests
      .filter((request) => request.method === 'POST')
      .map(async (request) => ({
        path: new URL(request.url).pathname,
        key: request.headers.get('Idempotency-Key'),
        body: (await request.clone().json()) as unknown,
      })),
  );

describe('the Personal data page', () => {
  it('lists the erasure requests: whose, their status, who asked and answered, when and why', async () => {
    const app = renderApp('/admin/personal-data', {
      locale: 'en',
      ledger: LEDGER,
      authentication: fakeAuthentication(CAMILLE),
    });
    const table = await screen.findByRole('table', { name: 'Erasure requests' });
    const ana = within(table).getByRole('row', { name: /^Ana Lopes/ });
    expect(within(ana).getByText('Requested, awaiting an answer')).toBeTruthy();
    expect(within(ana).getByText(/By Camille Martin on/)).toBeTruthy();
    expect(within(ana).getByText(/Letter of 28 November 2026/)).toBeTruthy();

    const erased = within(table).getByText('erased on 2 December 2026');
    expect(erased.getAttribute('title')).toBe('[erased 2026-12-02]');
    const sam = within(table).getByRole('row', { name: /^erased on 2 December 2026/ });
    expect(within(sam).getByText('Carried out')).toBeTruthy();
    expect(within(sam).getByText(/Nothing to keep/)).toBeTruthy();

    const resident = within(table).getByRole('row', {
      name: /^The resident who gave feedback northside--childcare/,
    });
    expect(within(resident).getByText('Declined')).toBeTruthy();
    expect(within(resident).getByText(/Kept 10 years by law/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Personal data' })).toBeTruthy();
    expect(app.messageErrors).toEqual([]);
  });

  it('records a request for a person picked from the directory, then for a resident', async () => {
    const app = renderApp('/admin/personal-data', {
      locale: 'en',
      // The fake ledger answers by path: the POST gets the list, a 200, which is all the form needs.
      ledger: LEDGER,
      authentication: fakeAuthentication(CAMILLE),
    });
    const form = await screen.findByRole('region', { name: 'Record an erasure request' });
    expect(within(form).getByText(/No personal details/)).toBeTruthy();
    await userEvent.selectOptions(within(form).getByLabelText('Person'), 'Ana Lopes (Removed)');
    await userEvent.type(within(form).getByLabelText('Reason'), 'Letter of 28 November 2026');
    await userEvent.dblClick(within(form).getByRole('button', { name: 'Record the request' }));
    await within(form).findByText('Request recorded. Nothing is erased yet.');

    await userEvent.click(
      within(form).getByLabelText('A resident who gave feedback through the public form'),
    );
    expect(within(form).queryByLabelText('Person')).toBeNull();
    await userEvent.type(
      within(form).getByLabelText('Feedback identifier'),
      'northside--childcare',
    );
    const reason = within(form).getByLabelText('Reason');
    expect((reason as HTMLTextAreaElement).value).toBe('');
    // user-event keeps its own copy of what was typed, which form.reset() does not clear.
    await userEvent.clear(reason);
    await userEvent.type(reason, 'E-mail of 30 November 2026');
    await userEvent.click(within(form).getByRole('button', { name: 'Record the request' }));

    await waitFor(async () => expect(await commandsOf(app.requests)).toHaveLength(2));
    const [forPerson, forResident] = await commandsOf(app.requests);
    expect(forPerson).toEqual({
      path: '/erasures',
      key: expect.stringMatching(/^[\w-]{8,}$/) as unknown,
      body: {
        dataSubject: { kind: 'person', personId: 'ana' },
        reason: 'Letter of 28 November 2026',
      },
    });
    expect(forResident?.body).toEqual({
      dataSubject: { kind: 'resident', feedbackId: 'northside--childcare' },
      reason: 'E-mail of 30 November 2026',
    });
    expect(forResident?.key).not.toBe(forPerson?.key);
  });

  it('carries out a requested erasure, warning that it is for good, and declines one', async () => {
    const app = renderApp('/admin/personal-data', {
      locale: 'en',
      ledger: {
        ...LEDGER,
        '/erasures/e-ana/carrying-out': recorded('e-ana'),
        '/erasures/e-ana/declining': recorded('e-ana'),
      },
      authentication: fakeAuthentication(CAMILLE),
    });
    const answer = await screen.findByRole('region', {
      name: /^Erasure of Ana Lopes, requested on/,
    });
    expect(within(answer).getByText(/cannot be undone/).textContent).toMatch(
      /must first be removed from the directory/,
    );
    // Only the request awaiting an answer may be answered.
    expect(screen.getAllByRole('button', { name: 'Carry out the erasure, for good' })).toHaveLength(
      1,
    );

    const carryOut = within(answer).getByRole('form', {
      name: 'Carry out the erasure of Ana Lopes',
    });
    await userEvent.type(within(carryOut).getByLabelText(/Why it may be carried out/), 'Removed');
    await userEvent.click(
      within(carryOut).getByRole('button', { name: 'Carry out the erasure, for good' }),
    );
    await within(carryOut).findByText('Erasure carried out.');

    const decline = within(answer).getByRole('form', { name: 'Decline the erasure of Ana Lopes' });
    await userEvent.type(within(decline).getByLabelText(/Why it is declined/), 'Kept by law');
    await userEvent.click(within(decline).getByRole('button', { name: 'Decline' }));
    await within(decline).findByText('Request declined.');

    expect((await commandsOf(app.requests)).map(({ path, body }) => ({ path, body }))).toEqual([
      { path: '/erasures/e-ana/carrying-out', body: { reason: 'Removed' } },
      { path: '/erasures/e-ana/declining', body: { reason: 'Kept by law' } },
    ]);
    // Each answer loads the list again.
    await waitFor(() =>
      expect(
        app.requests.filter(
          (request) => request.method === 'GET' && new URL(request.url).pathname === '/erasures',
        ),
      ).toHaveLength(3),
    );
  });

  it('shows the ledger’s refusal in the reader’s language: a person still in the directory', async () => {
    const app = renderApp('/admin/personal-data', {
      locale: 'fr',
      ledger: {
        ...LEDGER,
        '/erasures/e-ana/carrying-out': Response.json(
          {
            type: 'urn:cohesion-ledger:problem:person-not-removed',
            title: 'Unprocessable Entity',
            status: 422,
            rule: 'person-not-removed',
            detail: 'Person ana must be removed from the directory before their erasure',
          },
          { status: 422 },
        ),
      },
      authentication: fakeAuthentication(CAMILLE),
    });
    const carryOut = await screen.findByRole('form', {
      name: 'Effectuer l’effacement de Ana Lopes',
    });
    await userEvent.type(within(carryOut).getByLabelText(/Pourquoi l’effacement/), 'Demande');
    await userEvent.click(
      within(carryOut).getByRole('button', { name: 'Effectuer l’effacement, définitivement' }),
    );
    const alert = await within(carryOut).findByRole('alert');
    expect(alert.textContent).toContain(
      'Retirez d’abord cette personne de l’annuaire : elle se connecte encore avec son adresse e-mail.',
    );
    expect(within(carryOut).queryByText('Effacement effectué.')).toBeNull();
    expect(app.messageErrors).toEqual([]);
  });

  it('lets an auditor read the requests, with no button to record or answer one', async () => {
    renderApp('/admin/personal-data', {
      locale: 'en',
      ledger: LEDGER,
      authentication: fakeAuthentication(INES),
    });
    await screen.findByRole('table', { name: 'Erasure requests' });
    expect(screen.getByRole('link', { name: 'Personal data' })).toBeTruthy();
    expect(
      screen.queryByRole('button', { name: /Carry out|Decline|Record the request/ }),
    ).toBeNull();
    expect(screen.queryByRole('region', { name: 'Requests awaiting an answer' })).toBeNull();
  });

  it('names people by their ids when the directory is not readable, and is not in a partner’s menu', async () => {
    const { '/people': _people, ...withoutDirectory } = LEDGER;
    renderApp('/admin/personal-data', {
      locale: 'en',
      ledger: withoutDirectory,
      authentication: fakeAuthentication({ ...CAMILLE, roles: ['partner'], partnerId: 'sos' }),
    });
    const table = await screen.findByRole('table', { name: 'Erasure requests' });
    expect(within(table).getByRole('row', { name: /^ana / })).toBeTruthy();
    // Three requests, two of them answered.
    expect(within(table).getAllByText(/By camille on/)).toHaveLength(5);
    expect(screen.queryByRole('link', { name: 'Personal data' })).toBeNull();
  });
});
