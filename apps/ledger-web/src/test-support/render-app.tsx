import { render } from '@testing-library/react';
import { RouterProvider, createMemoryRouter } from 'react-router';
import { LedgerClientProvider } from '../api/LedgerClientProvider';
import { createLedgerClient } from '../api/client';
import { ROUTES } from '../app/routes';
import { SessionProvider } from '../auth/SessionProvider';
import type { Authentication, Session, SignInMethods } from '../auth/session';
import { I18nProvider } from '../i18n/I18nProvider';
import type { Locale } from '../i18n/locale';
import type { MessageKey } from '../i18n/messages';

/** Answers of the fake ledger, by path (`/partnerships`): JSON with status 200, or a Response. */
export type FakeLedger = Record<string, unknown>;

export interface AppUnderTest {
  /** Every message react-intl could not find or format: a test expects none. */
  readonly messageErrors: string[];
  readonly requests: Request[];
  readonly router: ReturnType<typeof createMemoryRouter>;
}

/** A stand-in for the sign-in routes: who is signed in, and what sign-in answers. */
export function fakeAuthentication(
  session: Session | null,
  signIn: Authentication['signIn'] = () => Promise.resolve({ kind: 'refused' }),
  methods: SignInMethods = {
    password: true,
    passkeys: true,
    oidc: { enabled: false, displayName: '' },
  },
): Authentication {
  let current = session;
  return {
    currentSession: () => Promise.resolve(current),
    signIn: async (email, password) => {
      const outcome = await signIn(email, password);
      if (outcome.kind === 'signed-in') current = outcome.session;
      return outcome;
    },
    signInWithPasskey: () => Promise.resolve({ kind: 'refused' }),
    methods: () => Promise.resolve(methods),
    signOut: () => {
      current = null;
      return Promise.resolve();
    },
    signOutEverywhere: () => {
      current = null;
      return Promise.resolve();
    },
  };
}

/** The whole app (routes, providers) at `path`, over a fake ledger and a fake sign-in. */
export function renderApp(
  path: string,
  {
    locale,
    authentication,
    ledger = {},
    messages,
  }: {
    readonly locale: Locale;
    readonly authentication: Authentication;
    readonly ledger?: FakeLedger;
    readonly messages?: Record<MessageKey, string>;
  },
): AppUnderTest {
  const messageErrors: string[] = [];
  const requests: Request[] = [];
  const client = createLedgerClient('http://ledger.test', (request) => {
    requests.push(request);
    const answer = ledger[new URL(request.url).pathname];
    return Promise.resolve(
      answer === undefined
        ? Response.json({ status: 404, title: 'Not Found' }, { status: 404 })
        : answer instanceof Response
          ? answer.clone()
          : Response.json(answer),
    );
  });
  const router = createMemoryRouter(ROUTES, { initialEntries: [path] });
  render(
    <I18nProvider
      locale={locale}
      onMessageError={(error) => messageErrors.push(error.message)}
      {...(messages ? { messages } : {})}
    >
      <LedgerClientProvider client={client}>
        <SessionProvider authentication={authentication}>
          <RouterProvider router={router} />
        </SessionProvider>
      </LedgerClientProvider>
    </I18nProvider>,
  );
  return { messageErrors, requests, router };
}
