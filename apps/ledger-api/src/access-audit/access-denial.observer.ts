import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { ProblemDetails } from '../problem/problem-details';
import type { ProblemObserver } from '../problem/problem-observer';
import { AccessRecorder } from '@cohesion/application';
import { accessAttemptOf } from './access-attempt';
import { confidentialConflictOf } from './confidential-routes';

const REFUSALS = new Set([401, 403]);

/**
 * Records every refused request as `AccessDenied`, whichever guard or handler refused it: 401 and
 * 403 anywhere, and a 404 on a confidential conflict case, since authorization answers 404 there
 * so as not to reveal that a case exists (a case that truly does not exist is a probe worth
 * auditing just the same).
 */
@Injectable()
export class AccessDenialObserver implements ProblemObserver {
  constructor(private readonly recorder: AccessRecorder) {}

  problemAnswered(problem: ProblemDetails, request: Request): Promise<void> | undefined {
    const conflictId = confidentialConflictOf(request);
    const refused =
      REFUSALS.has(problem.status) || (problem.status === 404 && conflictId !== undefined);
    if (!refused) return undefined;
    const slug = problem.type.split(':').pop() ?? 'denied';
    return this.recorder.record(accessAttemptOf(request), {
      type: 'AccessDenied',
      status: problem.status,
      reason: problem.detail ? `${slug}: ${problem.detail}` : slug,
      conflictId: conflictId ?? null,
    });
  }
}
