import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import type { PrimitiveType } from 'intl-messageformat';
import type { MessageKey } from './messages';

export type MessageValues = Record<string, PrimitiveType>;
export type Translate = (key: MessageKey, values?: MessageValues) => string;

/** The one way components get text: a catalogue key (checked by the compiler) and ICU values. */
export function useT(): Translate {
  const intl = useIntl();
  return useCallback((key, values) => intl.formatMessage({ id: key }, values), [intl]);
}
