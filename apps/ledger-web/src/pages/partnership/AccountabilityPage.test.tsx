import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../auth/session';
import { dayIn } from '../../kit/dates';
import { fakeAuthentication, renderApp } from '../../test-support/render-app';
import { YOUTH_PARTNERSHIP } from '../../test-support/youth-partnership';

/** A zone whose day, now, is not the machine's: one of the two ends of the world's offsets. */
const browserDay = dayIn(Intl.DateTimeFormat().resolvedOptions().timeZone);
const LEDGER_ZONE = ['Etc/GMT+12', 'Etc/GMT-14'].find((zone) => dayIn(zone) !== browserDay) ?? '';

const LOUIS: Session = {
  personId: 'louis',
  displayName: 'Louis Martin',
  email: 'louis@college.example',
  partnerId: 'college',
  roles: ['partner'],
  csrfToken: 'csrf',
  method: 'password',
  signedInAt: '2026-12-01T09:00:00.000Z',
  expiresAt: '2026-12-01T21:00:00.000Z',
  timeZone: LEDGER_ZONE,
};

const SUMMARY = {
  made: 0,
  open: 0,
  fulfilled: 0,
  closedPartial: 0,
  released: 0,
  withdrawn: 0,
  overdue: 0,
  fulfilledOnTime: 0,
  fulfilmentRate: null,
  onTimeRate: null,
};

const ledger = {
  '/partnerships/youth': YOUTH_PARTNERSHIP,
  '/partnerships/youth/accountability': {
    partnershipId: 'youth',
    name: 'Youth empowerment',
    asOf: dayIn(LEDGER_ZONE),
    kind: null,
    summary: SUMMARY,
    partners: [],
    next: null,
  },
};

const accountabilityAsked = (requests: readonly Request[]) =>
  requests
    .map((request) => new URL(request.url))
    .filter((url) => url.pathname === '/partnerships/youth/accountability');

describe('the accountability page', () => {
  it('reads the present (no day sent) and shows today where the ledger is, not the browser’s', async () => {
    expect(LEDGER_ZONE).not.toBe('');
    const app = renderApp('/partnerships/youth/accountability', {
      locale: 'en',
      ledger,
      authentication: fakeAuthentication(LOUIS),
    });
    await screen.findByRole('heading', { name: 'Make a commitment' });
    const [asked] = accountabilityAsked(app.requests);
    expect(asked?.searchParams.has('asOf')).toBe(false);
    expect(screen.getByLabelText('As of')).toHaveProperty('value', dayIn(LEDGER_ZONE));
    expect(app.messageErrors).toEqual([]);
  });

  it('asks for the day the reader chose', async () => {
    const app = renderApp('/partnerships/youth/accountability?asOf=2026-06-30', {
      locale: 'en',
      ledger,
      authentication: fakeAuthentication(LOUIS),
    });
    await waitFor(() => expect(accountabilityAsked(app.requests)).toHaveLength(1));
    expect(accountabilityAsked(app.requests)[0]?.searchParams.get('asOf')).toBe('2026-06-30');
    expect(await screen.findByLabelText('As of')).toHaveProperty('value', '2026-06-30');
  });
});
