import en from './en.json';
import fr from './fr.json';
import type { Locale } from './locale';

/** Every key the app may render; the English catalogue is the reference, French must match it. */
export type MessageKey = keyof typeof en;

export const CATALOGUES: Record<Locale, Record<MessageKey, string>> = { en, fr };
