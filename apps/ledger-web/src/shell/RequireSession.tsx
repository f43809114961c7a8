import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../auth/SessionProvider';
import { useT } from '../i18n/use-t';

/** Pages for signed-in people: anyone else is sent to sign in, and brought back after. */
export function RequireSession({ children }: { readonly children: ReactNode }) {
  const { state } = useSession();
  const location = useLocation();
  const t = useT();
  if (state.status === 'loading') {
    return (
      <p role="status" className="loading">
        {t('state.loading')}
      </p>
    );
  }
  if (state.status === 'signed-out') {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}
