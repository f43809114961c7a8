/** Base of every error a decider throws; `code` is stable and names the rule (a problem type slug). */
export abstract class DomainError extends Error {
  abstract readonly code: string;
}

/** The command addresses an aggregate that was never created. Maps to 404. */
export class AggregateNotFound extends DomainError {
  override readonly name = 'AggregateNotFound';
  readonly code = 'not-found';
  constructor(
    readonly aggregate: string,
    readonly id: string,
  ) {
    super(`${aggregate} ${id} does not exist`);
  }
}

/** The command would break a domain rule. Maps to 422 with `code` as its problem type. */
export class RuleViolation<Rule extends string = string> extends DomainError {
  override readonly name = 'RuleViolation';
  constructor(
    readonly code: Rule,
    message: string,
  ) {
    super(message);
  }
}
