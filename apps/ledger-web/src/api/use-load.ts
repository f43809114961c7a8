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
 * newer one (the page moved on). Network failures become a problem with status 0. A reload
 * (`reloadVersion` from useReload) keeps what is shown until the new answer replaces it, so the
 * form that caused it, and what it announced, stay on screen.
 */
export function useLoad<T>(
  load: (client: LedgerClient) => Promise<T>,
  dependencies: DependencyList,
  reloadVersion = 0,
): Loaded<T> {
  const client = useLedgerClient();
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const shownVersion = useRef(reloadVersion);
  useEffect(() => {
    let current = true;
    const reloading = shownVersion.current !== reloadVersion;
    shownVersion.current = reloadVersion;
    if (!reloading) setState({ status: 'loading' });
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
  }, [client, reloadVersion, ...dependencies]);
  return state;
}

/**
 * A page's reload: its version is useLoad's `reloadVersion`, and `reload` (after a command is
 * recorded) loads the page again. Commands answer once the read models include them.
 */
export function useReload(): readonly [number, () => void] {
  const [version, setVersion] = useState(0);
  return [version, () => setVersion((current) => current + 1)];
}
