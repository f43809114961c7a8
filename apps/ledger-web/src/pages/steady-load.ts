import { useEffect, useState } from 'react';
import type { Loaded } from '../api/use-load';

/**
 * What was loaded, kept on screen while it loads again (after a command): the forms stay where
 * they were, with their outcome and the keyboard focus, and the new data replaces the old.
 */
export function useSteadyLoad<T>(loaded: Loaded<T>): Loaded<T> {
  const [last, setLast] = useState<Loaded<T>>(loaded);
  useEffect(() => {
    if (loaded.status !== 'loading') setLast(loaded);
  }, [loaded]);
  return loaded.status === 'loading' && last.status === 'loaded' ? last : loaded;
}
