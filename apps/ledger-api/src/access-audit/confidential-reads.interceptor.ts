import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { mergeMap, type Observable } from 'rxjs';
import { AccessRecorder } from '@cohesion/application';
import { accessAttemptOf } from './access-attempt';
import { confidentialConflictOf } from './confidential-routes';

/**
 * Records every successful read of a confidential conflict case as `AccessGranted`, before the
 * answer leaves (refused reads are recorded by the denial observer).
 */
@Injectable()
export class ConfidentialReadsInterceptor implements NestInterceptor {
  constructor(private readonly recorder: AccessRecorder) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const conflictId = confidentialConflictOf(request);
    if (conflictId === undefined) return next.handle();
    return next.handle().pipe(
      mergeMap(async (body: unknown) => {
        await this.recorder.record(accessAttemptOf(request), {
          type: 'AccessGranted',
          status: http.getResponse<Response>().statusCode,
          reason: 'read of a confidential conflict case',
          conflictId,
        });
        return body;
      }),
    );
  }
}
