import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { mergeMap, type Observable } from 'rxjs';
import { type AccessDecision, AccessRecorder } from '@cohesion/application';
import { accessAttemptOf } from './access-attempt';
import { confidentialConflictOf, readsConflictCases } from './confidential-routes';

/**
 * Records every successful read of a confidential conflict case as `AccessGranted`, before the
 * answer leaves: a case, its replay or its stream; each case of a list of cases (a list shows
 * each case's summary and latest session notes); an export of the cases (one event: the file is
 * streamed, its cases are those the reader may see). Refused reads are recorded by the denial
 * observer.
 */
@Injectable()
export class ConfidentialReadsInterceptor implements NestInterceptor {
  constructor(private readonly recorder: AccessRecorder) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const conflictId = confidentialConflictOf(request);
    const several = readsConflictCases(request);
    if (conflictId === undefined && several === undefined) return next.handle();
    return next.handle().pipe(
      mergeMap(async (body: unknown) => {
        const status = http.getResponse<Response>().statusCode;
        const granted = (reason: string, conflict: string | null): AccessDecision => ({
          type: 'AccessGranted',
          status,
          reason,
          conflictId: conflict,
        });
        const decisions =
          several === 'list'
            ? casesListed(body).map((listed) =>
                granted('read of a confidential conflict case, in a list of cases', listed),
              )
            : several === 'export'
              ? [granted('export of the confidential conflict cases the reader may see', null)]
              : [granted('read of a confidential conflict case', conflictId ?? null)];
        await this.recorder.recordAll(accessAttemptOf(request), decisions);
        return body;
      }),
    );
  }
}

/** The ids of the cases a page of cases shows. */
function casesListed(body: unknown): string[] {
  if (typeof body !== 'object' || body === null || !('items' in body)) return [];
  const { items } = body as { items: unknown };
  if (!Array.isArray(items)) return [];
  return items.flatMap((item: unknown) =>
    typeof item === 'object' && item !== null && 'conflictId' in item
      ? [String((item as { conflictId: unknown }).conflictId)]
      : [],
  );
}
