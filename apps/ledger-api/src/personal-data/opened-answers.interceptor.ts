import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { map, type Observable } from 'rxjs';
import { PersonalDataReader } from '@cohesion/application';

/**
 * Every JSON answer leaves with its personal fields opened: read models, replays and states keep
 * the sealed envelopes as the log holds them, and only what is served reads as plain text, or as
 * `[erased YYYY-MM-DD]` once the subject's key was destroyed. Files (exports) open their own rows.
 */
@Injectable()
export class OpenedAnswersInterceptor implements NestInterceptor {
  constructor(private readonly personal: PersonalDataReader) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(map((body: unknown) => this.personal.open(body)));
  }
}
