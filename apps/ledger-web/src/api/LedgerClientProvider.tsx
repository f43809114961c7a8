import { type ReactNode, createContext, useContext, useState } from 'react';
import { type LedgerClient, createLedgerClient } from './client';

const LedgerClientContext = createContext<LedgerClient | null>(null);

/** The app's one API client; tests hand in one whose fetch they control. */
export function LedgerClientProvider({
  children,
  client,
}: {
  readonly children: ReactNode;
  readonly client?: LedgerClient;
}) {
  const [value] = useState(() => client ?? createLedgerClient());
  return <LedgerClientContext.Provider value={value}>{children}</LedgerClientContext.Provider>;
}

export function useLedgerClient(): LedgerClient {
  const client = useContext(LedgerClientContext);
  if (!client) throw new Error('useLedgerClient outside LedgerClientProvider');
  return client;
}
