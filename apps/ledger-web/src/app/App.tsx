import { useState } from 'react';
import { RouterProvider, createBrowserRouter } from 'react-router';
import { LedgerClientProvider } from '../api/LedgerClientProvider';
import { SessionProvider } from '../auth/SessionProvider';
import { I18nProvider } from '../i18n/I18nProvider';
import { APP_BASENAME, ROUTES } from './routes';

export function App() {
  const [router] = useState(() => createBrowserRouter(ROUTES, { basename: APP_BASENAME }));
  return (
    <I18nProvider>
      <LedgerClientProvider>
        <SessionProvider>
          <RouterProvider router={router} />
        </SessionProvider>
      </LedgerClientProvider>
    </I18nProvider>
  );
}
