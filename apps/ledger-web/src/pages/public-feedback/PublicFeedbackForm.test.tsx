import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeAuthentication, renderApp } from '../../test-support/render-app';

const FORM_PATH = '/partnerships/youth/public-feedback';
/** The fake ledger answers by path: the form for the GET, and any 200 is a received POST. */
const LEDGER = {
  [FORM_PATH]: {
    partnershipId: 'youth',
    name: 'Youth empowerment',
    accepting: true,
    formToken: '1764669600000.signature',
    minimumFillSeconds: 0,
  },
};

async function sentFeedback(consentGiven: boolean) {
  const user = userEvent.setup();
  const app = renderApp('/p/youth/feedback', {
    locale: 'en',
    authentication: fakeAuthentication(null),
    ledger: LEDGER,
  });
  await user.type(await screen.findByLabelText('Your feedback'), 'More evening sessions, please.');
  await user.click(screen.getByRole('radio', { name: '4' }));
  await user.click(screen.getByLabelText('I agree to be contacted about my feedback'));
  await user.type(screen.getByLabelText('E-mail address'), 'parent@example.org');
  if (!consentGiven) {
    await user.click(screen.getByLabelText('I agree to be contacted about my feedback'));
  }
  await user.click(screen.getByRole('button', { name: 'Send my feedback' }));
  await screen.findByRole('heading', { name: 'Thank you' });
  expect(app.messageErrors).toEqual([]);
  const post = app.requests.find((request) => request.method === 'POST');
  return (await post?.json()) as Record<string, unknown>;
}

describe('the public feedback form', () => {
  it('sends the contact, and the consent, when the person agreed to be contacted', async () => {
    expect(await sentFeedback(true)).toEqual({
      formToken: LEDGER[FORM_PATH].formToken,
      text: 'More evening sessions, please.',
      rating: 4,
      consent: true,
      contact: { email: 'parent@example.org' },
      website: '',
    });
  });

  it('sends no contact once the consent is withdrawn, even if one was typed', async () => {
    const withdrawn = await sentFeedback(false);
    expect(withdrawn).not.toHaveProperty('contact');
    expect(withdrawn).not.toHaveProperty('consent');
    expect(withdrawn.text).toBe('More evening sessions, please.');
  });

  it('hides the robots’ trap from people, assistive technology and the keyboard', async () => {
    renderApp('/p/youth/feedback', {
      locale: 'en',
      authentication: fakeAuthentication(null),
      ledger: LEDGER,
    });
    await screen.findByLabelText('Your feedback');
    expect(screen.queryByRole('textbox', { name: 'Leave this field empty' })).toBeNull();
    const trap = screen.getByLabelText('Leave this field empty');
    expect(trap.tabIndex).toBe(-1);
    expect(trap.closest('[aria-hidden="true"]')).not.toBeNull();
  });
});
