import { type DependencyList, useEffect, useRef, useState } from 'react';
import { type Problem, isProblem } from './problem';
import type { LedgerClient } from './client';
import { useLedgerClient } from './LedgerClientProvider';

export type Loaded<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'loaded'; readonly data: T }
  | { readonly status: 'failed'; readonly problem: Problem };

/** What openapi-fetch answers: the body on success, the problem otherwise. */
interface FetchAnswer<T> {
  readonly data?: T;
  readonly error?: unknown;
  readonly response: Response;
}

export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
  }
}

/** The body of a successful answer, or a ProblemError carrying the API's problem+json. */
export function unwrap<T>({ data, error, response }: FetchAnswer<T>): T {
  if (response.ok && data !== undefined) return data;
  throw new ProblemError(isProblem(error) ? error : { status: response.status });
}

/**
 * Loads what a page shows, again when `dependencies` change; a later answer never overwrites a
 * newer one (the page moved on). Network failures become a problem with status 0.
 */
export function useLoad<T>(
  load: (client: LedgerClient) => Promise<T>,
  dependencies: DependencyList,
): Loaded<T> {
  const client = useLedgerClient();
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    load(client).then(
      (data) => current && setState({ status: 'loaded', data }),
      (error: unknown) =>
        current &&
        setState({
          status: 'failed',
          problem: error instanceof ProblemError ? error.problem : { status: 0 },
        }),
    );
    return () => {
      current = false;
    };
    // The caller lists what its loader depends on, as with useEffect.
  }, [client, ...dependencies]);
  return state;
}

/**
 * A page's reload: its version goes in useLoad's dependencies, and `reload` (after a command is
 * recorded) loads the page again. Commands answer once the read models include them.
 */
export function useReload(): readonly [number, () => void] {
  const [version, setVersion] = useState(0);
  return [version, () => setVersion((current) => current + 1)];
}

/**
 * While a page loads again after a command, what it had for the same `scope` (a partnership):
 * its forms stay on screen, with their "recorded" status and the focus, until the new data
 * replaces it. Another scope's data is never shown for this one.
 */
export function useKeptWhileReloading<T>(loaded: Loaded<T>, scope: string): Loaded<T> {
  const last = useRef<{ readonly scope: string; readonly loaded: Loaded<T> } | null>(null);
  useEffect(() => {
    if (loaded.status === 'loaded') last.current = { scope, loaded };
  }, [loaded, scope]);
  const kept = last.current;
  return loaded.status === 'loading' && kept?.scope === scope ? kept.loaded : loaded;
}
