import { type ReactNode, createContext, useCallback, useContext, useEffect, useState } from 'react';
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

export function SessionProvider({
  children,
  authentication = ledgerAuthentication,
}: {
  readonly children: ReactNode;
  readonly authentication?: Authentication;
}) {
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
