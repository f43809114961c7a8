import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { AccessRecorder, AnonymousRefusals, isConcealing } from '@cohesion/application';
import type { ProblemDetails } from '../problem/problem-details';
import type { ProblemObserver } from '../problem/problem-observer';
import { accessAttemptOf } from './access-attempt';
import { confidentialConflictOf } from './confidential-routes';

const REFUSALS = new Set([401, 403]);

/**
 * Records every refused request as `AccessDenied`, whichever guard or handler refused it: 401 and
 * 403 anywhere, a 404 that conceals an object the principal may not see (another partnership's,
 * a confidential case), and any 404 on a confidential conflict case (a case that truly does not
 * exist is a probe worth auditing just the same). Refusals of requests without valid credentials
 * are counted per client and recorded once a minute (see `AnonymousRefusals`).
 */
@Injectable()
export class AccessDenialObserver implements ProblemObserver {
  constructor(
    private readonly recorder: AccessRecorder,
    private readonly anonymous: AnonymousRefusals,
  ) {}

  problemAnswered(
    problem: ProblemDetails,
    request: Request,
    exception: unknown,
  ): Promise<void> | undefined {
    const conflictId = confidentialConflictOf(request);
    const concealed = problem.status === 404 && isConcealing(exception);
    const refused =
      REFUSALS.has(problem.status) ||
      concealed ||
      (problem.status === 404 && conflictId !== undefined);
    if (!refused) return undefined;
    const slug = problem.type.split(':').pop() ?? 'denied';
    const why = concealed ? `${slug} (concealed)` : slug;
    const attempt = accessAttemptOf(request);
    const decision = {
      type: 'AccessDenied' as const,
      status: problem.status,
      reason: problem.detail ? `${why}: ${problem.detail}` : why,
      conflictId: conflictId ?? null,
    };
    if (attempt.principal === undefined) {
      this.anonymous.count(attempt, decision);
      return undefined;
    }
    return this.recorder.record(attempt, decision);
  }
}
