import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { AggregateNotFound, DomainError } from '@cohesion/domain';
import {
  IdempotencyConflictError,
  InvalidAppendError,
  WrongExpectedRevisionError,
} from '@cohesion/event-store';
import { PROBLEM_CONTENT_TYPE, type ProblemDetails, problemType } from './problem-details';

const HTTP_SLUGS: Partial<Record<number, string>> = {
  400: 'bad-request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'unprocessable',
  429: 'too-many-requests',
  503: 'service-unavailable',
};

/** Every error leaves the API as application/problem+json; nothing unexpected leaks its internals. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const problem = { ...this.toProblem(exception), instance: request.originalUrl };
    const response = http.getResponse<Response>();
    // Unavailable is temporary here (read models catching up, storage fault): say when to retry.
    if (problem.status === 503) response.setHeader('Retry-After', '1');
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).json(problem);
  }

  private toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof AggregateNotFound) {
      return {
        type: problemType('not-found'),
        title: 'Not found',
        status: HttpStatus.NOT_FOUND,
        detail: exception.message,
      };
    }
    if (exception instanceof DomainError) {
      return {
        type: problemType(exception.code),
        title: 'A ledger rule refused the command',
        status: HttpStatus.UNPROCESSABLE_ENTITY,
        detail: exception.message,
        rule: exception.code,
      };
    }
    if (exception instanceof WrongExpectedRevisionError) {
      return {
        type: problemType('concurrency-conflict'),
        title: 'The stream changed since it was read',
        status: HttpStatus.CONFLICT,
        detail: exception.message,
        stream: exception.stream,
        actualRevision: String(exception.actualRevision),
      };
    }
    if (exception instanceof IdempotencyConflictError) {
      return {
        type: problemType('idempotency-key-reused'),
        title: 'This command id was already used for another command',
        status: HttpStatus.CONFLICT,
        detail: exception.message,
      };
    }
    if (exception instanceof InvalidAppendError) {
      return {
        type: problemType('invalid-event'),
        title: 'Invalid event',
        status: 400,
        detail: exception.message,
      };
    }
    if (exception instanceof HttpException) return fromHttpException(exception);
    this.logger.error(
      exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
    );
    return {
      type: problemType('internal-error'),
      title: 'Internal error',
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      detail: 'The ledger could not complete the request; nothing partial was recorded.',
    };
  }
}

function fromHttpException(exception: HttpException): ProblemDetails {
  const status = exception.getStatus();
  const body = exception.getResponse();
  const {
    message,
    statusCode: _statusCode,
    status: _status,
    ...extensions
  } = typeof body === 'object' ? (body as Record<string, unknown>) : { message: body };
  // Nest's own bodies name the status in `error`; others (terminus) carry details there.
  const { error, ...rest } = extensions;
  const title = typeof error === 'string' ? error : exception.name;
  const reasons = Array.isArray(message) ? message.map(String) : undefined;
  return {
    ...(typeof error === 'string' ? rest : extensions),
    ...(reasons ? { errors: reasons } : {}),
    type: problemType(HTTP_SLUGS[status] ?? `http-${status}`),
    title,
    status,
    detail: reasons
      ? reasons.join('; ')
      : typeof message === 'string'
        ? message
        : exception.message,
  };
}
