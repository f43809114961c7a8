import { type ReactNode, createContext, useCallback, useContext, useEffect, useState } from 'react';
import { useLedgerClient } from '../api/LedgerClientProvider';
import { type Authentication, type Session, ledgerAuthentication } from './session';

export type SessionState =
  | { readonly status: 'loading' }
  | { readonly status: 'signed-out' }
  | { readonly status: 'signed-in'; readonly session: Session };

interface SessionContextValue {
  readonly state: SessionState;
  readonly authentication: Authentication;
  /** After signing in or out: asks the ledger who is signed in now. */
  readonly refresh: () => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

/** Who is signed in, for every page; the ledger's own sign-in unless a test hands in another. */
export function SessionProvider({
  children,
  authentication: given,
}: {
  readonly children: ReactNode;
  readonly authentication?: Authentication;
}) {
  const client = useLedgerClient();
  const [authentication] = useState(() => given ?? ledgerAuthentication(client));
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const refresh = useCallback(async () => {
    const session = await authentication.currentSession().catch(() => null);
    setState(session ? { status: 'signed-in', session } : { status: 'signed-out' });
  }, [authentication]);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return (
    <SessionContext.Provider value={{ state, authentication, refresh }}>
      {children}
    </SessionContext.Provider>
  );
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in session, on a page only signed-in people reach (see RequireSession). */
export function useSignedIn(): Session {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useSignedIn outside RequireSession');
  return state.session;
}
