import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { map, type Observable } from 'rxjs';
import { PersonalDataReader } from '@cohesion/application';

const SERVES_SEALED_FORM = 'ledger:serves-sealed-form';

/**
 * A route that serves events as recorded when asked `?personalData=sealed`: envelopes in place,
 * so that each event hashes as the log and its proofs say (the opened form does not).
 */
export const ServesSealedForm = (): MethodDecorator => SetMetadata(SERVES_SEALED_FORM, true);

/**
 * Every JSON answer leaves with its personal fields opened: read models, replays and states keep
 * the sealed envelopes as the log holds them, and only what is served reads as plain text, or as
 * `[erased YYYY-MM-DD]` once the subject's key was destroyed. Files (exports) open their own rows.
 */
@Injectable()
export class OpenedAnswersInterceptor implements NestInterceptor {
  constructor(
    private readonly personal: PersonalDataReader,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (this.sealedFormAsked(context)) return next.handle();
    return next.handle().pipe(map((body: unknown) => this.personal.open(body)));
  }

  private sealedFormAsked(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return false;
    const serves = this.reflector.get<boolean | undefined>(
      SERVES_SEALED_FORM,
      context.getHandler(),
    );
    const { query } = context.switchToHttp().getRequest<Request>();
    return serves === true && query.personalData === 'sealed';
  }
}
