import type { Request } from 'express';
import type { ProblemDetails } from './problem-details';

/**
 * Told of every problem the API is about to answer, before it leaves (the access audit records
 * refusals this way, whatever part of the request pipeline refused), with the exception it
 * answers. Returns `undefined` when the problem does not concern it, so that other answers are
 * not delayed; a returned promise is awaited and must not reject (a rejection is logged and the
 * answer still leaves).
 */
export interface ProblemObserver {
  problemAnswered(
    problem: ProblemDetails,
    request: Request,
    exception: unknown,
  ): Promise<void> | undefined;
}

export const PROBLEM_OBSERVER = Symbol('PROBLEM_OBSERVER');
