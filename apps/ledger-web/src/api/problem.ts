/** An RFC 9457 problem as the ledger answers it (application/problem+json). */
export interface Problem {
  readonly type?: string;
  readonly title?: string;
  readonly status: number;
  readonly detail?: string;
  /** 400: every reason, each starting with the property it is about. */
  readonly errors?: readonly string[];
  /** 422: the domain rule that refused the command (also the last segment of `type`). */
  readonly rule?: string;
}

/** A problem split into what belongs next to a field and what belongs at the top of the form. */
export interface FieldProblems {
  readonly fields: Readonly<Record<string, readonly string[]>>;
  readonly general: readonly string[];
  /**
   * Why the ledger refused, when it names a reason the app may explain in the reader's language:
   * a 422's rule, or a 409's problem type (`concurrency-conflict`, `idempotency-key-reused`).
   */
  readonly rule?: string;
}

export function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { status?: unknown }).status === 'number'
  );
}

/**
 * Maps a problem onto a form: a 400 reason such as `quantity must be a positive number` (or
 * `beneficiary.partnerId must …`) goes to the field it starts with when the form has one, anything
 * else (a 422 rule, a 409, a reason about a field the form does not show) to the top.
 */
export function problemToFields(problem: Problem, formFields: readonly string[]): FieldProblems {
  const fields: Record<string, string[]> = {};
  const general: string[] = [];
  for (const reason of problem.errors ?? []) {
    const property = /^([A-Za-z_$][\w$]*(?:\.[\w$]+)*)\s/.exec(reason)?.[1];
    const field = property && matchingField(property, formFields);
    if (field) (fields[field] ??= []).push(reason);
    else general.push(reason);
  }
  if (!problem.errors?.length)
    general.push(problem.detail ?? problem.title ?? String(problem.status));
  const rule = refusalOf(problem);
  return { fields, general, ...(rule ? { rule } : {}) };
}

/** A 409 names no rule, but its type's last segment is as stable (`urn:…:problem:<slug>`). */
function refusalOf({ rule, status, type }: Problem): string | undefined {
  if (rule) return rule;
  return status === 409 ? type?.split(':').pop() : undefined;
}

/** `beneficiary.partnerId` belongs to that field, else to `beneficiary` when the form has it. */
function matchingField(property: string, formFields: readonly string[]): string | undefined {
  for (let path = property; path; path = path.slice(0, Math.max(0, path.lastIndexOf('.')))) {
    if (formFields.includes(path)) return path;
  }
  return undefined;
}
