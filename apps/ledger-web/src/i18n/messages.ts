import en from './en.json';
import fr from './fr.json';
import type { Locale } from './locale';

/** Every key the app may render; the English catalogue is the reference, French must match it. */
export type MessageKey = keyof typeof en;

export const CATALOGUES: Record<Locale, Record<MessageKey, string>> = { en, fr };

/** Whether a key that arrives at run time (such as `rule.<code>` from the ledger) has a message. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(CATALOGUES.en, key);
}
