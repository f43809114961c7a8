import { useCallback, useState } from 'react';

/**
 * One Idempotency-Key per form instance: a double click, or a retry after a lost answer, sends the
 * same key, so the ledger records the command once. A new key is drawn only once the command has
 * been recorded (`renew`), for the next submission of the same form.
 */
export function useIdempotencyKey(): { readonly key: string; readonly renew: () => void } {
  const [key, setKey] = useState(() => crypto.randomUUID());
  const renew = useCallback(() => setKey(crypto.randomUUID()), []);
  return { key, renew };
}
