import { type FieldProblems, isProblem, problemToFields } from '../../api/problem';

/** What openapi-fetch answers. */
interface Answer<T> {
  readonly data?: T;
  readonly error?: unknown;
  readonly response: Response;
}

export type Sent<T> =
  | { readonly ok: true; readonly data: T }
  | { readonly ok: false; readonly problems: FieldProblems };

/** Each action is one command: the key makes a retry of it safe, never a second one. */
export const commandHeaders = () => ({ 'Idempotency-Key': crypto.randomUUID() });

/** A command's answer: its document, or the problem mapped onto the form's `fields`. */
export async function sent<T>(
  answer: Promise<Answer<T>>,
  fields: readonly string[] = [],
): Promise<Sent<T>> {
  const { data, error, response } = await answer.catch(() => ({
    data: undefined,
    error: { status: 0, detail: 'offline' },
    response: Response.error(),
  }));
  if (response.ok && data !== undefined) return { ok: true, data };
  const problem = isProblem(error) ? error : { status: response.status };
  return { ok: false, problems: problemToFields(problem, fields) };
}
