import { useCallback, useRef, useState } from 'react';
import { useIdempotencyKey } from './idempotency';
import { type FieldProblems, isProblem, problemToFields } from './problem';

/** What openapi-fetch answers for a command. */
export interface CommandAnswer {
  readonly data?: unknown;
  readonly error?: unknown;
  readonly response: Response;
}

export type CommandOutcome =
  | { readonly kind: 'recorded'; readonly data: unknown }
  | { readonly kind: 'refused'; readonly problems: FieldProblems }
  /** No answer came back: the command may or may not be recorded; the same key retries it safely. */
  | { readonly kind: 'unanswered' };

/** What a command's request carries besides its body: the form's Idempotency-Key. */
export interface CommandInit {
  readonly headers: { readonly 'Idempotency-Key': string };
}

export interface Command {
  /** Sends the command once at a time, with this form's Idempotency-Key. */
  readonly run: (send: (init: CommandInit) => Promise<CommandAnswer>) => Promise<CommandOutcome>;
  readonly submitting: boolean;
  readonly outcome: CommandOutcome | null;
}

/**
 * A form's command: a double click sends nothing twice (a submission in flight ignores the next,
 * and both would carry the same Idempotency-Key anyway), the API's problem is mapped onto the
 * form's fields, and a new key is drawn once the ledger has answered — recorded or refused — so
 * the next submission is a new command. After no answer at all, the key stays: resubmitting is a
 * safe retry of the same command.
 */
export function useCommand(formFields: readonly string[]): Command {
  const { key, renew } = useIdempotencyKey();
  const inFlight = useRef<Promise<CommandOutcome> | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [outcome, setOutcome] = useState<CommandOutcome | null>(null);

  const run = useCallback<Command['run']>(
    (send) => {
      if (inFlight.current) return inFlight.current;
      setSubmitting(true);
      const attempt = send({ headers: { 'Idempotency-Key': key } })
        .then(({ data, error, response }): CommandOutcome => {
          renew();
          if (response.ok) return { kind: 'recorded', data };
          const problem = isProblem(error) ? error : { status: response.status };
          return { kind: 'refused', problems: problemToFields(problem, formFields) };
        })
        .catch((): CommandOutcome => ({ kind: 'unanswered' }))
        .then((result) => {
          inFlight.current = null;
          setSubmitting(false);
          setOutcome(result);
          return result;
        });
      inFlight.current = attempt;
      return attempt;
    },
    [key, renew, formFields],
  );
  return { run, submitting, outcome };
}
