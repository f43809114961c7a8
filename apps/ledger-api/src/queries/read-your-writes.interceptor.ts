import {
  BadRequestException,
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  ServiceUnavailableException,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Request, Response } from 'express';
import { from, type Observable, switchMap } from 'rxjs';
import { ProjectionRunner } from '@cohesion/projections';
import type { LedgerConfig } from '@cohesion/application';

export const MIN_POSITION_HEADER = 'x-min-position';
export const READ_MODEL_POSITION_HEADER = 'x-read-model-position';
const POSITION = /^\d{1,20}$/;

/**
 * Read-your-writes. A command answers once the read models include its last event (unless
 * configured off); a query that names a minimum position (`x-min-position` header or
 * `minPosition` parameter) waits, bounded, until the read models reach it, or answers 503.
 * Every answer says which position the read models had reached.
 */
@Injectable()
export class ReadYourWritesInterceptor implements NestInterceptor {
  private readonly waitMs: number;
  private readonly commandsAwait: boolean;

  constructor(
    private readonly runner: ProjectionRunner,
    config: ConfigService<LedgerConfig, true>,
  ) {
    this.waitMs = config.get('LEDGER_READ_MODEL_WAIT_MS', { infer: true });
    this.commandsAwait = config.get('LEDGER_COMMANDS_AWAIT_READ_MODELS', { infer: true });
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    if (request.method === 'GET') {
      return from(this.awaitMinimum(request)).pipe(
        switchMap(() => {
          response.setHeader(READ_MODEL_POSITION_HEADER, this.runner.position.toString());
          return next.handle();
        }),
      );
    }
    return next.handle().pipe(
      switchMap(async (result: unknown) => {
        const position = positionOf(result);
        if (this.commandsAwait && position !== undefined)
          await this.runner.waitFor(position, this.waitMs);
        response.setHeader(READ_MODEL_POSITION_HEADER, this.runner.position.toString());
        return result;
      }),
    );
  }

  private async awaitMinimum(request: Request): Promise<void> {
    const wanted = request.header(MIN_POSITION_HEADER) ?? request.query.minPosition;
    if (wanted === undefined) return;
    if (typeof wanted !== 'string' || !POSITION.test(wanted)) {
      throw new BadRequestException('minPosition must be a log position (digits)');
    }
    if (!(await this.runner.waitFor(BigInt(wanted), this.waitMs))) {
      throw new ServiceUnavailableException({
        message: `The read models have reached position ${this.runner.position}, not yet ${wanted}; retry shortly`,
        readModelPosition: this.runner.position.toString(),
      });
    }
  }
}

function positionOf(result: unknown): bigint | undefined {
  if (typeof result !== 'object' || result === null || !('position' in result)) return undefined;
  const { position } = result as { position: unknown };
  return typeof position === 'string' && POSITION.test(position) ? BigInt(position) : undefined;
}
